import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The project library and connection funds (domain-cdefg §D1–D2): projects with their funding mix and
 * beneficiaries, every workflow step, public notices, allocations (资金下达), their lines to projects,
 * payments, the monthly summary the bulletin reads, and issued bulletins (frozen snapshots).
 * Money is numeric(14,2); every large table carries county_code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- The sources of a project's funding mix. A code list as a table so other modules (pairing: 定点帮扶)
    -- reference a code; is_connection_fund marks the 衔接资金 levels that allocations come from.
    create table funding_source (
      code text primary key,
      name text not null,
      is_connection_fund boolean not null default false,
      sort_order integer not null
    );
    insert into funding_source (code, name, is_connection_fund, sort_order) values
      ('central', '中央衔接资金', true, 1),
      ('provincial', '省级衔接资金', true, 2),
      ('city', '市级衔接资金', true, 3),
      ('county', '县级衔接资金', true, 4),
      ('integrated', '统筹整合资金', false, 5),
      ('east_west', '东西部协作资金', false, 6),
      ('pairing', '定点帮扶资金', false, 7),
      ('social', '社会帮扶资金', false, 8),
      ('self_raised', '群众自筹', false, 9);

    create table project (
      id bigserial primary key,
      county_code text not null,
      -- the village, town or county the project is declared in (its level says which)
      region_code text not null references region (code),
      level text not null check (level in ('village', 'town', 'county')),
      year integer not null check (year between 2000 and 2100),
      name text not null,
      category_l1 text not null,
      category_l2 text not null,
      is_industry boolean not null,
      nature text not null check (nature in ('新建', '改扩建', '续建')),
      -- [{item, quantity, unit}]
      tasks jsonb not null default '[]',
      estimated_investment numeric(14, 2) not null check (estimated_investment >= 0),
      implementing_unit text not null,
      responsible_person text,
      planned_start date,
      planned_finish date,
      beneficiary_households integer not null default 0 check (beneficiary_households >= 0),
      beneficiary_persons integer not null default 0 check (beneficiary_persons >= 0),
      beneficiary_poor integer not null default 0 check (beneficiary_poor >= 0),
      beneficiary_monitored integer not null default 0 check (beneficiary_monitored >= 0),
      -- [{kind: 产出/效益/满意度, indicator, value}]
      performance_targets jsonb not null default '[]',
      linkage_mode text,
      linkage_households integer not null default 0,
      -- the negative-list result at the last change, and the reviewers' checklists
      negative_hits jsonb not null default '[]',
      town_checks jsonb,
      county_checks jsonb,
      stage text not null default 'draft',
      -- 滚动: the project of an earlier year this one continues (unfunded projects roll into next year)
      rolled_from_id bigint references project (id),
      -- summaries kept with every fund line and payment (the bulletin's stalled projects read them)
      allocated_total numeric(14, 2) not null default 0,
      paid_total numeric(14, 2) not null default 0,
      first_allocated_on date,
      last_paid_on date,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index project_region_idx on project (region_code text_pattern_ops);
    create index project_county_year_idx on project (county_code, year, stage);

    create table project_funding (
      project_id bigint not null references project (id),
      county_code text not null,
      source_code text not null references funding_source (code),
      amount numeric(14, 2) not null check (amount > 0),
      primary key (project_id, source_code)
    );

    -- Registry households that benefit, for household-level projects (到户类).
    create table project_beneficiary (
      project_id bigint not null references project (id),
      household_id bigint not null references household (id),
      county_code text not null,
      primary key (project_id, household_id)
    );

    -- Every step: actor, level, date and comment (ProjectStageEvent, §D1).
    create table project_event (
      id bigserial primary key,
      project_id bigint not null references project (id),
      county_code text not null,
      action text not null,
      from_stage text,
      to_stage text not null,
      acted_on date not null,
      actor_id bigint references app_user (id),
      actor_name text not null,
      actor_level text,
      comment text,
      created_at timestamptz not null default now()
    );
    create index project_event_project_idx on project_event (project_id, id);

    -- 公告公示 (§1.2): projects, allocations and distribution plans; posted at least 10 days (both days
    -- included), and the next step waits for the end.
    create table public_notice (
      id bigserial primary key,
      county_code text not null,
      region_code text not null,
      subject_kind text not null check (subject_kind in ('project', 'allocation', 'distribution_plan')),
      subject_id bigint not null,
      -- the stage of the subject the notice belongs to (a project is posted at declaration, at allocation…)
      purpose text not null,
      channel text not null,
      starts_on date not null,
      ends_on date not null,
      objections integer not null default 0 check (objections >= 0),
      objection_note text,
      objections_resolved boolean not null default true,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on + 9)
    );
    create index public_notice_subject_idx on public_notice (subject_kind, subject_id);

    -- 资金下达: one allocation document's amount for one county.
    create table fund_allocation (
      id bigserial primary key,
      county_code text not null references region (code),
      doc_number text not null,
      source_code text not null references funding_source (code),
      year integer not null check (year between 2000 and 2100),
      batch integer not null default 1 check (batch >= 1),
      task_tag text not null default '巩固成果与乡村振兴',
      amount numeric(14, 2) not null check (amount > 0),
      received_on date not null,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      unique (county_code, doc_number)
    );
    create index fund_allocation_county_idx on fund_allocation (county_code, year);

    -- An allocation's money assigned to a library project (FundLine).
    create table fund_line (
      id bigserial primary key,
      county_code text not null,
      allocation_id bigint not null references fund_allocation (id),
      project_id bigint not null references project (id),
      amount numeric(14, 2) not null check (amount > 0),
      allocated_on date not null,
      paid_total numeric(14, 2) not null default 0,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      unique (allocation_id, project_id)
    );
    create index fund_line_project_idx on fund_line (project_id);

    create table fund_payment (
      id bigserial primary key,
      county_code text not null,
      fund_line_id bigint not null references fund_line (id),
      project_id bigint not null references project (id),
      paid_on date not null,
      amount numeric(14, 2) not null check (amount > 0),
      voucher text,
      -- the import job a payment came from (null when keyed)
      import_id text,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now()
    );
    create index fund_payment_project_idx on fund_payment (project_id, paid_on);
    create index fund_payment_county_idx on fund_payment (county_code, paid_on);

    -- Per county, source, fund year and month: money received, allocated to projects (and to industry
    -- projects) and paid. Written in the same transaction as each allocation, line and payment, so the
    -- bulletin reads a few hundred rows instead of every payment.
    create table fund_month_summary (
      county_code text not null,
      source_code text not null,
      fund_year integer not null,
      month text not null,
      received numeric(14, 2) not null default 0,
      allocated numeric(14, 2) not null default 0,
      allocated_industry numeric(14, 2) not null default 0,
      paid numeric(14, 2) not null default 0,
      primary key (county_code, source_code, fund_year, month)
    );

    -- An issued monthly bulletin (月通报) or quarterly dispatch (季调度): the figures as issued, frozen.
    create table fund_bulletin (
      id bigserial primary key,
      kind text not null check (kind in ('monthly', 'quarterly')),
      period text not null,
      scope_code text not null,
      figures jsonb not null,
      issued_on date not null,
      issued_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      unique (kind, period, scope_code)
    );
    `,
  );
}
