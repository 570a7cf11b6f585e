import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The first step towards a schema distributable by county (docs/SCALE.md, test/distribution.test.ts): tables that
 * no foreign key points at get the county code into their primary key, `(id, county_code)`, so a distributed
 * engine can place them by county. `id` stays first, so a lookup by id still uses the key's index; ids come from
 * sequences, so no two rows share one. `visit` is left: its id is made by the phone, and the one-row-per-id
 * promise of a resend must not depend on the county the phone names. Tables that other tables point at need
 * their foreign keys widened first (named in docs/SCALE.md).
 */
const LEAF_TABLES = [
  'alert',
  'assistance_measure',
  'case_step',
  'consumer_brand_licensee',
  'consumer_product_event',
  'consumer_sale',
  'courtyard_event',
  'courtyard_household',
  'declaration',
  'dept_feed_row',
  'fund_payment',
  'income_item',
  'industry_claim_event',
  'lead_signal',
  'linkage_benefit',
  'linkage_household',
  'loan_dpd_history',
  'loan_event',
  'loan_repayment',
  'project_event',
  'risk_fund_entry',
  'verification_sample',
  'work_record',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    LEAF_TABLES.map(
      (table) =>
        `alter table ${table} drop constraint ${table}_pkey, add constraint ${table}_pkey primary key (id, county_code);`,
    ).join('\n'),
  );
}
