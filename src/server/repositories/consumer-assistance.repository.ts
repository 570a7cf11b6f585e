import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import type {
  BrandKind,
  BuyerType,
  CertLevel,
  ProductCategory,
  ProductLinkageType,
  ProductStage,
  SaleChannel,
} from '../../shared/consumer-assistance.js';
import type { ConsumerProductTable, ConsumerSaleTable, DB } from '../db/schema.js';
import { escapeLike } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

/** `col like 'p%' or …` for raw SQL (the empty prefix matches all, no prefix nothing). */
function scoped(column: RawBuilder<unknown>, prefixes: readonly string[]): RawBuilder<boolean> {
  if (prefixes.includes('')) {
    return sql<boolean>`true`;
  }
  if (prefixes.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`(${sql.join(
    prefixes.map((p) => sql`${column} like ${`${escapeLike(p)}%`}`),
    sql` or `,
  )})`;
}

export interface ProductRow {
  id: number;
  county_code: string;
  region_code: string;
  operator_id: number;
  operator_name: string;
  name: string;
  category: ProductCategory;
  annual_value: string;
  cert_level: CertLevel;
  certificate_no: string | null;
  valid_from: string;
  valid_to: string;
  linkage_type: ProductLinkageType;
  stage: ProductStage;
  notice_id: number | null;
  certified_on: string | null;
  last_comment: string | null;
  note: string | null;
  version: number;
  county_name: string;
  region_name: string;
  renewal_days: number;
  households: number;
  poor_households: number;
  monitored_households: number;
  sales_this_year: string;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  notice_objections: number | null;
  notice_resolved: boolean | null;
}

export interface ProductSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  stage?: ProductStage | undefined;
  category?: ProductCategory | undefined;
  certLevel?: CertLevel | undefined;
  q?: string | undefined;
  /** due: certified and ending within the county's window; expired: certified and past its end. */
  validity?: 'due' | 'expired' | 'renewal' | undefined;
  ids?: readonly number[] | undefined;
  today: string;
  yearStart: string;
  yearEnd: string;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface SaleSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  from: string;
  to: string;
  productId?: number | undefined;
  channel?: SaleChannel | undefined;
  buyerType?: BuyerType | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const DUPLICATE_BRAND = '本县已有同名品牌';

/** Consumer assistance (消费帮扶): settings, products and their steps, brands, sales and the report. */
export function createConsumerAssistanceRepository(db: Kysely<DB>) {
  const windowOf = sql`coalesce((select cs.renewal_days from consumer_setting cs where cs.county_code = p.county_code), 90)`;

  function productWhere(f: ProductSearch) {
    const parts: RawBuilder<unknown>[] = [scoped(sql`p.region_code`, f.scope)];
    if (f.regionPrefixes) {
      parts.push(scoped(sql`p.region_code`, f.regionPrefixes));
    }
    if (f.stage) {
      parts.push(sql`p.stage = ${f.stage}`);
    }
    if (f.category) {
      parts.push(sql`p.category = ${f.category}`);
    }
    if (f.certLevel) {
      parts.push(sql`p.cert_level = ${f.certLevel}`);
    }
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      parts.push(sql`(p.name ilike ${like} or o.name ilike ${like})`);
    }
    if (f.validity === 'expired') {
      parts.push(sql`p.stage = 'certified' and p.valid_to < ${f.today}::date`);
    } else if (f.validity === 'due') {
      parts.push(
        sql`p.stage = 'certified' and p.valid_to >= ${f.today}::date and p.valid_to <= ${f.today}::date + ${windowOf}`,
      );
    } else if (f.validity === 'renewal') {
      parts.push(sql`p.stage = 'certified' and p.valid_to <= ${f.today}::date + ${windowOf}`);
    }
    if (f.ids) {
      parts.push(f.ids.length === 0 ? sql`false` : sql`p.id in (${sql.join(f.ids)})`);
    }
    return sql.join(parts, sql` and `);
  }

  const productSelect = (f: { yearStart: string; yearEnd: string }) => sql`
    select p.id::int as id, p.county_code, p.region_code, p.operator_id::int as operator_id, o.name as operator_name,
      p.name, p.category, p.annual_value::text as annual_value, p.cert_level, p.certificate_no,
      p.valid_from::text as valid_from, p.valid_to::text as valid_to, p.linkage_type, p.stage,
      p.notice_id::int as notice_id, p.certified_on::text as certified_on, p.last_comment, p.note, p.version,
      c.name as county_name, r.name as region_name, ${windowOf}::int as renewal_days,
      (select count(*)::int from consumer_product_household ph where ph.product_id = p.id) as households,
      (select count(*)::int from consumer_product_household ph join household h on h.id = ph.household_id
        where ph.product_id = p.id and h.household_type = 'exited_poverty') as poor_households,
      (select count(*)::int from consumer_product_household ph join household h on h.id = ph.household_id
        where ph.product_id = p.id and h.household_type = 'monitored') as monitored_households,
      (select coalesce(sum(s.amount), 0.00)::text from consumer_sale s where s.product_id = p.id
        and s.sold_on between ${f.yearStart}::date and ${f.yearEnd}::date) as sales_this_year,
      n.starts_on::text as notice_starts_on, n.ends_on::text as notice_ends_on, n.objections as notice_objections,
      n.objections_resolved as notice_resolved
    from consumer_product p
    join operator o on o.id = p.operator_id
    join region c on c.code = p.county_code
    join region r on r.code = p.region_code
    left join public_notice n on n.id = p.notice_id`;

  return {
    async settings(countyCode: string) {
      const row = await sql<{
        value_floor: string;
        national_floor: string;
        renewal_days: number;
        version: number;
      }>`
        select value_floor::text as value_floor, national_floor::text as national_floor, renewal_days, version
        from consumer_setting where county_code = ${countyCode}`.execute(db);
      return row.rows[0];
    },

    /** Saves the county's settings at the version seen (0: none yet); false when someone saved first. */
    async saveSettings(
      countyCode: string,
      version: number,
      values: { value_floor: string; national_floor: string; renewal_days: number; updated_by: string },
    ): Promise<boolean> {
      if (version === 0) {
        const inserted = await db
          .insertInto('consumer_setting')
          .values({ county_code: countyCode, ...values })
          .onConflict((oc) => oc.column('county_code').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
      }
      const result = await db
        .updateTable('consumer_setting')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('county_code', '=', countyCode)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    findOperator(id: number) {
      return db
        .selectFrom('operator')
        .select(['id', 'county_code', 'region_code', 'name', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async searchProducts(f: ProductSearch): Promise<{ items: ProductRow[]; total: number }> {
      const where = productWhere(f);
      const page = f.limit !== undefined ? sql`limit ${f.limit} offset ${f.offset ?? 0}` : sql``;
      const order =
        f.validity !== undefined ? sql`order by p.valid_to, p.id` : sql`order by p.region_code, p.id`;
      const [rows, count] = await Promise.all([
        sql<ProductRow>`${productSelect(f)} where ${where} ${order} ${page}`.execute(db),
        sql<{
          n: number;
        }>`select count(*)::int as n from consumer_product p join operator o on o.id = p.operator_id
          where ${where}`.execute(db),
      ]);
      return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
    },

    async findProduct(id: number, years: { yearStart: string; yearEnd: string }) {
      const rows = await sql<ProductRow>`${productSelect(years)} where p.id = ${id}`.execute(db);
      return rows.rows[0];
    },

    async findProducts(ids: readonly number[], years: { yearStart: string; yearEnd: string }) {
      if (ids.length === 0) {
        return [] as ProductRow[];
      }
      const rows = await sql<ProductRow>`${productSelect(years)} where p.id in (${sql.join(ids)})`.execute(
        db,
      );
      return rows.rows;
    },

    async findProductByNotice(noticeId: number) {
      return db
        .selectFrom('consumer_product')
        .select(['id', 'region_code', 'county_code'])
        .where('notice_id', '=', noticeId)
        .executeTakeFirst();
    },

    async insertProduct(values: Insertable<ConsumerProductTable>): Promise<number> {
      const row = await db
        .insertInto('consumer_product')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateProduct(id: number, version: number, values: Updateable<ConsumerProductTable>) {
      const result = await db
        .updateTable('consumer_product')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The registry households of the given ids (for linking): their county and village. */
    async households(ids: readonly number[]) {
      if (ids.length === 0) {
        return [];
      }
      return db
        .selectFrom('household')
        .select(['id', 'county_code', 'region_code'])
        .where('id', 'in', ids)
        .execute();
    },

    async setHouseholds(productId: number, countyCode: string, householdIds: readonly number[]) {
      await db.deleteFrom('consumer_product_household').where('product_id', '=', productId).execute();
      if (householdIds.length > 0) {
        await db
          .insertInto('consumer_product_household')
          .values(
            householdIds.map((h) => ({ product_id: productId, household_id: h, county_code: countyCode })),
          )
          .execute();
      }
    },

    linkedHouseholds(productId: number) {
      return db
        .selectFrom('consumer_product_household as ph')
        .innerJoin('household as h', 'h.id', 'ph.household_id')
        .leftJoin('person as hp', 'hp.id', 'h.head_person_id')
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .select([
          'h.id',
          'h.household_no',
          'h.household_type',
          'hp.name as head_name',
          'v.name as village_name',
        ])
        .where('ph.product_id', '=', productId)
        .orderBy('h.region_code')
        .orderBy('h.id')
        .execute();
    },

    async insertEvent(values: {
      county_code: string;
      product_id: number;
      action: string;
      from_stage: string | null;
      to_stage: string;
      acted_on: string;
      actor_id: number | null;
      actor_name: string;
      comment: string | null;
    }) {
      await db.insertInto('consumer_product_event').values(values).execute();
    },

    listEvents(productId: number) {
      return db
        .selectFrom('consumer_product_event')
        .select([
          'id',
          'action',
          'from_stage',
          'to_stage',
          sql<string>`acted_on::text`.as('acted_on'),
          'actor_name',
          'comment',
        ])
        .where('product_id', '=', productId)
        .orderBy('id')
        .execute();
    },

    // ---- brands -----------------------------------------------------------------------------------------

    async listBrands(scope: readonly string[]) {
      const counties = scope.map((p) => p.slice(0, 6));
      const brands = await sql<{
        id: number;
        county_code: string;
        county_name: string;
        name: string;
        kind: BrandKind;
        owner_operator_id: number | null;
        owner_operator_name: string | null;
        owner_unit: string | null;
        note: string | null;
        version: number;
      }>`
        select b.id::int as id, b.county_code, c.name as county_name, b.name, b.kind,
          b.owner_operator_id::int as owner_operator_id, o.name as owner_operator_name, b.owner_unit, b.note, b.version
        from consumer_brand b join region c on c.code = b.county_code
        left join operator o on o.id = b.owner_operator_id
        where ${scoped(sql`b.county_code`, counties)}
        order by b.county_code, b.id`.execute(db);
      const ids = brands.rows.map((b) => b.id);
      if (ids.length === 0) {
        return [];
      }
      const [products, licensees] = await Promise.all([
        sql<{ brand_id: number; id: number; name: string; stage: ProductStage }>`
          select bp.brand_id::int as brand_id, p.id::int as id, p.name, p.stage
          from consumer_brand_product bp join consumer_product p on p.id = bp.product_id
          where bp.brand_id in (${sql.join(ids)}) order by p.id`.execute(db),
        sql<{
          brand_id: number;
          operator_id: number;
          operator_name: string;
          licensed_from: string;
          licensed_to: string;
        }>`
          select l.brand_id::int as brand_id, l.operator_id::int as operator_id, o.name as operator_name,
            l.licensed_from::text as licensed_from, l.licensed_to::text as licensed_to
          from consumer_brand_licensee l join operator o on o.id = l.operator_id
          where l.brand_id in (${sql.join(ids)}) order by l.id`.execute(db),
      ]);
      return brands.rows.map((b) => ({
        ...b,
        products: products.rows.filter((p) => p.brand_id === b.id),
        licensees: licensees.rows.filter((l) => l.brand_id === b.id),
      }));
    },

    findBrand(id: number) {
      return db.selectFrom('consumer_brand').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertBrand(values: {
      county_code: string;
      name: string;
      kind: BrandKind;
      owner_operator_id: number | null;
      owner_unit: string | null;
      note: string | null;
      created_by: number | null;
    }) {
      const row = await conflictOnDuplicate(
        () => db.insertInto('consumer_brand').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_BRAND,
        { field: 'name' },
      );
      return Number(row.id);
    },

    async updateBrand(
      id: number,
      version: number,
      values: {
        name: string;
        kind: BrandKind;
        owner_operator_id: number | null;
        owner_unit: string | null;
        note: string | null;
      },
    ) {
      const result = await conflictOnDuplicate(
        () =>
          db
            .updateTable('consumer_brand')
            .set({ ...values, version: version + 1, updated_at: sql`now()` })
            .where('id', '=', id)
            .where('version', '=', version)
            .executeTakeFirst(),
        DUPLICATE_BRAND,
        { field: 'name' },
      );
      return Number(result.numUpdatedRows) === 1;
    },

    async setBrandParts(
      brandId: number,
      countyCode: string,
      productIds: readonly number[],
      licensees: readonly { operatorId: number; licensedFrom: string; licensedTo: string }[],
    ) {
      await db.deleteFrom('consumer_brand_product').where('brand_id', '=', brandId).execute();
      await db.deleteFrom('consumer_brand_licensee').where('brand_id', '=', brandId).execute();
      if (productIds.length > 0) {
        await db
          .insertInto('consumer_brand_product')
          .values(productIds.map((p) => ({ brand_id: brandId, product_id: p, county_code: countyCode })))
          .execute();
      }
      if (licensees.length > 0) {
        await db
          .insertInto('consumer_brand_licensee')
          .values(
            licensees.map((l) => ({
              brand_id: brandId,
              county_code: countyCode,
              operator_id: l.operatorId,
              licensed_from: l.licensedFrom,
              licensed_to: l.licensedTo,
            })),
          )
          .execute();
      }
    },

    async operators(ids: readonly number[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('operator').select(['id', 'county_code', 'name']).where('id', 'in', ids).execute();
    },

    async productsBrief(ids: readonly number[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('consumer_product').select(['id', 'county_code']).where('id', 'in', ids).execute();
    },

    // ---- sales ------------------------------------------------------------------------------------------

    async insertSale(values: Insertable<ConsumerSaleTable>): Promise<number> {
      const row = await db
        .insertInto('consumer_sale')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async searchSales(f: SaleSearch) {
      const parts: RawBuilder<unknown>[] = [
        scoped(sql`s.region_code`, f.scope),
        sql`s.sold_on between ${f.from}::date and ${f.to}::date`,
      ];
      if (f.regionPrefixes) {
        parts.push(scoped(sql`s.region_code`, f.regionPrefixes));
      }
      if (f.productId !== undefined) {
        parts.push(sql`s.product_id = ${f.productId}`);
      }
      if (f.channel) {
        parts.push(sql`s.channel = ${f.channel}`);
      }
      if (f.buyerType) {
        parts.push(sql`s.buyer_type = ${f.buyerType}`);
      }
      const where = sql.join(parts, sql` and `);
      const page = f.limit !== undefined ? sql`limit ${f.limit} offset ${f.offset ?? 0}` : sql``;
      const [rows, count] = await Promise.all([
        sql<{
          id: number;
          county_code: string;
          county_name: string;
          product_id: number;
          product_name: string;
          operator_name: string;
          sold_on: string;
          channel: SaleChannel;
          buyer_type: BuyerType;
          buyer_name: string;
          amount: string;
          quantity: string | null;
          note: string | null;
        }>`
          select s.id::int as id, s.county_code, c.name as county_name, s.product_id::int as product_id,
            p.name as product_name, o.name as operator_name, s.sold_on::text as sold_on, s.channel, s.buyer_type,
            s.buyer_name, s.amount::text as amount, s.quantity, s.note
          from consumer_sale s join consumer_product p on p.id = s.product_id
          join operator o on o.id = p.operator_id join region c on c.code = s.county_code
          where ${where} order by s.sold_on desc, s.id desc ${page}`.execute(db),
        sql<{ n: number; total: string }>`
          select count(*)::int as n, coalesce(sum(s.amount), 0.00)::text as total from consumer_sale s
          where ${where}`.execute(db),
      ]);
      return { items: rows.rows, total: count.rows[0]?.n ?? 0, amount: count.rows[0]?.total ?? '0.00' };
    },

    /** The year's sales of the scope by channel, buyer type and county, one set-based pass each. */
    async report(
      scope: readonly string[],
      regionPrefixes: readonly string[] | undefined,
      from: string,
      to: string,
    ) {
      const where = sql.join(
        [
          scoped(sql`s.region_code`, scope),
          ...(regionPrefixes ? [scoped(sql`s.region_code`, regionPrefixes)] : []),
          sql`s.sold_on between ${from}::date and ${to}::date`,
        ],
        sql` and `,
      );
      const grouped = (key: RawBuilder<unknown>) =>
        sql<{ key: string; sales: number; amount: string }>`
          select ${key} as key, count(*)::int as sales, sum(s.amount)::text as amount
          from consumer_sale s where ${where} group by 1 order by sum(s.amount) desc, 1`.execute(db);
      const [channels, buyers, counties, total] = await Promise.all([
        grouped(sql`s.channel`),
        grouped(sql`s.buyer_type`),
        sql<{ key: string; name: string; sales: number; amount: string; products: number }>`
          select s.county_code as key, c.name, count(*)::int as sales, sum(s.amount)::text as amount,
            count(distinct s.product_id)::int as products
          from consumer_sale s join region c on c.code = s.county_code
          where ${where} group by s.county_code, c.name order by s.county_code`.execute(db),
        sql<{ sales: number; amount: string }>`
          select count(*)::int as sales, coalesce(sum(s.amount), 0.00)::text as amount from consumer_sale s
          where ${where}`.execute(db),
      ]);
      return {
        channels: channels.rows,
        buyers: buyers.rows,
        counties: counties.rows,
        total: total.rows[0] ?? { sales: 0, amount: '0.00' },
      };
    },
  };
}

export type ConsumerAssistanceRepository = ReturnType<typeof createConsumerAssistanceRepository>;
