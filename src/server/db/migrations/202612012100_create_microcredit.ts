import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Microcredit (小额信贷, domain-cdefg §C4): banks and their users, loans with their lifecycle events, repayments,
 * days-past-due buckets kept as history, the bank files they came in, the versioned 贴息 schedule and the county's
 * risk compensation fund (风险补偿金). The 贴息台账 and the indicators are queries over these rows, never typed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table bank (
      id bigint generated always as identity primary key,
      -- the county branch (县支行) that lends in this county
      county_code text not null,
      name text not null,
      created_at timestamptz not null default now(),
      unique (county_code, name)
    );

    -- Bank users are department users of the kind 银行, tied to one bank: they see only its loans and files.
    alter table app_user drop constraint app_user_department_check;
    alter table app_user add constraint app_user_department_check
      check (department in ('民政', '医保', '教育', '住建', '水利', '残联', '应急', '人社', '公安', '银行'));
    alter table app_user add column bank_id bigint references bank (id);
    alter table app_user add constraint app_user_bank_department
      check ((department is not distinct from '银行') = (bank_id is not null));

    -- The share of subsidisable interest arising in [from_on, to_on], per policy version (domain-cdefg §C4).
    create table credit_subsidy_epoch (
      id bigint generated always as identity primary key,
      version integer not null,
      applies_to text not null check (applies_to in ('new', 'old')),
      from_on date not null,
      to_on date,
      rate numeric(5, 4) not null check (rate >= 0 and rate <= 1),
      principal_cap numeric(14, 2) not null check (principal_cap >= 0),
      note text,
      created_at timestamptz not null default now(),
      check (to_on is null or to_on >= from_on)
    );
    insert into credit_subsidy_epoch (version, applies_to, from_on, to_on, rate, principal_cap, note) values
      (1, 'old', '2014-01-01', null, 1, 50000, '未到期的原扶贫小额信贷：全额贴息'),
      (1, 'new', '2021-03-15', '2023-12-31', 1, 50000, '银保监发〔2021〕6号：2023 年底前产生的利息全额贴息'),
      (1, 'new', '2024-01-01', '2025-12-31', 0.7, 50000, '2024—2025 年产生的利息按 70% 贴息'),
      (1, 'new', '2026-01-01', null, 0.7, 50000, '2026 年起暂按 70%（待省市文件确认，可修改）');

    create table loan (
      id bigint generated always as identity primary key,
      county_code text not null,
      town_code text not null,
      region_code text not null references region (code),
      household_id bigint not null references household (id),
      person_id bigint not null references person (id),
      bank_id bigint not null references bank (id),
      contract_no text,
      amount numeric(14, 2) not null check (amount > 0),
      rate_percent numeric(6, 4) not null check (rate_percent >= 0),
      lpr_percent numeric(6, 4) not null check (lpr_percent >= 0),
      term_months integer not null check (term_months between 1 and 36),
      purpose_code text not null,
      purpose text,
      -- an 扶贫小额信贷 loan originated under the policy before 2021: full subsidy to maturity
      old_policy boolean not null default false,
      status text not null default 'applied' check (status in ('applied', 'endorsed', 'rated', 'approved',
        'refused', 'normal', 'overdue', 'npl', 'settled', 'compensated', 'recovered', 'written_off')),
      credit_grade text,
      applied_on date not null,
      disbursed_on date,
      maturity_on date,
      settled_on date,
      principal_outstanding numeric(14, 2) not null default 0 check (principal_outstanding >= 0),
      days_past_due integer not null default 0 check (days_past_due >= 0),
      dpd_bucket text not null default 'current'
        check (dpd_bucket in ('current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_90_plus')),
      status_as_of date,
      renewals integer not null default 0,
      extensions integer not null default 0,
      version integer not null default 1,
      created_by integer references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (disbursed_on is null or maturity_on >= disbursed_on)
    );
    create unique index loan_contract_uniq on loan (bank_id, contract_no) where contract_no is not null;
    create index loan_region_idx on loan (region_code text_pattern_ops);
    create index loan_bank_idx on loan (bank_id, status);
    create index loan_person_idx on loan (person_id);
    create index loan_household_idx on loan (household_id);

    -- Every step of a loan's lifecycle, with who took it and the cause of a renewal or extension.
    create table loan_event (
      id bigint generated always as identity primary key,
      loan_id bigint not null references loan (id),
      county_code text not null,
      action text not null,
      from_status text,
      to_status text not null,
      on_date date not null,
      amount numeric(14, 2),
      cause text,
      note text,
      actor_id integer references app_user (id),
      actor_name text not null,
      created_at timestamptz not null default now()
    );
    create index loan_event_loan_idx on loan_event (loan_id, id);

    create table bank_file (
      id bigint generated always as identity primary key,
      bank_id bigint not null references bank (id),
      county_code text not null,
      filename text,
      sha256 text not null,
      status text not null check (status in ('imported', 'partial', 'refused')),
      total_rows integer not null,
      accepted_rows integer not null,
      refused_rows integer not null,
      repayments_added integer not null default 0,
      loans_updated integer not null default 0,
      problems jsonb not null default '[]',
      created_by integer references app_user (id),
      created_by_name text not null,
      created_at timestamptz not null default now()
    );
    create unique index bank_file_sha_uniq on bank_file (bank_id, sha256) where status <> 'refused';
    create index bank_file_bank_idx on bank_file (bank_id, id desc);

    create table loan_repayment (
      id bigint generated always as identity primary key,
      loan_id bigint not null references loan (id),
      county_code text not null,
      paid_on date not null,
      principal numeric(14, 2) not null check (principal >= 0),
      interest numeric(14, 2) not null check (interest >= 0),
      bank_file_id bigint references bank_file (id),
      created_by integer references app_user (id),
      created_at timestamptz not null default now()
    );
    -- The same repayment reported again in an overlapping file lands once.
    create unique index loan_repayment_uniq on loan_repayment (loan_id, paid_on, principal, interest);

    -- A row whenever a loan moves to another days-past-due bucket (Fineract #2442: moves are kept).
    create table loan_dpd_history (
      id bigint generated always as identity primary key,
      loan_id bigint not null references loan (id),
      county_code text not null,
      from_on date not null,
      days_past_due integer not null,
      bucket text not null,
      bank_file_id bigint references bank_file (id),
      created_at timestamptz not null default now()
    );
    create index loan_dpd_history_loan_idx on loan_dpd_history (loan_id, from_on);

    create table risk_fund_entry (
      id bigint generated always as identity primary key,
      county_code text not null,
      entry_on date not null,
      kind text not null check (kind in ('deposit', 'compensation', 'recovery')),
      amount numeric(14, 2) not null check (amount > 0),
      loan_id bigint references loan (id),
      note text,
      created_by integer references app_user (id),
      created_at timestamptz not null default now()
    );
    create index risk_fund_entry_county_idx on risk_fund_entry (county_code, entry_on);
    `,
  );
}
