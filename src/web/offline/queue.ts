/**
 * The outbox's rules, as pure functions (unit-tested in queue.test.ts; IndexedDB and fetch live in db.ts
 * and sync.ts). Lessons from CommCare and ODK (docs/peers.md): every record gets its id on the phone, so
 * sending it twice stores it once; records leave in the order they were made; a refusal the user must
 * act on is never retried blindly, and nothing is dropped without the user seeing it.
 */
import type { BodyOf } from '../api/contract.js';
import type { Facts } from './facts.js';

/** A pending write. `id` is the client-made id of the record (the visit's UUID; for a close, a UUID made when it was queued). */
export type OutboxPayload =
  | { kind: 'visit'; body: BodyOf<'/api/visits', 'post'>; headName: string | null }
  /** A photo of a visit, kept as a blob; queued before its visit, so it is on the server first. */
  | {
      kind: 'attachment';
      body: Omit<BodyOf<'/api/attachments', 'post'>, 'contentBase64'>;
      blob: Blob;
    }
  /** `version` is the lead's from the work set: a 409 means someone settled or changed it meanwhile. */
  | {
      kind: 'leadClose';
      leadId: number;
      body: BodyOf<'/api/leads/{id}/close', 'post'>;
      headName?: string | null;
    }
  | {
      kind: 'alertClose';
      alertId: number;
      body: BodyOf<'/api/alerts/{id}/close', 'post'>;
      headName?: string | null;
    }
  /** A work record entered at a visit, with its client-made id (`body.clientId`): a resend stores it once. */
  | { kind: 'workRecord'; body: BodyOf<'/api/employment/records', 'post'>; headName: string | null }
  /** An industry-reward claim recorded at a visit, with its client-made id (`body.clientId`). */
  | { kind: 'industryClaim'; body: BodyOf<'/api/industry-claims', 'post'>; headName: string | null }
  /** Corrected facts of a household (facts.ts), with the household's version: a 409 offers keep mine / take theirs. */
  | {
      kind: 'householdFacts';
      householdId: number;
      body: Facts & { version: number };
      headName?: string | null;
    };

export type OutboxState = 'pending' | 'conflict' | 'rejected';

export interface OutboxItem {
  /** IndexedDB key, increasing: the order the records were made in. */
  seq?: number;
  /** The record's own id (what makes a resend idempotent). */
  id: string;
  /**
   * The user who made it. A phone is often shared (a cadre and a helper, or a cadre's successor): the
   * server would accept another user's record under the new session and attribute it to the wrong person,
   * so only the maker's session ever sends it. Items from before this field existed have none and count as
   * another user's: they can be discarded, never sent under a guess.
   */
  ownerId?: number;
  payload: OutboxPayload;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  /** The server's message for a conflict or a refusal, shown to the user. */
  error?: string | null;
}

/** What to do with an item after one attempt to send it. */
export type Outcome =
  | 'done' // 200 or 201: stored (201) or already stored by an earlier send (200)
  | 'conflict' // 409: the record changed on the server; the user decides
  | 'login' // 401: the session ended; keep everything, ask the user to log in again
  | 'retry' // no answer, or the server is busy or broken: try again later
  | 'rejected'; // 400, 403, 404, 413: resending the same bytes will never work; show it to the user

/** `status` is the HTTP status, or null when the request got no answer (offline, DNS, reset, timeout). */
export function classify(status: number | null): Outcome {
  if (status === null) {
    return 'retry';
  }
  if (status === 200 || status === 201) {
    return 'done';
  }
  if (status === 409) {
    return 'conflict';
  }
  if (status === 401) {
    return 'login';
  }
  if (status === 408 || status === 429 || status >= 500) {
    return 'retry';
  }
  return 'rejected';
}

/**
 * The items to send now, in the order they were made. Only pending items go out; an item waiting on the
 * user (conflict, rejected) does not hold back the ones behind it: they are separate records. A visit's
 * photos were queued before it, and a pass stops at the first unanswered item, so a visit never reaches
 * the server before its photos.
 */
export function sendOrder(items: readonly OutboxItem[], userId: number): OutboxItem[] {
  return ownedBy(items, userId)
    .mine.filter((i) => i.state === 'pending')
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** Splits the outbox into the current user's records and those another user left on this phone. */
export function ownedBy(
  items: readonly OutboxItem[],
  userId: number | null,
): { mine: OutboxItem[]; others: OutboxItem[] } {
  const mine: OutboxItem[] = [];
  const others: OutboxItem[] = [];
  for (const item of items) {
    (userId !== null && item.ownerId === userId ? mine : others).push(item);
  }
  return { mine, others };
}

/** Whether a send pass goes on after this outcome: no answer or no session means the next ones fail too. */
export const continuesPass = (outcome: Outcome): boolean => outcome !== 'retry' && outcome !== 'login';

/** Waits between retries: 5 s, 10 s, 20 s … at most 5 minutes, so a phone on a bad link does not drain its battery. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts));
}

/** How many records wait (the badge): everything not yet stored, including those waiting on the user. */
export const waitingCount = (items: readonly OutboxItem[]): number => items.length;

/** Where the outbox is kept (IndexedDB in the app, a Map in tests). */
export interface OutboxStore {
  list(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(seq: number): Promise<void>;
}

/** One attempt to send one item: the HTTP status, or null when no answer came. */
export type SendItem = (item: OutboxItem) => Promise<{ status: number | null; message?: string | null }>;

export interface PassResult {
  sent: number;
  /** 'offline': stopped on a network failure (retry later); 'login': the session ended (outbox kept). */
  stoppedBy: 'offline' | 'login' | null;
}

/**
 * Sends the user's own outbox once, in order (never another user's records, see `ownerId`). A stored item (200/201) leaves the outbox; a conflict or refusal stays,
 * marked for the user; no answer stops the pass with the item still pending. An item whose answer was lost
 * after the server stored it is simply sent again next time: the server answers 200 with the stored record.
 */
export async function sendPass(store: OutboxStore, send: SendItem, userId: number): Promise<PassResult> {
  let sent = 0;
  for (const item of sendOrder(await store.list(), userId)) {
    const answer = await send(item);
    const outcome = classify(answer.status);
    if (outcome === 'done') {
      await store.remove(item.seq ?? 0);
      sent += 1;
      continue;
    }
    if (outcome === 'conflict' || outcome === 'rejected') {
      await store.put({
        ...item,
        state: outcome === 'conflict' ? 'conflict' : 'rejected',
        error: answer.message ?? null,
      });
      continue;
    }
    await store.put({ ...item, attempts: item.attempts + 1 });
    return { sent, stoppedBy: outcome === 'login' ? 'login' : 'offline' };
  }
  return { sent, stoppedBy: null };
}
