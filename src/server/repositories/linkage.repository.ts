import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { BenefitType, LinkageMode } from '../../shared/linkage.js';
import type { DB, LinkageAgreementTable } from '../db/schema.js';
import { inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export interface LinkageSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  operatorId?: number | undefined;
  mode?: LinkageMode | undefined;
  year: number;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** An agreement with its operator and project, and the year's linkage counted from the payments. */
export type LinkageRow = Selectable<LinkageAgreementTable> & {
  operator_name: string;
  operator_type: string;
  operator_region_code: string;
  region_name: string;
  project_name: string | null;
  linked_exited: number;
  linked_monitored: number;
  linked_other: number;
  paid_households: number;
  total_benefit: string;
};

export interface LinkedHouseholdRow {
  link_id: number;
  household_id: number;
  household_no: string | null;
  head_name: string | null;
  household_type: string;
  region_code: string;
  town_name: string | null;
  village_name: string;
  benefit_total: string;
  benefit_count: number;
  last_paid_on: string | null;
}

export interface BenefitRow {
  id: number;
  household_id: number;
  head_name: string | null;
  paid_on: string;
  benefit_type: BenefitType;
  amount: string;
  evidence: string | null;
  created_at: Date;
}

export type LinkageWrite = Omit<
  Updateable<LinkageAgreementTable>,
  'id' | 'county_code' | 'operator_id' | 'created_at' | 'created_by' | 'version'
>;

const ALREADY_LINKED = '这户当年已在本协议的带动农户中';

/** Farmer-linkage agreements (联农带农), the households each links per year, and the payments made to them. */
export function createLinkageRepository(db: Kysely<DB>) {
  // The year's linkage of each agreement: households linked by type, and those the operator paid, with the total.
  const withYear = (year: number) =>
    db
      .selectFrom('linkage_agreement as a')
      .innerJoin('operator as o', 'o.id', 'a.operator_id')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .leftJoin('project as p', 'p.id', 'a.project_id')
      .selectAll('a')
      .select((eb) => [
        'o.name as operator_name',
        'o.operator_type',
        'o.region_code as operator_region_code',
        'r.name as region_name',
        'p.name as project_name',
        eb
          .selectFrom('linkage_household as lh')
          .innerJoin('household as h', 'h.id', 'lh.household_id')
          .whereRef('lh.agreement_id', '=', 'a.id')
          .where('lh.year', '=', year)
          .where('h.household_type', '=', 'exited_poverty')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('linked_exited'),
        eb
          .selectFrom('linkage_household as lh')
          .innerJoin('household as h', 'h.id', 'lh.household_id')
          .whereRef('lh.agreement_id', '=', 'a.id')
          .where('lh.year', '=', year)
          .where('h.household_type', '=', 'monitored')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('linked_monitored'),
        eb
          .selectFrom('linkage_household as lh')
          .innerJoin('household as h', 'h.id', 'lh.household_id')
          .whereRef('lh.agreement_id', '=', 'a.id')
          .where('lh.year', '=', year)
          .where('h.household_type', 'not in', ['exited_poverty', 'monitored'])
          .select(sql<number>`count(*)::int`.as('n'))
          .as('linked_other'),
        // Paid households are counted among those linked that year: a payment is evidence of a declared link.
        eb
          .selectFrom('linkage_household as lh')
          .whereRef('lh.agreement_id', '=', 'a.id')
          .where('lh.year', '=', year)
          .where((w) =>
            w.exists(
              w
                .selectFrom('linkage_benefit as b')
                .select(sql`1`.as('x'))
                .whereRef('b.agreement_id', '=', 'lh.agreement_id')
                .whereRef('b.household_id', '=', 'lh.household_id')
                .where(sql<boolean>`extract(year from b.paid_on) = ${year}`),
            ),
          )
          .select(sql<number>`count(*)::int`.as('n'))
          .as('paid_households'),
        eb
          .selectFrom('linkage_benefit as b')
          .whereRef('b.agreement_id', '=', 'a.id')
          .where(sql<boolean>`extract(year from b.paid_on) = ${year}`)
          .select(sql<string>`coalesce(sum(b.amount), 0.00)::text`.as('s'))
          .as('total_benefit'),
      ]);

  const matching = (f: LinkageSearch) => {
    let q = db
      .selectFrom('linkage_agreement as a')
      .innerJoin('operator as o', 'o.id', 'a.operator_id')
      .where((eb) => inScope(eb, eb.ref('o.region_code'), f.scope))
      // An agreement shows in the years of its term.
      .where(sql<boolean>`extract(year from a.started_on) <= ${f.year}`)
      .where((eb) =>
        eb.or([eb('a.ended_on', 'is', null), sql<boolean>`extract(year from a.ended_on) >= ${f.year}`]),
      );
    if (f.regionPrefixes) {
      const prefixes = f.regionPrefixes;
      q = q.where((eb) => inScope(eb, eb.ref('o.region_code'), prefixes));
    }
    if (f.operatorId !== undefined) {
      q = q.where('a.operator_id', '=', f.operatorId);
    }
    if (f.mode) {
      q = q.where('a.mode', '=', f.mode);
    }
    return q;
  };

  return {
    async search(f: LinkageSearch): Promise<{ items: LinkageRow[]; total: number }> {
      const matches = matching(f);
      let page = matches.select('a.id').orderBy('o.region_code').orderBy('a.id');
      if (f.limit !== undefined) {
        page = page.limit(f.limit).offset(f.offset ?? 0);
      }
      const [count, ids] = await Promise.all([
        matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        page.execute(),
      ]);
      const list = ids.map((r) => r.id);
      const rows =
        list.length === 0
          ? []
          : await withYear(f.year)
              .where('a.id', 'in', list)
              .orderBy('o.region_code')
              .orderBy('a.id')
              .execute();
      return { items: rows as LinkageRow[], total: Number(count.n) };
    },

    async find(id: number, year: number): Promise<LinkageRow | undefined> {
      return (await withYear(year).where('a.id', '=', id).executeTakeFirst()) as LinkageRow | undefined;
    },

    async insert(values: {
      county_code: string;
      operator_id: number;
      project_id: number | null;
      mode: LinkageMode;
      started_on: string;
      ended_on: string | null;
      terms: string | null;
      created_by: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto('linkage_agreement')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** Saves when the version is the one the user saw; false when someone saved first. */
    async update(id: number, version: number, values: LinkageWrite): Promise<boolean> {
      const result = await db
        .updateTable('linkage_agreement')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The households linked in a year, with what the agreement paid each in that year (newest payers last). */
    async households(agreementId: number, year: number): Promise<LinkedHouseholdRow[]> {
      const result = await sql<LinkedHouseholdRow>`
        select lh.id::int as link_id, h.id::int as household_id, h.household_no, p.name as head_name,
               h.household_type, h.region_code, t.name as town_name, v.name as village_name,
               coalesce(sum(b.amount), 0.00)::text as benefit_total, count(b.id)::int as benefit_count,
               max(b.paid_on)::text as last_paid_on
        from linkage_household lh
        join household h on h.id = lh.household_id
        left join person p on p.id = h.head_person_id
        join region v on v.code = h.region_code
        left join region t on t.code = h.town_code
        left join linkage_benefit b on b.agreement_id = lh.agreement_id and b.household_id = lh.household_id
          and extract(year from b.paid_on) = ${year}
        where lh.agreement_id = ${agreementId} and lh.year = ${year}
        group by lh.id, h.id, p.name, t.name, v.name
        order by h.region_code, h.id`.execute(db);
      return result.rows;
    },

    async link(values: {
      county_code: string;
      agreement_id: number;
      household_id: number;
      year: number;
      created_by: number | null;
    }): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('linkage_household').values(values).returning('id').executeTakeFirstOrThrow(),
        ALREADY_LINKED,
        { field: 'householdId' },
      );
      return Number(row.id);
    },

    findLink(agreementId: number, householdId: number, year: number) {
      return db
        .selectFrom('linkage_household')
        .selectAll()
        .where('agreement_id', '=', agreementId)
        .where('household_id', '=', householdId)
        .where('year', '=', year)
        .executeTakeFirst();
    },

    async unlink(linkId: number): Promise<void> {
      await db.deleteFrom('linkage_household').where('id', '=', linkId).execute();
    },

    async paymentsInYear(agreementId: number, householdId: number, year: number): Promise<number> {
      const row = await db
        .selectFrom('linkage_benefit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agreement_id', '=', agreementId)
        .where('household_id', '=', householdId)
        .where(sql<boolean>`extract(year from paid_on) = ${year}`)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertBenefit(values: {
      county_code: string;
      agreement_id: number;
      household_id: number;
      paid_on: string;
      benefit_type: BenefitType;
      amount: string;
      evidence: string | null;
      created_by: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto('linkage_benefit')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async benefits(agreementId: number, year: number): Promise<BenefitRow[]> {
      const result = await sql<BenefitRow>`
        select b.id::int, b.household_id::int, p.name as head_name, b.paid_on::text, b.benefit_type,
               b.amount::text, b.evidence, b.created_at
        from linkage_benefit b
        join household h on h.id = b.household_id
        left join person p on p.id = h.head_person_id
        where b.agreement_id = ${agreementId} and extract(year from b.paid_on) = ${year}
        order by b.paid_on desc, b.id desc`.execute(db);
      return result.rows;
    },
  };
}

export type LinkageRepository = ReturnType<typeof createLinkageRepository>;
