/**
 * Sends the outbox and refreshes the work set. Runs in the page (not the service worker, so it works the
 * same on every browser): on start, on the 'online' event, after each queued write, and on a retry timer
 * that backs off while the phone stays offline. State for the UI is one small observable (useOffline.ts).
 */

import { clock } from '../../shared/clock.js';
import { call, client } from '../api/client.js';
import type { BodyOf } from '../api/contract.js';
import { toApiError } from '../api/errors.js';
import { toBase64 } from '../util/photos.js';
import { newUuid } from '../util/uuid.js';
import { clearStore, enqueue, getMeta, outboxStore, saveWorkset } from './db.js';
import { type Facts, keepMine } from './facts.js';
import {
  type OutboxItem,
  type OutboxPayload,
  ownedBy,
  retryDelayMs,
  type SendItem,
  sendPass,
} from './queue.js';

export interface OfflineState {
  online: boolean;
  /** This user's records not yet on the server, in the order made: pending, plus conflicts and refusals. */
  outbox: OutboxItem[];
  /** Records another user left on this phone: never sent under this session, only discarded on purpose. */
  foreign: OutboxItem[];
  syncing: boolean;
  /** The session ended while records wait: the user must log in again to send them. */
  needsLogin: boolean;
  /** When the work set was last stored on this phone (ISO), or null if never. */
  worksetAt: string | null;
}

let state: OfflineState = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  outbox: [],
  foreign: [],
  syncing: false,
  needsLogin: false,
  worksetAt: null,
};
const listeners = new Set<() => void>();

function setState(patch: Partial<OfflineState>) {
  state = { ...state, ...patch };
  for (const listener of listeners) {
    listener();
  }
}

export const offlineState = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The request one outbox item makes, through the typed client. */
async function request(payload: OutboxPayload) {
  switch (payload.kind) {
    case 'visit':
      return client.POST('/api/visits', { body: payload.body });
    case 'attachment':
      return client.POST('/api/attachments', {
        body: { ...payload.body, contentBase64: await toBase64(payload.blob) },
      });
    case 'leadClose':
      return client.POST('/api/leads/{id}/close', {
        params: { path: { id: payload.leadId } },
        body: payload.body,
      });
    case 'alertClose':
      return client.POST('/api/alerts/{id}/close', {
        params: { path: { id: payload.alertId } },
        body: payload.body,
      });
    case 'workRecord':
      return client.POST('/api/employment/records', { body: payload.body });
    case 'industryClaim':
      return client.POST('/api/industry-claims', { body: payload.body });
    case 'householdFacts':
      return client.PATCH('/api/households/{id}', {
        params: { path: { id: payload.householdId } },
        // The work set types the housing grade as text (shared/workset.ts); the server judges the value.
        body: payload.body as BodyOf<'/api/households/{id}', 'patch'>,
      });
  }
}

/**
 * One item over the network: the status for the send rules (queue.ts) and the message from the one error
 * function. Not through `call()`: a 401 here keeps the records and asks to log in; it does not log out.
 */
const sendItem: SendItem = async (item) => {
  try {
    const { response, error } = await request(item.payload);
    const message = response.ok ? null : toApiError({ status: response.status, body: error }).message;
    return { status: response.status, message };
  } catch {
    return { status: null };
  }
};

let userId: number | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;

