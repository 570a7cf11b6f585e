import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseCategory, CaseRisk, CaseStage } from '../../shared/case-workflow.js';
import type {
  BrandKind,
  BuyerType,
  CertLevel,
  ProductCategory,
  ProductLinkageType,
  ProductStage,
  SaleChannel,
} from '../../shared/consumer-assistance.js';
import type { CourtyardStage } from '../../shared/courtyard.js';
import type { DpdBucket, LoanStatus } from '../../shared/credit.js';
import type { WorkCategory } from '../../shared/employment.js';
import type { FeedType } from '../../shared/feed-types.js';
import type { HouseholdType, IncomeCategory } from '../../shared/household-codes.js';
import type { ImportStatus } from '../../shared/imports.js';
import type { ClaimStage, SchemeUnit } from '../../shared/industry-rewards.js';
import type { BenefitType, LinkageMode } from '../../shared/linkage.js';
import type { FindingAction, FindingStatus } from '../../shared/linkage-checks.js';
import type { MeasureCategory } from '../../shared/measures.js';
import type { LeadEnterpriseLevel, OperatorStatus, OperatorType } from '../../shared/operators.js';
import type { ProjectStage } from '../../shared/project-workflow.js';
import type { Role } from '../../shared/roles.js';

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
  role: Role;
  department: string | null;
  /** The bank of a 银行 department user (microcredit). */
  bank_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** SHA-256 of the known-device cookie the attempt carried, if any. */
  device_hash: string | null;
}

// Request limits (hardening, issue #12): shared rate-limit counters and the devices users logged in from.
export interface RateLimitHitTable {
  /** HMAC of the limit's name and key (an address, a phone, a username): no personal data in clear. */
  key: string;
  hits: number;
  reset_at: Timestamp;
}

export interface KnownDeviceTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Timestamp>;
  last_used_at: Generated<Timestamp>;
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
  household_type: HouseholdType;
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
  category: IncomeCategory;
  item: string;
  amount: Num;
  is_counted: ColumnType<boolean, boolean | undefined, boolean>;
  period_start: DateCol;
  period_end: DateCol;
  note: string | null;
  /** Where it came from when not typed on the household page: 'courtyard_household' + its id. */
  source_kind: ColumnType<string | null, string | null | undefined, string | null>;
  source_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  job_id: number | null;
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
  found_on: DateCol;
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
  starts_on: DateCol;
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
  category: CaseCategory | null;
  risks: ColumnType<CaseRisk[], string | undefined, string>;
  stage: CaseStage;
  green_channel: ColumnType<boolean, boolean | undefined, boolean>;
  found_on: string;
  due_on: string;
  notice_starts_on: string | null;
  identified_on: string | null;
  elimination_mode: 'assisted' | 'natural' | null;
  elimination_requested_on: string | null;
  eliminated_on: string | null;
  previous_household_type: HouseholdType | null;
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
  from_stage: CaseStage | null;
  to_stage: CaseStage;
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
  category: MeasureCategory;
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
  /** Set when the measure follows from another module's fact (e.g. 'work_record'), with that row's id. */
  source_kind: ColumnType<string | null, string | null | undefined, string | null>;
  source_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface VisitPolicyTable {
  household_type: HouseholdType;
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
  /** The live case a visit's already-monitored risk joined (instead of a new lead). */
  case_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  job_id: number | null;
}

/** Background work: see migration 202612012200 and jobs/job-runner.ts. */
export interface JobTable {
  id: Generated<number>;
  name: string;
  input: ColumnType<unknown, string, string>;
  status: ColumnType<'running' | 'finished' | 'failed', 'running' | undefined, 'finished' | 'failed'>;
  done: ColumnType<number, number | undefined, number>;
  total: number | null;
  error: string | null;
  started_by: string;
  owner: string;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Date | null;
}

export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  filename: string;
  actor_id: number | null;
  actor_name: string;
  region_code: string | null;
  status: ImportStatus;
  total_rows: number;
  households: number;
  persons: number;
  problems: ColumnType<unknown, string, string>;
  /** Row notes that refused nothing: an ID converted from 15 digits, columns not read (issue #13). */
  notes: ColumnType<unknown, string | undefined, string>;
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
  /** Whose bulletin: the city's on its counties, or a county's on its towns. */
  region_code: string;
}

