import { type Kysely, sql } from 'kysely';
import type { DB, RegionRow } from '../db/schema.js';

export interface RegionInput {
  code: string;
  name: string;
  level: RegionRow['level'];
  parentCode: string | null;
  countyCode: string | null;
}

export function createRegionRepository(db: Kysely<DB>) {
  return {
    findByCode(code: string): Promise<RegionRow | undefined> {
      return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
    },

    findByCodes(codes: readonly string[]): Promise<RegionRow[]> {
      if (codes.length === 0) {
        return Promise.resolve([]);
      }
      return db.selectFrom('region').selectAll().where('code', 'in', codes).execute();
    },

    /** Children of a region with the number of their own children, for a lazily expanded tree. */
    listChildren(parentCode: string) {
      return db
        .selectFrom('region as r')
        .select(['r.code', 'r.name', 'r.level', 'r.parent_code', 'r.county_code'])
        .select((eb) =>
          eb
            .selectFrom('region as c')
            .whereRef('c.parent_code', '=', 'r.code')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('child_count'),
        )
        .where('r.parent_code', '=', parentCode)
        .orderBy('r.level')
        .orderBy('r.code')
        .execute();
    },

    /** The region and its ancestors, root first. */
    async listAncestry(code: string): Promise<RegionRow[]> {
      const result = await sql<RegionRow>`
        with recursive up as (
          select r.*, 0 as depth from region r where r.code = ${code}
          union all
          select p.*, up.depth + 1 from region p join up on p.code = up.parent_code
        )
        select code, name, level, parent_code, county_code, created_at, updated_at
        from up order by depth desc`.execute(db);
      return result.rows;
    },

    listRoots(): Promise<RegionRow[]> {
      return db.selectFrom('region').selectAll().where('parent_code', 'is', null).orderBy('code').execute();
    },

    listZones() {
      return db
        .selectFrom('region as z')
        .select(['z.code', 'z.name', 'z.parent_code'])
        .select((eb) =>
          eb
            .selectFrom('zone_town as zt')
            .innerJoin('region as t', 't.code', 'zt.town_code')
            .whereRef('zt.zone_code', '=', 'z.code')
            .select(
              sql<
                Array<{ code: string; name: string }>
              >`coalesce(json_agg(json_build_object('code', t.code, 'name', t.name) order by t.code), '[]'::json)`.as(
                'towns',
              ),
            )
            .as('towns'),
        )
        .where('z.level', '=', 'zone')
        .orderBy('z.code')
        .execute();
    },

    async listZoneTownCodes(zoneCode: string): Promise<string[]> {
      const rows = await db
        .selectFrom('zone_town')
        .select('town_code')
        .where('zone_code', '=', zoneCode)
        .execute();
      return rows.map((r) => r.town_code);
    },

    /** Inserts or renames regions, parents first (the caller orders them). */
    listByLevel(level: RegionRow['level']) {
      return db.selectFrom('region').selectAll().where('level', '=', level).orderBy('code').execute();
    },

    async upsertMany(regions: readonly RegionInput[]): Promise<void> {
      for (let i = 0; i < regions.length; i += 1000) {
        const chunk = regions.slice(i, i + 1000);
        await db
          .insertInto('region')
          .values(
            chunk.map((r) => ({
              code: r.code,
              name: r.name,
              level: r.level,
              parent_code: r.parentCode,
              county_code: r.countyCode,
            })),
          )
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              level: eb.ref('excluded.level'),
              parent_code: eb.ref('excluded.parent_code'),
              county_code: eb.ref('excluded.county_code'),
              updated_at: sql`now()`,
            })),
          )
          .execute();
      }
    },

    async setZoneTowns(zoneCode: string, townCodes: readonly string[]): Promise<void> {
      await db.deleteFrom('zone_town').where('zone_code', '=', zoneCode).execute();
      if (townCodes.length > 0) {
        await db
          .insertInto('zone_town')
          .values(townCodes.map((town_code) => ({ zone_code: zoneCode, town_code })))
          .execute();
      }
    },
  };
}

export type RegionRepository = ReturnType<typeof createRegionRepository>;
