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
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HelperAssignmentTable {
  household_id: number;
  user_id: number;
  county_code: string;
  starts_on: ColumnType<string, string | undefined, string>;
  ends_on: string | null;
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
}

export type RegionRow = Selectable<RegionTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