async function reloadOutbox() {
  const all = (await outboxStore.list()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const { mine, others } = ownedBy(all, userId);
  setState({ outbox: mine, foreign: others, worksetAt: (await getMeta<string>('savedAt')) ?? null });
}

/** The user queuing a record; a write with no logged-in user would have no owner to send it. */
function ownerId(): number {
  if (userId === null) {
    throw new Error('offline: no user to own the record');
  }
  return userId;
}

function schedule(ms: number) {
  if (timer) {
    clearTimeout(timer);
  }
  timer = setTimeout(() => void syncNow(), ms);
}

/** Downloads the work set (only what changed since the stored cursor, when it belongs to this user). */
async function refreshWorkset(): Promise<void> {
  if (userId === null) {
    return;
  }
  const owner = await getMeta<number>('owner');
  const cursor = owner === userId ? await getMeta<string>('cursor') : undefined;
  const { data } = await client.GET('/api/sync/workset', {
    params: { query: cursor ? { since: cursor } : {} },
  });
  if (data) {
    await saveWorkset(data, userId);
  }
}

/** Sends what waits, then refreshes the work set; one run at a time, a second call joins the first. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    try {
      setState({ syncing: true, online: navigator.onLine });
      if (!navigator.onLine) {
        schedule(retryDelayMs(0));
        return;
      }
      if (userId === null) {
        return;
      }
      const result = await sendPass(outboxStore, sendItem, userId);
      setState({ needsLogin: result.stoppedBy === 'login' });
      if (result.stoppedBy === 'offline') {
        const first = ownedBy(await outboxStore.list(), userId).mine.find((i) => i.state === 'pending');
        schedule(retryDelayMs(first?.attempts ?? 0));
      } else if (result.stoppedBy === null) {
        await refreshWorkset().catch(() => undefined);
        schedule(10 * 60_000);
      }
    } finally {
      await reloadOutbox().catch(() => undefined);
      setState({ syncing: false });
      running = null;
    }
  })();
  return running;
}

const onOnline = () => {
  setState({ online: true });
  void syncNow();
};
const onOffline = () => setState({ online: false });

/** Starts syncing for the logged-in user (who can record visits). */
export function startSync(forUserId: number): () => void {
  userId = forUserId;
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  void syncNow();
  return () => {
    userId = null;
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    if (timer) {
      clearTimeout(timer);
    }
  };
}

/** Keeps a visit for sending; it leaves at once when the phone is online. */
export async function queueVisit(
  body: BodyOf<'/api/visits', 'post'>,
  headName: string | null,
): Promise<void> {
  await enqueue({
    id: body.id,
    ownerId: ownerId(),
    payload: { kind: 'visit', body, headName },
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
  void syncNow();
}

/** Keeps a work record made at a visit for sending; queued before the visit, so the visit's form stays one unit. */
export async function queueWorkRecord(
  body: BodyOf<'/api/employment/records', 'post'>,
  headName: string | null,
): Promise<void> {
  await enqueue({
    id: body.clientId ?? newUuid(),
    ownerId: ownerId(),
    payload: { kind: 'workRecord', body, headName },
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
}

/** Keeps an industry-reward claim made at a visit for sending; queued before the visit, as a work record is. */
export async function queueIndustryClaim(
  body: BodyOf<'/api/industry-claims', 'post'>,
  headName: string | null,
): Promise<void> {
  await enqueue({
    id: body.clientId ?? newUuid(),
    ownerId: ownerId(),
    payload: { kind: 'industryClaim', body, headName },
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
}

/** Keeps a photo of a visit for sending (before the visit itself, which names it). */
export async function queuePhoto(
  body: Omit<BodyOf<'/api/attachments', 'post'>, 'contentBase64'>,
  blob: Blob,
): Promise<void> {
  await enqueue({
    id: body.id,
    ownerId: ownerId(),
    payload: { kind: 'attachment', body, blob },
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
}

/**
 * Closes a lead (or an alert) as verified not at risk, from the work set: sent with the version the phone
 * holds, so if someone settled it meanwhile the server answers 409 and the banner shows their message.
 * The id is made here, once, so the outbox can tell this record apart from any other.
 */
export async function queueClose(
  target: { kind: 'leadClose'; leadId: number } | { kind: 'alertClose'; alertId: number },
  version: number,
  reason: string,
  headName: string | null,
): Promise<void> {
  const payload: OutboxItem['payload'] =
    target.kind === 'leadClose'
      ? { kind: 'leadClose', leadId: target.leadId, body: { version, reason }, headName }
      : {
          kind: 'alertClose',
          alertId: target.alertId,
          body: { version, outcome: 'not_at_risk', reason },
          headName,
        };
  await enqueue({
    id: newUuid(),
    ownerId: ownerId(),
    payload,
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
  void syncNow();
}

/** Keeps corrected household facts for sending, with the version of the household the phone holds. */
export async function queueFacts(
  householdId: number,
  body: Facts & { version: number },
  headName: string | null,
): Promise<void> {
  await enqueue({
    id: newUuid(),
    ownerId: ownerId(),
    payload: { kind: 'householdFacts', householdId, body, headName },
    state: 'pending',
    attempts: 0,
    createdAt: clock().now().toISOString(),
  });
  await reloadOutbox();
  void syncNow();
}

/** The household as the server holds it now, for the conflict dialog (needs a connection). */
export async function serverFacts(householdId: number): Promise<Facts & { version: number }> {
  const { household } = await call(
    client.GET('/api/households/{id}', { params: { path: { id: householdId } } }),
    { keepSession: true },
  );
  return household;
}

/**
 * 保留我的 on a facts conflict: re-read the household and send the user's fields again under its current
 * version. If the server already holds them, the record is simply done. A second conflict (it changed yet
 * again) comes back to the user the same way.
 */
export async function resolveKeepMine(seq: number): Promise<void> {
  const item = (await outboxStore.list()).find((i) => i.seq === seq);
  if (item?.payload.kind !== 'householdFacts') {
    return;
  }
  const next = keepMine(item.payload.body, await serverFacts(item.payload.householdId));
  if (next === null) {
    await outboxStore.remove(seq);
  } else {
    await outboxStore.put({
      ...item,
      payload: { ...item.payload, body: next },
      state: 'pending',
      attempts: 0,
      error: null,
    });
  }
  await reloadOutbox();
  await syncNow();
}

/** The user dropped a record the server refused or that conflicts ("take theirs"). */
export async function discard(seq: number): Promise<void> {
  await outboxStore.remove(seq);
  await reloadOutbox();
}

/** Drops every record another user left on this phone (the banner asks for confirmation first). */
export async function discardForeign(): Promise<void> {
  for (const item of ownedBy(await outboxStore.list(), userId).others) {
    await outboxStore.remove(item.seq ?? 0);
  }
  await reloadOutbox();
}

/** Drops a queued record by its own id (a photo taken off the form before the visit was saved). */
export async function discardRecord(id: string): Promise<void> {
  const item = (await outboxStore.list()).find((i) => i.id === id);
  if (item?.seq !== undefined) {
    await discard(item.seq);
  }
}

/**
 * Logging out: clears the phone's work set and this user's outbox (the caller confirmed it with the user).
 * Another user's records stay: they are theirs to send at their next login, not this user's to delete.
 */
export async function clearOnLogout(): Promise<void> {
  const { mine } = ownedBy(await outboxStore.list(), userId);
  for (const item of mine) {
    await outboxStore.remove(item.seq ?? 0);
  }
  await clearStore(false);
  setState({ outbox: [], foreign: [], worksetAt: null, needsLogin: false });
}
