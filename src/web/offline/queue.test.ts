import { describe, expect, it } from 'vitest';
import {
  classify,
  continuesPass,
  type OutboxItem,
  type OutboxStore,
  ownedBy,
  retryDelayMs,
  type SendItem,
  sendOrder,
  sendPass,
} from './queue.js';

const ME = 1;
const visit = (
  seq: number,
  state: OutboxItem['state'] = 'pending',
  /** null: an item made before records had an owner. */
  ownerId: number | null = ME,
): OutboxItem => ({
  seq,
  id: `v${seq}`,
  ...(ownerId === null ? {} : { ownerId }),
  payload: {
    kind: 'visit',
    headName: null,
    body: { id: `v${seq}`, householdId: 1, visitedOn: '2026-11-29', incomeChanged: false },
  },
  state,
  attempts: 0,
  createdAt: '2026-11-29T00:00:00Z',
});

describe('the outbox rules', () => {
  it('sends pending items in the order they were made, skipping those waiting on the user', () => {
    const items = [visit(3), visit(1), visit(2, 'conflict'), visit(4, 'rejected'), visit(5)];
    expect(sendOrder(items, ME).map((i) => i.seq)).toEqual([1, 3, 5]);
  });

  it('treats 201 (new) and 200 (already stored by an earlier send) alike as done', () => {
    expect(classify(201)).toBe('done');
    expect(classify(200)).toBe('done');
  });

  it('classifies conflicts, lost sessions, retries and refusals', () => {
    expect(classify(409)).toBe('conflict');
    expect(classify(401)).toBe('login');
    expect(classify(null)).toBe('retry');
    for (const status of [500, 502, 503, 504, 408, 429]) {
      expect(classify(status)).toBe('retry');
    }
    for (const status of [400, 403, 404, 413]) {
      expect(classify(status)).toBe('rejected');
    }
  });

  it('stops a pass when the network or the session is gone, and goes on past a record-level problem', () => {
    expect(continuesPass('retry')).toBe(false);
    expect(continuesPass('login')).toBe(false);
    expect(continuesPass('done')).toBe(true);
    expect(continuesPass('conflict')).toBe(true);
    expect(continuesPass('rejected')).toBe(true);
  });

  it('backs off exponentially up to five minutes', () => {
    expect(retryDelayMs(0)).toBe(5_000);
    expect(retryDelayMs(1)).toBe(10_000);
    expect(retryDelayMs(3)).toBe(40_000);
    expect(retryDelayMs(20)).toBe(300_000);
  });
});

describe('a send pass', () => {
  /** An outbox in a Map, and a server that stores visits by id like POST /api/visits does. */
  function setup() {
    const outbox = new Map<number, OutboxItem>();
    const store: OutboxStore = {
      list: async () => [...outbox.values()],
      put: async (item) => {
        outbox.set(item.seq ?? 0, item);
      },
      remove: async (seq) => {
        outbox.delete(seq);
      },
    };
    const server = new Map<string, number>();
    return { outbox, store, server };
  }

  it('lands a visit once when its answer was lost and it is sent again', async () => {
    const { outbox, store, server } = setup();
    outbox.set(1, visit(1));
    outbox.set(2, visit(2));
    let calls = 0;
    const send: SendItem = async (item) => {
      calls += 1;
      const isNew = !server.has(item.id);
      server.set(item.id, (server.get(item.id) ?? 0) + (isNew ? 1 : 0));
      // The first answer is lost on the way back: stored on the server, unknown on the phone.
      if (calls === 1) {
        return { status: null };
      }
      return { status: isNew ? 201 : 200 };
    };
    expect(await sendPass(store, send, ME)).toEqual({ sent: 0, stoppedBy: 'offline' });
    expect(outbox.get(1)?.attempts).toBe(1);
    expect(outbox.has(2)).toBe(true);
    expect(await sendPass(store, send, ME)).toEqual({ sent: 2, stoppedBy: null });
    expect(outbox.size).toBe(0);
    expect([...server.values()]).toEqual([1, 1]);
  });

  it('keeps a conflict for the user and sends the records behind it', async () => {
    const { outbox, store } = setup();
    outbox.set(1, visit(1));
    outbox.set(2, visit(2));
    const send: SendItem = async (item) =>
      item.seq === 1 ? { status: 409, message: '已被他人修改' } : { status: 201 };
    expect(await sendPass(store, send, ME)).toEqual({ sent: 1, stoppedBy: null });
    expect(outbox.get(1)).toMatchObject({ state: 'conflict', error: '已被他人修改' });
    expect(outbox.has(2)).toBe(false);
  });

  it('stops on a lost session and keeps the outbox', async () => {
    const { outbox, store } = setup();
    outbox.set(1, visit(1));
    outbox.set(2, visit(2));
    expect(await sendPass(store, async () => ({ status: 401 }), ME)).toEqual({ sent: 0, stoppedBy: 'login' });
    expect(outbox.size).toBe(2);
    expect(outbox.get(1)?.state).toBe('pending');
  });

  it("never sends another user's records, and leaves them untouched for that user", async () => {
    const { outbox, store, server } = setup();
    outbox.set(1, visit(1, 'pending', 2));
    outbox.set(2, visit(2));
    outbox.set(3, visit(3, 'pending', null)); // made before records had an owner
    const send: SendItem = async (item) => {
      server.set(item.id, 1);
      return { status: 201 };
    };
    expect(await sendPass(store, send, ME)).toEqual({ sent: 1, stoppedBy: null });
    expect([...server.keys()]).toEqual(['v2']);
    expect(outbox.get(1)).toEqual(visit(1, 'pending', 2));
    expect(outbox.get(3)?.state).toBe('pending');
    // The other user, logged in again, sends theirs.
    expect(await sendPass(store, send, 2)).toEqual({ sent: 1, stoppedBy: null });
    expect([...server.keys()]).toEqual(['v2', 'v1']);
  });
});

describe('whose records', () => {
  it("splits the outbox into mine and another user's, ownerless ones counting as another's", () => {
    const items = [visit(1), visit(2, 'pending', 2), visit(3, 'conflict'), visit(4, 'pending', null)];
    const { mine, others } = ownedBy(items, ME);
    expect(mine.map((i) => i.seq)).toEqual([1, 3]);
    expect(others.map((i) => i.seq)).toEqual([2, 4]);
    expect(ownedBy(items, null).mine).toEqual([]);
  });
});
