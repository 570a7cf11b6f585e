import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createRepositories, type Repositories } from '../repositories/index.js';

export type RunInTransaction = <T>(fn: (repos: Repositories) => Promise<T>) => Promise<T>;

/** Services own transactions: the callback gets repositories bound to one transaction. */
export function transactionRunner(db: Kysely<DB>): RunInTransaction {
  return (fn) => db.transaction().execute((trx) => fn(createRepositories(trx)));
}
