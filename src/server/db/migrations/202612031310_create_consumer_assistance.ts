import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Consumer assistance (消费帮扶, domain-cdefg §C5): a county's settings (value floors, renewal window), the
 * products of operators certified as 帮扶产品 through township check, county review, a public notice (kind
 * consumer_product) and certification, their linked households (from the registry) and steps; brands with their
 * products and licensees; the sales of the products. Expiry is derived from valid_to, never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table consumer_setting (
      county_code text primary key,
      value_floor numeric(14, 2) not null default 100000 check (value_floor >= 0),
      national_floor numeric(14, 2) not null default 500000 check (national_floor >= 0),
      renewal_days integer not null default 90 check (renewal_days between 1 and 730),
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now()
    );

    alter table public_notice drop constraint public_notice_subject_kind_check;
    alter table public_notice add constraint public_notice_subject_kind_check
      check (subject_kind in ('project', 'allocation', 'distribution_plan', 'industry_reward', 'courtyard', 'consumer_product'));

    create table consumer_product (
      id bigserial primary key,
      county_code text not null,
      -- the producer's place (from the operator registry), which the scope follows
      region_code text not null,
      operator_id bigint not null references operator (id),
      name text not null,
      category text not null check (category in ('grain_oil', 'fruit_veg', 'livestock', 'aquatic', 'fungi',
        'herbal', 'tea', 'processed', 'handicraft', 'other')),
      annual_value numeric(14, 2) not null check (annual_value >= 0),
      cert_level text not null check (cert_level in ('national', 'provincial', 'city', 'county')),
      certificate_no text,
      valid_from date not null,
      valid_to date not null,
      linkage_type text not null check (linkage_type in ('wage', 'asset', 'business')),
      stage text not null default 'applied' check (stage in ('applied', 'town_checked', 'county_reviewed',
        'notice', 'certified', 'revoked', 'returned', 'refused')),
      notice_id bigint references public_notice (id),
      certified_on date,
      last_comment text,
      note text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to >= valid_from)
    );
    create index consumer_product_region_idx on consumer_product (region_code text_pattern_ops);
    create index consumer_product_operator_idx on consumer_product (operator_id);
    create index consumer_product_stage_idx on consumer_product (county_code, stage, valid_to);

    -- The registry households the product brings income to (picked, never typed).
    create table consumer_product_household (
      product_id bigint not null references consumer_product (id),
      household_id bigint not null references household (id),
      county_code text not null,
      primary key (product_id, household_id)
    );
    create index consumer_product_household_household_idx on consumer_product_household (household_id);

    create table consumer_product_event (
      id bigserial primary key,
      county_code text not null,
      product_id bigint not null references consumer_product (id),
      action text not null,
      from_stage text,
      to_stage text not null,
      acted_on date not null,
      actor_id bigint references app_user (id),
      actor_name text not null,
      comment text,
      created_at timestamptz not null default now()
    );
    create index consumer_product_event_product_idx on consumer_product_event (product_id);

    create table consumer_brand (
      id bigserial primary key,
      county_code text not null,
      name text not null,
      kind text not null check (kind in ('regional', 'product')),
      owner_operator_id bigint references operator (id),
      owner_unit text,
      note text,
      version integer not null default 1,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (owner_operator_id is not null or owner_unit is not null),
      unique (county_code, name)
    );

    create table consumer_brand_product (
      brand_id bigint not null references consumer_brand (id),
      product_id bigint not null references consumer_product (id),
      county_code text not null,
      primary key (brand_id, product_id)
    );

    create table consumer_brand_licensee (
      id bigserial primary key,
      county_code text not null,
      brand_id bigint not null references consumer_brand (id),
      operator_id bigint not null references operator (id),
      licensed_from date not null,
      licensed_to date not null,
      check (licensed_to >= licensed_from),
      unique (brand_id, operator_id)
    );

    create table consumer_sale (
      id bigserial primary key,
      county_code text not null,
      region_code text not null,
      product_id bigint not null references consumer_product (id),
      sold_on date not null,
      channel text not null check (channel in ('matchmaking', 'fair', 'online', 'canteen', 'pairing', 'store',
        'other')),
      buyer_type text not null check (buyer_type in ('agency', 'school', 'enterprise', 'ecommerce',
        'supermarket', 'individual', 'pairing_unit')),
      buyer_name text not null,
      amount numeric(14, 2) not null check (amount > 0),
      quantity text,
      note text,
      created_by bigint references app_user (id),
      created_at timestamptz not null default now()
    );
    create index consumer_sale_product_idx on consumer_sale (product_id, sold_on);
    create index consumer_sale_county_idx on consumer_sale (county_code, sold_on);
    `,
  );
}
