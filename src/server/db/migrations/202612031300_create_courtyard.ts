import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Courtyard economy demonstration (庭院经济示范村/户, domain-cdefg §C2): the county's criteria per year, the
 * villages and households nominated by a township, posted on a county notice (a public_notice of kind
 * courtyard), accepted on site and named or failed, with a step history per record. A household's accepted
 * courtyard income is written once as its business income item (生产经营性收入), pointing back to the record
 * through income_item.source_kind / source_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table courtyard_criteria (
      county_code text not null,
      year integer not null,
      household_min_activities integer not null default 1 check (household_min_activities >= 0),
      household_min_income numeric(12, 2) not null default 3000.00 check (household_min_income >= 0),
      require_clean_yard boolean not null default true,
      village_min_households integer not null default 10 check (village_min_households >= 0),
      village_min_income_share numeric(5, 2) not null default 20.00
        check (village_min_income_share >= 0 and village_min_income_share <= 100),
      target_villages integer not null default 5 check (target_villages >= 0),
      target_households integer not null default 10 check (target_households >= 0),
      version integer not null default 1,
      updated_by bigint references app_user (id),
      updated_at timestamptz not null default now(),
      primary key (county_code, year)
    );

    alter table public_notice drop constraint public_notice_subject_kind_check;
    alter table public_notice add constraint public_notice_subject_kind_check
      check (subject_kind in ('project', 'allocation', 'distribution_plan', 'industry_reward', 'courtyard'));

    create table courtyard_village (
      id bigserial primary key,
      county_code text not null,
      town_code text not null,
      -- the village (region.code)
      region_code text not null references region (code),
      year integer not null,
      stage text not null default 'nominated'
        check (stage in ('nominated', 'building', 'accepted', 'named', 'failed')),
      notice_id bigint references public_notice (id),
      accepted_on date,
      named_on date,
      fail_reason text,
      last_comment text,
      note text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_code, year)
    );
    create index courtyard_village_region_idx on courtyard_village (region_code text_pattern_ops);

    create table courtyard_household (
      id bigserial primary key,
      county_code text not null,
      village_id bigint not null references courtyard_village (id),
      household_id bigint not null references household (id),
      region_code text not null,
      year integer not null,
      stage text not null default 'nominated'
        check (stage in ('nominated', 'building', 'accepted', 'named', 'failed')),
      notice_id bigint references public_notice (id),
      activities text[] not null default '{}',
      scale numeric(10, 2) check (scale > 0),
      scale_unit text check (scale_unit in ('mu', 'head')),
      net_income numeric(12, 2) check (net_income >= 0),
      clean_yard boolean,
      result_note text,
      accepted_on date,
      named_on date,
      fail_reason text,
      last_comment text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (household_id, year)
    );
    create index courtyard_household_region_idx on courtyard_household (region_code text_pattern_ops);
    create index courtyard_household_village_idx on courtyard_household (village_id);

    create table courtyard_event (
      id bigserial primary key,
      county_code text not null,
      subject_kind text not null check (subject_kind in ('village', 'household')),
      subject_id bigint not null,
      action text not null,
      from_stage text,
      to_stage text not null,
      acted_on date not null,
      actor_id bigint references app_user (id),
      actor_name text not null,
      comment text,
      created_at timestamptz not null default now()
    );
    create index courtyard_event_subject_idx on courtyard_event (subject_kind, subject_id);

    -- Where an income item came from when it was not typed on the household page (e.g. a courtyard 验收).
    alter table income_item add column source_kind text;
    alter table income_item add column source_id bigint;
    alter table income_item add constraint income_item_source_check
      check ((source_kind is null) = (source_id is null));
    create unique index income_item_source_idx on income_item (source_kind, source_id)
      where source_kind is not null;
    `,
  );
}
