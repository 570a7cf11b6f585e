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

export interface DB {
  region: RegionTable;
  zone_town: ZoneTownTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
}

export type RegionRow = Selectable<RegionTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
