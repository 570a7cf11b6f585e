import { type Kysely, sql } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { AppUserRow, AppUserUpdate, DB, NewAppUser } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export interface UserListFilter {
  scope: readonly string[];
  q?: string | undefined;
  role?: Role | undefined;
  regionPrefixes?: readonly string[] | undefined;
  disabled?: boolean | undefined;
  limit: number;
  offset: number;
}

export function createUserRepository(db: Kysely<DB>) {
  const withRegionName = () =>
    db
      .selectFrom('app_user as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .selectAll('u')
      .select(['r.name as region_name', 'r.level as region_level']);

  return {
    findById(id: number) {
      return withRegionName().where('u.id', '=', id).executeTakeFirst();
    },

    findByUsername(username: string): Promise<AppUserRow | undefined> {
      return db
        .selectFrom('app_user')
        .selectAll()
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
    },

    async list(filter: UserListFilter) {
      let query = withRegionName().where((eb) => inScope(eb, eb.ref('u.region_code'), filter.scope));
      if (filter.q) {
        const pattern = `%${escapeLike(filter.q)}%`;
        query = query.where((eb) =>
          eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
        );
      }
      if (filter.role) {
        query = query.where('u.role', '=', filter.role);
      }
      if (filter.regionPrefixes) {
        const prefixes = filter.regionPrefixes;
        query = query.where((eb) => inScope(eb, eb.ref('u.region_code'), prefixes));
      }
      if (filter.disabled !== undefined) {
        query = query.where('u.disabled', '=', filter.disabled);
      }
      const [items, total] = await Promise.all([
        query
          .orderBy('u.region_code')
          .orderBy('u.username')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: total.n };
    },

    async insert(user: NewAppUser): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('app_user').values(user).returning('id').executeTakeFirstOrThrow(),
        `用户名 ${user.username} 已存在`,
        { field: 'username' },
      );
      return row.id;
    },

    /** Updates only when the stored version matches; returns false on a concurrent change. */
    async updateIfVersion(id: number, version: number, changes: AppUserUpdate): Promise<boolean> {
      const result = await db
        .updateTable('app_user')
        .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void> {
      await db
        .updateTable('app_user')
        .set({
          password_hash: passwordHash,
          must_change_password: mustChange,
          // No version bump: a password is not part of the profile that edit forms hold.
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    async touchLogin(id: number): Promise<void> {
      await db.updateTable('app_user').set({ last_login_at: sql`now()` }).where('id', '=', id).execute();
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export type UserWithRegion = NonNullable<Awaited<ReturnType<UserRepository['findById']>>>;
