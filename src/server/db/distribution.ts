/**
 * How every table would be placed on a distributed PostgreSQL engine (Citus) for a national deployment
 * (`docs/SCALE.md`). Nothing in the product reads this at run time: `test/distribution.test.ts` checks the
 * migrated catalog against it, so a table a new module adds must say where it goes and keep the rules below.
 *
 * - `county`: distributed by `county_code`, co-located with every other `county` table, so a county's rows of
 *   all tables sit on one node and joins within a county never cross nodes. Rules: `county_code` is not null;
 *   the primary key and every unique index include it; a foreign key to another `county` table includes it on
 *   both sides (the child's `county_code` is the parent's).
 * - `reference`: small, read on every join, replicated to every node (regions, users, rules, banks). Rule: no
 *   foreign key to a table that is not `reference`.
 * - `coordinator`: stays on the coordinator only (sessions, rate limits, job and import bookkeeping, city
 *   bulletins). Rule: foreign keys only to `reference` or `coordinator` tables.
 * - `own-key`: large but never joined (the audit log): distributed by its own primary key. Rule: foreign keys
 *   only to `reference` tables.
 */
export type Placement = 'county' | 'reference' | 'coordinator' | 'own-key';

export const TABLE_PLACEMENT: Record<string, Placement> = {
  // The registry and the monitoring procedure.
  household: 'county',
  person: 'county',
  income_item: 'county',
  helper_assignment: 'county',
  attachment: 'county',
  lead: 'county',
  lead_signal: 'county',
  monitoring_case: 'county',
  case_step: 'county',
  case_evaluation: 'county',
  assistance_measure: 'county',
  visit: 'county',
  declaration: 'county',
  verification_sample: 'county',
  self_check: 'county',
  alert: 'county',
  dept_feed_row: 'county',
  month_figure: 'county',
  public_notice: 'county',
  // Projects and funds.
  project: 'county',
  project_funding: 'county',
  project_beneficiary: 'county',
  project_event: 'county',
  fund_allocation: 'county',
  fund_line: 'county',
  fund_payment: 'county',
  fund_month_summary: 'county',
  // Industry, employment, linkage, courtyards, consumer assistance.
  operator: 'county',
  workshop: 'county',
  work_record: 'county',
  work_import_row: 'county',
  employment_target: 'county',
  industry_scheme: 'county',
  industry_claim: 'county',
  industry_claim_event: 'county',
  lead_enterprise_criteria: 'county',
  linkage_agreement: 'county',
  linkage_household: 'county',
  linkage_benefit: 'county',
  linkage_check_campaign: 'county',
  linkage_check_sample: 'county',
  linkage_check: 'county',
  linkage_check_finding: 'county',
  linkage_check_finding_event: 'county',
  courtyard_criteria: 'county',
  courtyard_village: 'county',
  courtyard_household: 'county',
  courtyard_event: 'county',
  consumer_setting: 'county',
  consumer_product: 'county',
  consumer_product_household: 'county',
  consumer_product_event: 'county',
  consumer_brand: 'county',
  consumer_brand_product: 'county',
  consumer_brand_licensee: 'county',
  consumer_sale: 'county',
  // Microcredit: a bank is a reference row (users of a bank are reference rows too); its files and loans are
  // the county's.
  bank_file: 'county',
  loan: 'county',
  loan_event: 'county',
  loan_repayment: 'county',
  loan_dpd_history: 'county',
  risk_fund_entry: 'county',

  // Replicated: read by nearly every statement, small, rarely written.
  region: 'reference',
  zone_town: 'reference',
  app_user: 'reference',
  bank: 'reference',
  funding_source: 'reference',
  alert_rule: 'reference',
  monitoring_line: 'reference',
  ranking_weight: 'reference',
  screening_rule_set: 'reference',
  visit_policy: 'reference',
  employment_setting: 'reference',
  credit_subsidy_epoch: 'reference',
  dept_feed_column_map: 'reference',
  // A few rows per run or file, referenced by county rows (a lead names its screening run, an alert its feed).
  screening_round: 'reference',
  screening_run: 'reference',
  dept_feed: 'reference',
  job: 'reference',

  // Coordinator only.
  user_session: 'coordinator',
  known_device: 'coordinator',
  login_failure: 'coordinator',
  rate_limit_hit: 'coordinator',
  import_job: 'coordinator',
  work_import: 'coordinator',
  monthly_cycle_run: 'coordinator',
  report_month: 'coordinator',
  quarterly_ranking: 'coordinator',
  bulletin: 'coordinator',
  fund_bulletin: 'coordinator',
  kysely_migration: 'coordinator',
  kysely_migration_lock: 'coordinator',

  audit_log: 'own-key',
};
