import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * One registry of operators (经营主体, domain-cdefg §C3, C8, C9): co-operatives, family farms, lead
 * enterprises, village collectives, assistance workshops. Employment (workshops, lead enterprises' workers)
 * and industry (farmer linkage, consumer assistance) both point at these rows, so an operator is entered once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table operator (
      id bigserial primary key,
      county_code text not null,
      -- where the operator is registered or sits: a village, town or county code
      region_code text not null references region (code),
      name text not null,
      -- 统一社会信用代码, 18 characters; unknown for many family farms and large growers
      uscc text,
      operator_type text not null check (operator_type in
        ('lead_enterprise', 'cooperative', 'family_farm', 'large_grower', 'village_collective', 'workshop', 'other')),
      legal_person text,
      contact_phone text,
      -- 帮扶龙头企业 certification: level and date (null when not certified)
      lead_level text check (lead_level in ('national', 'provincial', 'city', 'county')),
      lead_certified_on date,
      status text not null default 'active' check (status in ('active', 'suspended', 'closed')),
      note text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- A USCC names one legal entity; unique within a county (the distribution key stays in the index).
    create unique index operator_uscc_uniq on operator (county_code, uscc) where uscc is not null;
    create index operator_region_idx on operator (region_code text_pattern_ops);
    create index operator_type_idx on operator (county_code, operator_type);
    `,
  );
}
