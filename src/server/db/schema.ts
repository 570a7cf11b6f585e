import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely table types; they mirror the SQL of `migrations/` and change with it. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'city' | 'county' | 'town' | 'village' | 'zone';
  parent_code: string | null;
  county_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ZoneTownTable {
  zone_code: string;
  town_code: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  department: string | null;
  region_code: string;
  county_code: string | null;
  phone: string | null;
  unit: string | null;
  password_hash: string;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date, Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  old_values: ColumnType<unknown, string | null, string | null>;
  new_values: ColumnType<unknown, string | null, string | null>;
}

type Num = ColumnType<string, number | string, number | string>;
type NumNullable = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type DateCol = ColumnType<string, string, string>;

export interface HouseholdTable {
  id: Generated<number>;
  county_code: string;
  town_code: string;
  region_code: string;
  household_no: string | null;
  household_type: string;
  head_person_id: number | null;
  head_name: ColumnType<string, string | undefined, string>;
  member_count: ColumnType<number, number | undefined, number>;
  address: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  is_relocated: ColumnType<boolean, boolean | undefined, boolean>;
  housing_grade: string | null;
  house_area: NumNullable;
  has_safe_house_elsewhere: ColumnType<boolean, boolean | undefined, boolean>;
  water_quantity_ok: boolean | null;
  water_quality_ok: boolean | null;
  water_convenience_ok: boolean | null;
  water_reliability_ok: boolean | null;
  cultivated_land_mu: NumNullable;
  road_type: string | null;
  fuel_type: string | null;
  has_electricity: boolean | null;
  medical_out_of_pocket: ColumnType<string, number | string | undefined, number | string>;
  insurance_claims: ColumnType<string, number | string | undefined, number | string>;
  last_visited_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  name: string;
  relation: string;
  sex: string;
  birth_date: DateCol;
  id_hash: string;
  id_enc: string;
  id_masked: string;
  ethnicity: string | null;
  political_status: string | null;
  education: string | null;
  schooling: string | null;
  dropout_reason: string | null;
  health: string | null;
  labour_skill: string | null;
  work_months: number | null;
  work_place: string | null;
  medical_insured: ColumnType<boolean, boolean | undefined, boolean>;
  serious_illness_insured: ColumnType<boolean, boolean | undefined, boolean>;
  pension_insured: ColumnType<boolean, boolean | undefined, boolean>;
  is_dibao: ColumnType<boolean, boolean | undefined, boolean>;
  is_tekun: ColumnType<boolean, boolean | undefined, boolean>;
  disability_category: string | null;
  disability_grade: number | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncomeItemTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  category: string;
  item: string;
  amount: Num;
  is_counted: ColumnType<boolean, boolean | undefined, boolean>;
  period_start: DateCol;
  period_end: DateCol;
  note: string | null;
  created_at: Timestamp;
}

export interface MonitoringLineTable {
  province: string;
  year: number;
  amount: Num;
  note: string | null;
  updated_at: Timestamp;
}

export interface ScreeningRuleSetTable {
  version: number;
  rules: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: Timestamp;
}

