import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createAuditRepository } from './audit.repository.js';
import { createRegionRepository } from './region.repository.js';
import { createSessionRepository } from './session.repository.js';
import { createUserRepository } from './user.repository.js';

/** Every repository over one Kysely handle: the pool, or a transaction a service opened. */
export function createRepositories(db: Kysely<DB>) {
  return {
    regions: createRegionRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    audit: createAuditRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
