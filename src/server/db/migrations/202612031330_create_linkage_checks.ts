import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * "四查四促" verification campaigns of farmer linkage (domain-cdefg §C3) and the criteria of 帮扶龙头企业 (§C9).
 * A county's campaign of a year draws its sample of linkage agreements (fixed by the campaign and agreement ids;
 * the county may add more by hand, never take drawn ones out), each sampled agreement gets one check with a
 * result per check item, and a check item that does not conform becomes a finding that is rectified by the
 * township and verified by the county. A lead enterprise's figures are computed, never stored: only the
 * county's criteria are kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table linkage_check_campaign (
      id bigserial primary key,
      county_code text not null,
      name text not null,
      year integer not null,
      starts_on date not null,
      ends_on date not null,
      -- the editable lists, e.g. {查项目,查资产,查带农,查收益} and {促运营,促管护,促联结,促增收}
      check_items text[] not null,
      follow_up_items text[] not null,
      sample_percent integer not null check (sample_percent between 1 and 100),
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index linkage_check_campaign_county_idx on linkage_check_campaign (county_code, year);

    -- The agreements a campaign checks: drawn, or added by the county by hand.
    create table linkage_check_sample (
      campaign_id bigint not null references linkage_check_campaign (id),
      agreement_id bigint not null references linkage_agreement (id),
      county_code text not null,
      added_by_hand boolean not null default false,
      added_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      primary key (campaign_id, agreement_id)
    );

    -- One check of a sampled agreement: a result and a note per check item ([{item, result, note}]).
    create table linkage_check (
      id bigserial primary key,
      campaign_id bigint not null,
      agreement_id bigint not null,
      county_code text not null,
      checked_on date not null,
      results jsonb not null,
      note text,
      version integer not null default 1,
      checked_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (campaign_id, agreement_id) references linkage_check_sample (campaign_id, agreement_id),
      unique (campaign_id, agreement_id)
    );

    create table linkage_check_finding (
      id bigserial primary key,
      check_id bigint not null references linkage_check (id),
      campaign_id bigint not null references linkage_check_campaign (id),
      county_code text not null,
      item text not null,
      problem text not null,
      follow_up_item text not null,
      responsible_unit text not null,
      deadline date not null,
      status text not null default 'open' check (status in ('open', 'rectified', 'verified')),
      rectification_note text,
      rectified_on date,
      reopen_reason text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index linkage_check_finding_campaign_idx on linkage_check_finding (campaign_id, status);
    create index linkage_check_finding_check_idx on linkage_check_finding (check_id);

    -- The steps of a finding (rectified, verified, reopened), who took them and what they wrote.
    create table linkage_check_finding_event (
      id bigserial primary key,
      finding_id bigint not null references linkage_check_finding (id),
      action text not null check (action in ('create', 'rectify', 'verify', 'reopen')),
      acted_on date not null,
      note text,
      actor_id bigint references app_user (id),
      actor_name text not null,
      created_at timestamptz not null default now()
    );
    create index linkage_check_finding_event_idx on linkage_check_finding_event (finding_id, id);

    -- A county's 帮扶龙头企业 criteria; a county without a row uses the §C9 defaults.
    create table lead_enterprise_criteria (
      county_code text primary key,
      min_households integer not null check (min_households >= 0),
      min_workers integer not null check (min_workers >= 0),
      require_agreement boolean not null,
      version integer not null default 1,
      updated_by bigint references app_user (id),
      updated_at timestamptz not null default now()
    );
    `,
  );
}
