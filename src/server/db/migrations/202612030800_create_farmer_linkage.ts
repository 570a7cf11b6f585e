import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Farmer linkage (联农带农, domain-cdefg §C3): an operator's agreement (optionally for a project of the library),
 * the households it links each year, and every payment it made to them (wages, purchase payments, dividends,
 * rent). The ledger counts linkage from those payments, so a household linked but paid nothing shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table linkage_agreement (
      id bigserial primary key,
      county_code text not null,
      operator_id bigint not null references operator (id),
      -- the project of the library the support came from, when there is one
      project_id bigint references project (id),
      mode text not null check (mode in ('order_farming', 'custody', 'consignment', 'floor_price', 'employment',
        'asset_income', 'land_transfer', 'equity_dividend', 'technical_service', 'other')),
      started_on date not null,
      -- null: the agreement runs on
      ended_on date,
      -- price floor, dividend share, wage: as written in the agreement
      terms text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ended_on is null or ended_on >= started_on)
    );
    create index linkage_agreement_operator_idx on linkage_agreement (operator_id);
    create index linkage_agreement_project_idx on linkage_agreement (project_id) where project_id is not null;
    create index linkage_agreement_county_idx on linkage_agreement (county_code);

    -- The households an agreement links in a year (linkage is declared per year, §C3).
    create table linkage_household (
      id bigserial primary key,
      county_code text not null,
      agreement_id bigint not null references linkage_agreement (id),
      household_id bigint not null references household (id),
      year integer not null,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      unique (agreement_id, year, household_id)
    );
    create index linkage_household_household_idx on linkage_household (household_id, year);

    -- What the operator actually paid a linked household: the evidence of linkage.
    create table linkage_benefit (
      id bigserial primary key,
      county_code text not null,
      agreement_id bigint not null references linkage_agreement (id),
      household_id bigint not null references household (id),
      paid_on date not null,
      benefit_type text not null check (benefit_type in ('wage', 'purchase', 'dividend', 'rent', 'other')),
      amount numeric(12, 2) not null check (amount > 0),
      evidence text,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now()
    );
    create index linkage_benefit_agreement_idx on linkage_benefit (agreement_id, paid_on);
    create index linkage_benefit_household_idx on linkage_benefit (household_id, paid_on);
    `,
  );
}