export interface AlertRuleTable {
  code: string;
  feed_type: FeedType;
  threshold: NumNullable;
  household_types: ColumnType<string[], string, string>;
  deadline_days: number;
  enabled: boolean;
  /** How several rows of one person in a period combine: 'sum' (amounts) or 'latest' (statuses). */
  aggregate: ColumnType<'sum' | 'latest', 'sum' | 'latest' | undefined, 'sum' | 'latest'>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DeptFeedTable {
  id: Generated<number>;
  department: string;
  feed_type: FeedType;
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
  notes: ColumnType<unknown, string | undefined, string>;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

/** A department's own headers for a feed type, mapped once in the web app (issue #13). */
export interface DeptFeedColumnMapTable {
  region_code: string;
  department: string;
  feed_type: FeedType;
  mapping: ColumnType<Record<string, string>, string, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
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
  feed_type: FeedType;
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

// Projects and connection funds (domain-cdefg §D1–D2; migration 202612012040). Money columns are numeric
// and come back as decimal strings.
type Money = ColumnType<string, string | undefined, string>;
type Jsonb = ColumnType<unknown, string | undefined, string>;

export interface FundingSourceTable {
  code: string;
  name: string;
  is_connection_fund: boolean;
  sort_order: number;
}

export interface ProjectTable {
  id: Generated<number>;
  county_code: string;
  region_code: string;
  level: string;
  year: number;
  name: string;
  category_l1: string;
  category_l2: string;
  is_industry: boolean;
  nature: string;
  tasks: Jsonb;
  estimated_investment: string;
  implementing_unit: string;
  responsible_person: string | null;
  planned_start: DateCol | null;
  planned_finish: DateCol | null;
  beneficiary_households: ColumnType<number, number | undefined, number>;
  beneficiary_persons: ColumnType<number, number | undefined, number>;
  beneficiary_poor: ColumnType<number, number | undefined, number>;
  beneficiary_monitored: ColumnType<number, number | undefined, number>;
  performance_targets: Jsonb;
  linkage_mode: string | null;
  linkage_households: ColumnType<number, number | undefined, number>;
  negative_hits: Jsonb;
  town_checks: ColumnType<unknown, string | null | undefined, string | null>;
  county_checks: ColumnType<unknown, string | null | undefined, string | null>;
  stage: ColumnType<ProjectStage, ProjectStage | undefined, ProjectStage>;
  rolled_from_id: number | null;
  allocated_total: Money;
  paid_total: Money;
  first_allocated_on: DateCol | null;
  last_paid_on: DateCol | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectFundingTable {
  project_id: number;
  county_code: string;
  source_code: string;
  amount: string;
}

export interface ProjectBeneficiaryTable {
  project_id: number;
  household_id: number;
  county_code: string;
}

export interface ProjectEventTable {
  id: Generated<number>;
  project_id: number;
  county_code: string;
  action: string;
  from_stage: ProjectStage | null;
  to_stage: ProjectStage;
  acted_on: DateCol;
  actor_id: number | null;
  actor_name: string;
  actor_level: string | null;
  comment: string | null;
  created_at: Timestamp;
}

export interface PublicNoticeTable {
  id: Generated<number>;
  county_code: string;
  region_code: string;
  subject_kind:
    | 'project'
    | 'allocation'
    | 'distribution_plan'
    | 'industry_reward'
    | 'courtyard'
    | 'consumer_product';
  subject_id: number;
  purpose: string;
  channel: string;
  starts_on: DateCol;
  ends_on: DateCol;
  objections: ColumnType<number, number | undefined, number>;
  objection_note: string | null;
  objections_resolved: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface FundAllocationTable {
  id: Generated<number>;
  county_code: string;
  doc_number: string;
  source_code: string;
  year: number;
  batch: ColumnType<number, number | undefined, number>;
  task_tag: ColumnType<string, string | undefined, string>;
  amount: string;
  received_on: DateCol;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface FundLineTable {
  id: Generated<number>;
  county_code: string;
  allocation_id: number;
  project_id: number;
  amount: string;
  allocated_on: DateCol;
  paid_total: Money;
  created_by: number | null;
  created_at: Timestamp;
}

export interface FundPaymentTable {
  id: Generated<number>;
  county_code: string;
  fund_line_id: number;
  project_id: number;
  paid_on: DateCol;
  amount: string;
  voucher: string | null;
  import_id: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface FundMonthSummaryTable {
  county_code: string;
  source_code: string;
  fund_year: number;
  month: string;
  received: Money;
  allocated: Money;
  allocated_industry: Money;
  paid: Money;
}

export interface FundBulletinTable {
  id: Generated<number>;
  kind: 'monthly' | 'quarterly';
  period: string;
  scope_code: string;
  figures: ColumnType<unknown, string, string>;
  issued_on: DateCol;
  issued_by: number | null;
  created_at: Timestamp;
}

export interface DB {
  region: RegionTable;
  zone_town: ZoneTownTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
  rate_limit_hit: RateLimitHitTable;
  known_device: KnownDeviceTable;
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
  job: JobTable;
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
  dept_feed_column_map: DeptFeedColumnMapTable;
  alert: AlertTable;
  declaration: DeclarationTable;
  operator: OperatorTable;
  employment_setting: EmploymentSettingTable;
  employment_target: EmploymentTargetTable;
  work_import: WorkImportTable;
  work_import_row: WorkImportRowTable;
  work_record: WorkRecordTable;
  workshop: WorkshopTable;
  funding_source: FundingSourceTable;
  project: ProjectTable;
  project_funding: ProjectFundingTable;
  project_beneficiary: ProjectBeneficiaryTable;
  project_event: ProjectEventTable;
  public_notice: PublicNoticeTable;
  fund_allocation: FundAllocationTable;
  fund_line: FundLineTable;
  fund_payment: FundPaymentTable;
  fund_month_summary: FundMonthSummaryTable;
  fund_bulletin: FundBulletinTable;
  bank: BankTable;
  credit_subsidy_epoch: CreditSubsidyEpochTable;
  loan: LoanTable;
  loan_event: LoanEventTable;
  loan_repayment: LoanRepaymentTable;
  loan_dpd_history: LoanDpdHistoryTable;
  bank_file: BankFileTable;
  risk_fund_entry: RiskFundEntryTable;
  linkage_agreement: LinkageAgreementTable;
  consumer_setting: ConsumerSettingTable;
  consumer_product: ConsumerProductTable;
  consumer_product_household: ConsumerProductHouseholdTable;
  consumer_product_event: ConsumerProductEventTable;
  consumer_brand: ConsumerBrandTable;
  consumer_brand_product: ConsumerBrandProductTable;
  consumer_brand_licensee: ConsumerBrandLicenseeTable;
  consumer_sale: ConsumerSaleTable;
  linkage_household: LinkageHouseholdTable;
  linkage_benefit: LinkageBenefitTable;
  linkage_check_campaign: LinkageCheckCampaignTable;
  linkage_check_sample: LinkageCheckSampleTable;
  linkage_check: LinkageCheckTable;
  linkage_check_finding: LinkageCheckFindingTable;
  linkage_check_finding_event: LinkageCheckFindingEventTable;
  lead_enterprise_criteria: LeadEnterpriseCriteriaTable;
  industry_scheme: IndustrySchemeTable;
  industry_claim: IndustryClaimTable;
  industry_claim_event: IndustryClaimEventTable;
  courtyard_criteria: CourtyardCriteriaTable;
  courtyard_village: CourtyardVillageTable;
  courtyard_household: CourtyardHouseholdTable;
  courtyard_event: CourtyardEventTable;
}

export interface OperatorTable {
  id: Generated<number>;
  county_code: string;
  region_code: string;
  name: string;
  uscc: string | null;
  operator_type: OperatorType;
  legal_person: string | null;
  contact_phone: string | null;
  lead_level: LeadEnterpriseLevel | null;
  lead_certified_on: DateCol | null;
  status: ColumnType<OperatorStatus, OperatorStatus | undefined, OperatorStatus>;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// ---- work monitoring (务工监测, migration 202612012050) ----------------------------------------------------

export interface EmploymentSettingTable {
  year: number;
  min_months: ColumnType<number, number | undefined, number>;
  job_gap_days: ColumnType<number, number | undefined, number>;
  city_target: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface EmploymentTargetTable {
  year: number;
  county_code: string;
  target: number;
}

export interface WorkImportTable {
  id: Generated<number>;
  region_code: string;
  scope_code: string;
  filename: string | null;
  sha256: string;
  status: 'imported' | 'partial' | 'refused';
  total_rows: number;
  accepted_rows: number;
  refused_rows: number;
  matched_rows: ColumnType<number, number | undefined, number>;
  unmatched_rows: ColumnType<number, number | undefined, number>;
  problems: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface WorkImportRowTable {
  import_id: number;
  row_no: number;
  county_code: string;
  name: string;
  id_masked: string;
  match_status: 'matched' | 'unmatched' | 'out_of_scope';
  work_record_id: number | null;
}

export interface WorkRecordTable {
  id: Generated<number>;
  client_id: string | null;
  person_id: number;
  household_id: number;
  county_code: string;
  category: WorkCategory;
  start_month: DateCol;
  end_month: DateCol | null;
  work_province: string | null;
  work_city: string | null;
  work_county: string | null;
  place: string | null;
  monthly_income: ColumnType<string | null, string | number | null, string | number | null>;
  sector: string | null;
  industry: string | null;
  channel: string | null;
  operator_id: number | null;
  employer: string | null;
  point_to_point: boolean | null;
  transport_subsidy: ColumnType<string | null, string | number | null, string | number | null>;
  source: 'clerk' | 'visit' | 'import';
  visit_id: string | null;
  import_id: number | null;
  end_lead_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkshopTable {
  operator_id: number;
  county_code: string;
  workshop_type: string;
  site: string | null;
  certified_level: string | null;
  certified_on: DateCol | null;
  certified_by: string | null;
  capacity: number | null;
  insured: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

// Microcredit (小额信贷, migration 202612012100): banks, loans and their events, repayments, DPD history, bank
// files, the 贴息 schedule and the risk fund.
export interface BankTable {
  id: Generated<number>;
  county_code: string;
  name: string;
  created_at: Timestamp;
}

export interface CreditSubsidyEpochTable {
  id: Generated<number>;
  version: number;
  applies_to: 'new' | 'old';
  from_on: DateCol;
  to_on: DateCol | null;
  rate: Num;
  principal_cap: Num;
  note: string | null;
  created_at: Timestamp;
}

export interface LoanTable {
  id: Generated<number>;
  county_code: string;
  town_code: string;
  region_code: string;
  household_id: number;
  person_id: number;
  bank_id: number;
  contract_no: string | null;
  amount: Num;
  rate_percent: Num;
  lpr_percent: Num;
  term_months: number;
  purpose_code: string;
  purpose: string | null;
  old_policy: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<LoanStatus, LoanStatus | undefined, LoanStatus>;
  credit_grade: string | null;
  applied_on: DateCol;
  disbursed_on: DateCol | null;
  maturity_on: DateCol | null;
  settled_on: DateCol | null;
  principal_outstanding: ColumnType<string, number | string | undefined, number | string>;
  days_past_due: ColumnType<number, number | undefined, number>;
  dpd_bucket: ColumnType<DpdBucket, DpdBucket | undefined, DpdBucket>;
  status_as_of: DateCol | null;
  renewals: ColumnType<number, number | undefined, number>;
  extensions: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LoanEventTable {
  id: Generated<number>;
  loan_id: number;
  county_code: string;
  action: string;
  from_status: LoanStatus | null;
  to_status: LoanStatus;
  on_date: DateCol;
  amount: NumNullable;
  cause: string | null;
  note: string | null;
  actor_id: number | null;
  actor_name: string;
  created_at: Timestamp;
}

export interface LoanRepaymentTable {
  id: Generated<number>;
  loan_id: number;
  county_code: string;
  paid_on: DateCol;
  principal: Num;
  interest: Num;
  bank_file_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface LoanDpdHistoryTable {
  id: Generated<number>;
  loan_id: number;
  county_code: string;
  from_on: DateCol;
  days_past_due: number;
  bucket: DpdBucket;
  bank_file_id: number | null;
  created_at: Timestamp;
}

export interface BankFileTable {
  id: Generated<number>;
  bank_id: number;
  county_code: string;
  filename: string | null;
  sha256: string;
  status: 'imported' | 'partial' | 'refused';
  total_rows: number;
  accepted_rows: number;
  refused_rows: number;
  repayments_added: ColumnType<number, number | undefined, number>;
  loans_updated: ColumnType<number, number | undefined, number>;
  problems: ColumnType<unknown, string | undefined, string>;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface RiskFundEntryTable {
  id: Generated<number>;
  county_code: string;
  entry_on: DateCol;
  kind: 'deposit' | 'compensation' | 'recovery';
  amount: Num;
  loan_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export type RegionRow = Selectable<RegionTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

// ---- farmer linkage (联农带农, migration 202612030800) ------------------------------------------------------

export interface LinkageAgreementTable {
  id: Generated<number>;
  county_code: string;
  operator_id: number;
  project_id: number | null;
  mode: LinkageMode;
  started_on: DateCol;
  ended_on: DateCol | null;
  terms: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinkageHouseholdTable {
  id: Generated<number>;
  county_code: string;
  agreement_id: number;
  household_id: number;
  year: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface LinkageBenefitTable {
  id: Generated<number>;
  county_code: string;
  agreement_id: number;
  household_id: number;
  paid_on: DateCol;
  benefit_type: BenefitType;
  amount: Num;
  evidence: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

// ---- industry rewards (产业奖补, migration 202612030830) ----------------------------------------------------

export interface IndustrySchemeTable {
  id: Generated<number>;
  county_code: string;
  year: number;
  item: string;
  unit: SchemeUnit;
  rate_percent: Num;
  unit_cap: NumNullable;
  household_cap: Num;
  eligible_types: ColumnType<string[], string[] | undefined, string[]>;
  window_start: DateCol;
  window_end: DateCol;
  project_id: number | null;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndustryClaimTable {
  id: Generated<number>;
  county_code: string;
  scheme_id: number;
  household_id: number;
  region_code: string;
  scale: Num;
  revenue: Num;
  cost: Num;
  net_income: Num;
  reward: Num;
  cap_applied: 'unit' | 'household' | null;
  source: 'household' | 'visit';
  /** The phone's id for a claim recorded at a visit (a resend stores it once). */
  client_id: string | null;
  visit_id: string | null;
  /** Photos of the claim: the household's attachments. */
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
  stage: ColumnType<ClaimStage, ClaimStage | undefined, ClaimStage>;
  notice_id: number | null;
  sampled: ColumnType<boolean, boolean | undefined, boolean>;
  village_note: string | null;
  on_site_note: string | null;
  paid_on: DateCol | null;
  last_comment: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndustryClaimEventTable {
  id: Generated<number>;
  county_code: string;
  claim_id: number;
  action: string;
  from_stage: string | null;
  to_stage: string;
  acted_on: DateCol;
  actor_id: number | null;
  actor_name: string;
  comment: string | null;
  created_at: Timestamp;
}

// ---- courtyard economy demonstration (庭院经济示范, migration 202612031300) ---------------------------------

type CourtyardStageCol = ColumnType<CourtyardStage, CourtyardStage | undefined, CourtyardStage>;

export interface CourtyardCriteriaTable {
  county_code: string;
  year: number;
  household_min_activities: ColumnType<number, number | undefined, number>;
  household_min_income: ColumnType<string, number | string | undefined, number | string>;
  require_clean_yard: ColumnType<boolean, boolean | undefined, boolean>;
  village_min_households: ColumnType<number, number | undefined, number>;
  village_min_income_share: ColumnType<string, number | string | undefined, number | string>;
  target_villages: ColumnType<number, number | undefined, number>;
  target_households: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface CourtyardVillageTable {
  id: Generated<number>;
  county_code: string;
  town_code: string;
  region_code: string;
  year: number;
  stage: CourtyardStageCol;
  notice_id: number | null;
  accepted_on: DateCol | null;
  named_on: DateCol | null;
  fail_reason: string | null;
  last_comment: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CourtyardHouseholdTable {
  id: Generated<number>;
  county_code: string;
  village_id: number;
  household_id: number;
  region_code: string;
  year: number;
  stage: CourtyardStageCol;
  notice_id: number | null;
  activities: ColumnType<string[], string[] | undefined, string[]>;
  scale: NumNullable;
  scale_unit: 'mu' | 'head' | null;
  net_income: NumNullable;
  clean_yard: boolean | null;
  result_note: string | null;
  accepted_on: DateCol | null;
  named_on: DateCol | null;
  fail_reason: string | null;
  last_comment: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CourtyardEventTable {
  id: Generated<number>;
  county_code: string;
  subject_kind: 'village' | 'household';
  subject_id: number;
  action: string;
  from_stage: string | null;
  to_stage: string;
  acted_on: DateCol;
  actor_id: number | null;
  actor_name: string;
  comment: string | null;
  created_at: Timestamp;
}

// ---- "四查四促" campaigns and lead-enterprise criteria (migration 202612031330) ----------------------------------

export interface LinkageCheckCampaignTable {
  id: Generated<number>;
  county_code: string;
  name: string;
  year: number;
  starts_on: DateCol;
  ends_on: DateCol;
  check_items: string[];
  follow_up_items: string[];
  sample_percent: number;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinkageCheckSampleTable {
  campaign_id: number;
  agreement_id: number;
  county_code: string;
  added_by_hand: ColumnType<boolean, boolean | undefined, boolean>;
  added_by: number | null;
  created_at: Timestamp;
}

export interface LinkageCheckTable {
  id: Generated<number>;
  campaign_id: number;
  agreement_id: number;
  county_code: string;
  checked_on: DateCol;
  /** [{item, result, note}], checked by the service when read. */
  results: ColumnType<unknown, string, string>;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  checked_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinkageCheckFindingTable {
  id: Generated<number>;
  check_id: number;
  campaign_id: number;
  county_code: string;
  item: string;
  problem: string;
  follow_up_item: string;
  responsible_unit: string;
  deadline: DateCol;
  status: ColumnType<FindingStatus, FindingStatus | undefined, FindingStatus>;
  rectification_note: string | null;
  rectified_on: DateCol | null;
  reopen_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinkageCheckFindingEventTable {
  id: Generated<number>;
  finding_id: number;
  county_code: string;
  action: 'create' | FindingAction;
  acted_on: DateCol;
  note: string | null;
  actor_id: number | null;
  actor_name: string;
  created_at: Timestamp;
}

export interface LeadEnterpriseCriteriaTable {
  county_code: string;
  min_households: number;
  min_workers: number;
  require_agreement: boolean;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

// ---- consumer assistance (消费帮扶, migration 202612031310) -------------------------------------------------

export interface ConsumerSettingTable {
  county_code: string;
  value_floor: ColumnType<string, number | string | undefined, number | string>;
  national_floor: ColumnType<string, number | string | undefined, number | string>;
  renewal_days: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ConsumerProductTable {
  id: Generated<number>;
  county_code: string;
  region_code: string;
  operator_id: number;
  name: string;
  category: ProductCategory;
  annual_value: Num;
  cert_level: CertLevel;
  certificate_no: string | null;
  valid_from: DateCol;
  valid_to: DateCol;
  linkage_type: ProductLinkageType;
  stage: ColumnType<ProductStage, ProductStage | undefined, ProductStage>;
  notice_id: number | null;
  certified_on: DateCol | null;
  last_comment: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsumerProductHouseholdTable {
  product_id: number;
  household_id: number;
  county_code: string;
}

export interface ConsumerProductEventTable {
  id: Generated<number>;
  county_code: string;
  product_id: number;
  action: string;
  from_stage: string | null;
  to_stage: string;
  acted_on: DateCol;
  actor_id: number | null;
  actor_name: string;
  comment: string | null;
  created_at: Timestamp;
}

export interface ConsumerBrandTable {
  id: Generated<number>;
  county_code: string;
  name: string;
  kind: BrandKind;
  owner_operator_id: number | null;
  owner_unit: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsumerBrandProductTable {
  brand_id: number;
  product_id: number;
  county_code: string;
}

export interface ConsumerBrandLicenseeTable {
  id: Generated<number>;
  county_code: string;
  brand_id: number;
  operator_id: number;
  licensed_from: DateCol;
  licensed_to: DateCol;
}

export interface ConsumerSaleTable {
  id: Generated<number>;
  county_code: string;
  region_code: string;
  product_id: number;
  sold_on: DateCol;
  channel: SaleChannel;
  buyer_type: BuyerType;
  buyer_name: string;
  amount: Num;
  quantity: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}
