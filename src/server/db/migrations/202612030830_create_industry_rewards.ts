import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Household industry rewards (产业奖补, domain-cdefg §C1): a county's schemes per year and item, and the claims
 * of households on them through village check, village notice (a public_notice of kind industry_reward),
 * township review, county acceptance and payment. The reward is stored as computed when the claim was last
 * declared or edited, with the limit that set it, so the ledger shows what was paid and why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table industry_scheme (
      id bigserial primary key,
      county_code text not null,
      year integer not null,
      -- 香菇种植, 肉牛养殖 …
      item text not null,
      unit text not null check (unit in ('mu', 'head', 'household')),
      -- percent of the net income, e.g. 20.00
      rate_percent numeric(5, 2) not null check (rate_percent > 0 and rate_percent <= 100),
      -- per 亩 or head; null: no per-unit cap
      unit_cap numeric(12, 2) check (unit_cap > 0),
      household_cap numeric(12, 2) not null check (household_cap > 0),
      eligible_types text[] not null default '{exited_poverty,monitored}',
      window_start date not null,
      window_end date not null,
      -- the library project whose connection funds pay it
      project_id bigint references project (id),
      status text not null default 'open' check (status in ('open', 'closed')),
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (window_end >= window_start),
      unique (county_code, year, item)
    );

    alter table public_notice drop constraint public_notice_subject_kind_check;
    alter table public_notice add constraint public_notice_subject_kind_check
      check (subject_kind in ('project', 'allocation', 'distribution_plan', 'industry_reward'));

    create table industry_claim (
      id bigserial primary key,
      county_code text not null,
      scheme_id bigint not null references industry_scheme (id),
      household_id bigint not null references household (id),
      -- the household's village when declared: the notice and the checks follow it
      region_code text not null,
      scale numeric(10, 2) not null check (scale > 0),
      revenue numeric(12, 2) not null check (revenue >= 0),
      cost numeric(12, 2) not null check (cost >= 0),
      net_income numeric(12, 2) not null,
      reward numeric(12, 2) not null,
      cap_applied text check (cap_applied in ('unit', 'household')),
      -- 'household' (the household declared) or 'visit' (a cadre recorded it at a visit)
      source text not null check (source in ('household', 'visit')),
      stage text not null default 'declared' check (stage in ('declared', 'village_checked', 'notice',
        'town_reviewed', 'county_accepted', 'paid', 'returned', 'rejected')),
      notice_id bigint references public_notice (id),
      -- chosen for the county's on-site check when the township passes the claim
      sampled boolean not null default false,
      village_note text,
      on_site_note text,
      paid_on date,
      last_comment text,
      note text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- one claim per household per scheme (a second one, from another village or cadre, is refused)
      unique (scheme_id, household_id)
    );
    create index industry_claim_region_idx on industry_claim (region_code text_pattern_ops);
    create index industry_claim_household_idx on industry_claim (household_id);
    create index industry_claim_scheme_stage_idx on industry_claim (scheme_id, stage);

    -- Each step on a claim, by whom and when: the claim's 办理记录.
    create table industry_claim_event (
      id bigserial primary key,
      county_code text not null,
      claim_id bigint not null references industry_claim (id),
      action text not null,
      from_stage text,
      to_stage text not null,
      acted_on date not null,
      actor_id bigint references app_user (id),
      actor_name text not null,
      comment text,
      created_at timestamptz not null default now()
    );
    create index industry_claim_event_claim_idx on industry_claim_event (claim_id);
    `,
  );
}