export interface ScreeningRoundTable {
  id: Generated<number>;
  name: string;
  scope_code: string;
  starts_on: DateCol;
  screen_by: DateCol;
  procedures_by: string | null;
  entry_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ScreeningRunTable {
  id: Generated<number>;
  kind: string;
  round_id: number | null;
  scope_code: string;
  rule_version: number;
  line_amount: Num;
  window_start: DateCol;
  window_end: DateCol;
  status: string;
  households_screened: ColumnType<number, number | undefined, number>;
  leads_created: ColumnType<number, number | undefined, number>;
  leads_updated: ColumnType<number, number | undefined, number>;
  reason_counts: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  started_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
}

export interface LeadTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  region_code: string;
  source: string;
  run_id: number | null;
  reasons: ColumnType<unknown, string, string>;
  facts: ColumnType<unknown, string | null | undefined, string | null>;
  status: ColumnType<string, string | undefined, string>;
  closed_reason: string | null;
  found_on: ColumnType<string, string | undefined, string>;
  note: string | null;
  closed_by: number | null;
  closed_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LeadSignalTable {
  id: Generated<number>;
  lead_id: number;
  county_code: string;
  source: string;
  reasons: ColumnType<unknown, string, string>;
  facts: ColumnType<unknown, string | null | undefined, string | null>;
  ref: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface HelperAssignmentTable {
  household_id: number;
  user_id: number;
  county_code: string;
  starts_on: ColumnType<string, string | undefined, string>;
  ends_on: string | null;
  assigned_by: number | null;
  created_at: Timestamp;
}

export interface MonitoringCaseTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  region_code: string;
  lead_id: number | null;
  category: string | null;
  risks: ColumnType<unknown, string | undefined, string>;
  stage: string;
  green_channel: ColumnType<boolean, boolean | undefined, boolean>;
  found_on: string;
  due_on: string;
  notice_starts_on: string | null;
  identified_on: string | null;
  elimination_mode: string | null;
  elimination_requested_on: string | null;
  eliminated_on: string | null;
  previous_household_type: string | null;
  rolled_back_from: number | null;
  closed_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseStepTable {
  id: Generated<number>;
  case_id: number;
  county_code: string;
  action: string;
  from_stage: string | null;
  to_stage: string;
  note: string | null;
  attachment_ids: ColumnType<unknown, string | undefined, string>;
  actor_id: number | null;
  actor_name: string;
  acted_at: Timestamp;
}

export interface AssistanceMeasureTable {
  id: Generated<number>;
  case_id: number;
  household_id: number;
  county_code: string;
  category: string;
  item: string;
  starts_on: string;
  ends_on: string | null;
  amount: NumNullable;
  provider: string | null;
  note: string | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitPolicyTable {
  household_type: string;
  months: number;
  updated_at: Timestamp;
}

export interface VisitTable {
  id: string;
  household_id: number;
  county_code: string;
  region_code: string;
  visitor_id: number;
  visitor_name: string;
  visited_on: string;
  income_changed: ColumnType<boolean, boolean | undefined, boolean>;
  income_note: string | null;
  guarantees_note: string | null;
  industry_note: string | null;
  work_note: string | null;
  new_risks: ColumnType<unknown, string | undefined, string>;
  measures_agreed: string | null;
  note: string | null;
  lead_id: number | null;
  attachment_ids: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
}

export interface AttachmentTable {
  id: string;
  county_code: string;
  household_id: number;
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: Timestamp;
}

export interface CaseEvaluationTable {
  case_id: number;
  month: string;
  county_code: string;
  per_capita: Num;
  line_amount: Num;
  guarantees_ok: boolean;
  measure_count: number;
  meets_elimination: boolean;
  evaluated_at: Timestamp;
}

export interface MonthlyCycleRunTable {
  month: string;
  status: string;
  cases_evaluated: ColumnType<number, number | undefined, number>;
  eliminated_rescreened: ColumnType<number, number | undefined, number>;
  rolled_back: ColumnType<number, number | undefined, number>;
  error: string | null;
  started_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
}

export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  filename: string;
  actor_id: number | null;
  actor_name: string;
  region_code: string | null;
  status: string;
  total_rows: number;
  households: number;
  persons: number;
  problems: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface MonthFigureTable {
  month: string;
  region_code: string;
  level: string;
  county_code: string;
  figures: ColumnType<unknown, string, string>;
  refreshed_at: Timestamp;
}

export interface ReportMonthTable {
  month: string;
  status: string;
  refreshed_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface SelfCheckTable {
  month: string;
  region_code: string;
  county_code: string;
  level: string;
  items: ColumnType<unknown, string, string>;
  note: string | null;
  signed_by: number;
  signed_by_name: string;
  signed_at: Timestamp;
}

export interface VerificationSampleTable {
  id: Generated<number>;
  month: string;
  county_code: string;
  town_code: string;
  household_id: number;
  case_id: number | null;
  reason: string;
  outcome: string | null;
  note: string | null;
  checked_by: number | null;
  checked_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface RankingWeightTable {
  indicator: string;
  weight: Num;
  updated_at: Timestamp;
}

export interface QuarterlyRankingTable {
  quarter: string;
  level: string;
  parent_code: string;
  rows: ColumnType<unknown, string, string>;
  weights: ColumnType<unknown, string, string>;
  computed_at: Timestamp;
}

export interface BulletinTable {
  id: Generated<number>;
  quarter: string;
  title: string;
  sections: ColumnType<unknown, string, string>;
  status: string;
  issued_on: string | null;
  created_by: string;
  created_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface AlertRuleTable {
  code: string;
  feed_type: string;
  threshold: NumNullable;
  household_types: ColumnType<string[], string, string>;
  deadline_days: number;
  enabled: boolean;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DeptFeedTable {
  id: Generated<number>;
  department: string;
  feed_type: string;
  period: string;
  region_code: string;
  scope_code: string;
  source: 'upload' | 'api';
  filename: string | null;
  sha256: string;
  idempotency_key: string | null;
  status: 'imported' | 'partial' | 'refused';
  total_rows: number;
  accepted_rows: number;
  refused_rows: number;
  matched_rows: ColumnType<number, number | undefined, number>;
  unmatched_rows: ColumnType<number, number | undefined, number>;
  alerts_created: ColumnType<number, number | undefined, number>;
  problems: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface DeptFeedRowTable {
  id: Generated<number>;
  feed_id: number;
  county_code: string;
  row_no: number;
  name: string;
  id_hash: string;
  id_masked: string;
  amount: NumNullable;
  grade: string | null;
  category: string | null;
  change_type: string | null;
  event_on: ColumnType<string | null, string | null, string | null>;
  detail: string | null;
  person_id: number | null;
  household_id: number | null;
  match_status: ColumnType<string, string | undefined, string>;
}

export interface AlertTable {
  id: Generated<number>;
  feed_id: number;
  feed_row_id: number;
  department: string;
  feed_type: string;
  period: string;
  rule_code: string;
  rule_version: number;
  household_id: number;
  person_id: number;
  county_code: string;
  town_code: string;
  region_code: string;
  facts: ColumnType<unknown, string, string>;
  status: ColumnType<string, string | undefined, string>;
  due_on: ColumnType<string, string, string>;
  closed_reason: string | null;
  closed_by: number | null;
  closed_at: Date | null;
  lead_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface DeclarationTable {
  id: Generated<number>;
  reference: string;
  county_code: string;
  region_code: string;
  name: string;
  id_hash: string;
  id_enc: string;
  id_masked: string;
  phone_hash: string;
  phone_enc: string;
  phone_masked: string;
  description: string;
  photo: Uint8Array | null;
  photo_type: string | null;
  repeat_count: ColumnType<number, number | undefined, number>;
  status: string;
  household_id: number | null;
  lead_id: number | null;
  closed_reason: string | null;
  handled_by: number | null;
  handled_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  region: RegionTable;
  zone_town: ZoneTownTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  household: HouseholdTable;
  person: PersonTable;
  income_item: IncomeItemTable;
  monitoring_line: MonitoringLineTable;
  screening_rule_set: ScreeningRuleSetTable;
  screening_round: ScreeningRoundTable;
  screening_run: ScreeningRunTable;
  lead: LeadTable;
  helper_assignment: HelperAssignmentTable;
  import_job: ImportJobTable;
  lead_signal: LeadSignalTable;
  monitoring_case: MonitoringCaseTable;
  case_step: CaseStepTable;
  assistance_measure: AssistanceMeasureTable;
  visit_policy: VisitPolicyTable;
  visit: VisitTable;
  attachment: AttachmentTable;
  case_evaluation: CaseEvaluationTable;
  monthly_cycle_run: MonthlyCycleRunTable;
  month_figure: MonthFigureTable;
  report_month: ReportMonthTable;
  self_check: SelfCheckTable;
  verification_sample: VerificationSampleTable;
  ranking_weight: RankingWeightTable;
  quarterly_ranking: QuarterlyRankingTable;
  bulletin: BulletinTable;
  alert_rule: AlertRuleTable;
  dept_feed: DeptFeedTable;
  dept_feed_row: DeptFeedRowTable;
  alert: AlertTable;
  declaration: DeclarationTable;
}

export type RegionRow = Selectable<RegionTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
