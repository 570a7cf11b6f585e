import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/database.js';
import { type Placement, TABLE_PLACEMENT } from '../src/server/db/distribution.js';
import { DISTRIBUTION_GAPS } from './distribution-gaps.js';
import { createTestDatabase } from './helpers/test-db.js';

/**
 * Keeps the schema distributable by county (docs/SCALE.md): every table of the migrated catalog has a placement
 * in `src/server/db/distribution.ts`, and breaks its placement's rules only where `distribution-gaps.ts` lists
 * the break. The list must be exact: a new table or index that breaks a rule fails here, and so does a listed gap
 * a migration has fixed (take it off the list, so the list stays the true size of the work left).
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

interface Catalog {
  tables: Map<string, { countyCode: 'not null' | 'null' | 'absent' }>;
  /** The primary key and the unique indexes: index name, table, columns (null for an expression). */
  uniques: { name: string; table: string; primary: boolean; columns: (string | null)[] }[];
  foreignKeys: { name: string; table: string; columns: string[]; refTable: string; refColumns: string[] }[];
}

async function readCatalog(): Promise<Catalog> {
  const tables = await sql<{ name: string; county_code: string | null }>`
    select c.relname as name,
      (select case when a.attnotnull then 'not null' else 'null' end from pg_attribute a
        where a.attrelid = c.oid and a.attname = 'county_code' and not a.attisdropped) as county_code
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(database.db);
  const uniques = await sql<{ name: string; table: string; primary: boolean; columns: string }>`
    select i.relname as name, t.relname as table, x.indisprimary as primary,
      (select string_agg(coalesce(a.attname, '(expression)'), ',' order by k.ord)
         from unnest(x.indkey::int2[]) with ordinality as k(attnum, ord)
         left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum and k.attnum > 0) as columns
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and x.indisunique`.execute(database.db);
  const foreignKeys = await sql<{
    name: string;
    table: string;
    columns: string;
    ref_table: string;
    ref_columns: string;
  }>`
    select k.conname as name, t.relname as table, r.relname as ref_table,
      (select string_agg(a.attname, ',' order by c.ord) from unnest(k.conkey) with ordinality as c(attnum, ord)
         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = c.attnum) as columns,
      (select string_agg(a.attname, ',' order by c.ord) from unnest(k.confkey) with ordinality as c(attnum, ord)
         join pg_attribute a on a.attrelid = k.confrelid and a.attnum = c.attnum) as ref_columns
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and k.contype = 'f'`.execute(database.db);
  return {
    tables: new Map(
      tables.rows.map((row) => [
        row.name,
        { countyCode: (row.county_code ?? 'absent') as 'not null' | 'null' | 'absent' },
      ]),
    ),
    uniques: uniques.rows.map((row) => ({
      name: row.name,
      table: row.table,
      primary: row.primary,
      columns: row.columns.split(',').map((column) => (column === '(expression)' ? null : column)),
    })),
    foreignKeys: foreignKeys.rows.map((row) => ({
      name: row.name,
      table: row.table,
      columns: row.columns.split(','),
      refTable: row.ref_table,
      refColumns: row.ref_columns.split(','),
    })),
  };
}

/** Which placements a table of each placement may hold a foreign key to. */
const MAY_REFERENCE: Record<Placement, readonly Placement[]> = {
  county: ['county', 'reference'],
  reference: ['reference'],
  coordinator: ['coordinator', 'reference'],
  'own-key': ['reference'],
};

/** Every break of the rules of `distribution.ts`, one line each, named by the catalog object that breaks it. */
function breaks(catalog: Catalog): string[] {
  const found: string[] = [];
  const placement = (table: string): Placement | undefined => TABLE_PLACEMENT[table];
  for (const [table, { countyCode }] of catalog.tables) {
    if (placement(table) === 'county' && countyCode !== 'not null') {
      found.push(`county_code ${countyCode}: ${table}`);
    }
  }
  for (const unique of catalog.uniques) {
    if (placement(unique.table) === 'county' && !unique.columns.includes('county_code')) {
      found.push(`${unique.primary ? 'primary key' : 'unique index'} without county_code: ${unique.name}`);
    }
  }
  for (const key of catalog.foreignKeys) {
    const from = placement(key.table);
    const to = placement(key.refTable);
    if (!from || !to) {
      continue; // reported as an unplaced table
    }
    if (!MAY_REFERENCE[from].includes(to)) {
      found.push(`foreign key from a ${from} table to a ${to} table: ${key.name}`);
    } else if (from === 'county' && to === 'county') {
      const at = key.columns.indexOf('county_code');
      if (at < 0 || key.refColumns[at] !== 'county_code') {
        found.push(`foreign key between county tables without county_code: ${key.name}`);
      }
    }
  }
  return found.sort();
}

describe('the schema stays distributable by county', () => {
  it('places every table of the migrated catalog, and places no table that is not there', async () => {
    const catalog = await readCatalog();
    const tables = [...catalog.tables.keys()].sort();
    expect(tables.filter((table) => !(table in TABLE_PLACEMENT))).toEqual([]);
    expect(Object.keys(TABLE_PLACEMENT).filter((table) => !catalog.tables.has(table))).toEqual([]);
  });

  it('breaks the placement rules exactly where the gaps list says, no more and no fewer', async () => {
    const found = breaks(await readCatalog());
    const listed = [...DISTRIBUTION_GAPS].sort();
    // Two lists, so a failure says which way it went.
    expect({ newBreaks: found.filter((line) => !listed.includes(line)) }).toEqual({ newBreaks: [] });
    expect({ fixedButStillListed: listed.filter((line) => !found.includes(line)) }).toEqual({
      fixedButStillListed: [],
    });
  });

  it('finds a break when a county table is keyed without its county code (the rules can fail)', () => {
    const catalog: Catalog = {
      tables: new Map([
        ['household', { countyCode: 'not null' }],
        ['visit', { countyCode: 'null' }],
        ['region', { countyCode: 'null' }],
      ]),
      uniques: [
        { name: 'household_pkey', table: 'household', primary: true, columns: ['id', 'county_code'] },
        { name: 'visit_pkey', table: 'visit', primary: true, columns: ['id'] },
      ],
      foreignKeys: [
        {
          name: 'visit_household_fkey',
          table: 'visit',
          columns: ['household_id'],
          refTable: 'household',
          refColumns: ['id'],
        },
        {
          name: 'region_household_fkey',
          table: 'region',
          columns: ['household_id'],
          refTable: 'household',
          refColumns: ['id'],
        },
      ],
    };
    expect(breaks(catalog)).toEqual([
      'county_code null: visit',
      'foreign key between county tables without county_code: visit_household_fkey',
      'foreign key from a reference table to a county table: region_household_fkey',
      'primary key without county_code: visit_pkey',
    ]);
  });
});
