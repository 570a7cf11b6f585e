/**
 * The phone's offline store, on the browser's IndexedDB API directly (no library):
 *   households  the work set, one record per household (keyPath `id`), replaced whole on refresh
 *   outbox      pending writes, keyed by an increasing `seq` (the order they were made), each with its own id
 *   meta        small values: the work-set cursor, who the store belongs to, the last known user
 * Everything here is the offline copy only; the server stays the record.
 */

import { clock } from '../../shared/clock.js';
import type { WorksetHousehold, WorksetResponse } from '../../shared/workset.js';
import type { Me } from '../data/session.js';
import type { OutboxItem, OutboxStore } from './queue.js';

const DB_NAME = 'shoudi-offline';
const DB_VERSION = 1;

let opening: Promise<IDBDatabase> | null = null;

/** Opens (and on first use creates) the database; one connection is shared by the whole app. */
function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('households', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('meta');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

type StoreName = 'households' | 'outbox' | 'meta';

/** Runs `fn` in one transaction and resolves when it commits (IndexedDB's requests are callbacks). */
async function run<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  fn: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const request = fn(tx);
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await run(['meta'], 'readonly', (tx) => tx.objectStore('meta').get(key))) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await run(['meta'], 'readwrite', (tx) => tx.objectStore('meta').put(value, key));
}

/**
 * Stores a downloaded work set: a full one replaces everything, a refresh replaces the households it
 * carries; either way households no longer in scope are dropped. The cursor is saved in the same transaction.
 */
export async function saveWorkset(set: WorksetResponse, owner: number): Promise<void> {
  const inScope = new Set(set.scopeIds);
  await run(['households', 'meta'], 'readwrite', (tx) => {
    const households = tx.objectStore('households');
    if (set.full) {
      households.clear();
    } else {
      const keys = households.getAllKeys();
      keys.onsuccess = () => {
        for (const key of keys.result) {
          if (!inScope.has(Number(key))) {
            households.delete(key);
          }
        }
      };
    }
    for (const household of set.households) {
      households.put(household);
    }
    tx.objectStore('meta').put(set.cursor, 'cursor');
    tx.objectStore('meta').put(owner, 'owner');
    tx.objectStore('meta').put(clock().now().toISOString(), 'savedAt');
    return undefined;
  });
}

export async function listHouseholds(): Promise<WorksetHousehold[]> {
  return ((await run(['households'], 'readonly', (tx) => tx.objectStore('households').getAll())) ??
    []) as WorksetHousehold[];
}

export async function getHousehold(id: number): Promise<WorksetHousehold | undefined> {
  return (await run(['households'], 'readonly', (tx) => tx.objectStore('households').get(id))) as
    | WorksetHousehold
    | undefined;
}

/** Puts a write in the outbox; it is sent by sync.ts when the phone is online. */
export async function enqueue(item: Omit<OutboxItem, 'seq'>): Promise<void> {
  await run(['outbox'], 'readwrite', (tx) => tx.objectStore('outbox').add(item));
}

/** The outbox as the send pass in queue.ts sees it. */
export const outboxStore: OutboxStore = {
  async list() {
    return ((await run(['outbox'], 'readonly', (tx) => tx.objectStore('outbox').getAll())) ??
      []) as OutboxItem[];
  },
  async put(item) {
    await run(['outbox'], 'readwrite', (tx) => tx.objectStore('outbox').put(item));
  },
  async remove(seq) {
    await run(['outbox'], 'readwrite', (tx) => tx.objectStore('outbox').delete(seq));
  },
};

/** The last user who logged in on this phone, so the app opens offline as them. */
export const rememberMe = (me: Me | null) => setMe(me);
const setMe = (me: Me | null) => setMeta('me', me);
export const rememberedMe = () => getMeta<Me | null>('me');

/** Logging out: the work set, the cursor and the remembered user go; the outbox only when `withOutbox`. */
export async function clearStore(withOutbox: boolean): Promise<void> {
  const stores: StoreName[] = withOutbox ? ['households', 'meta', 'outbox'] : ['households', 'meta'];
  await run(stores, 'readwrite', (tx) => {
    for (const name of stores) {
      tx.objectStore(name).clear();
    }
    return undefined;
  });
}
