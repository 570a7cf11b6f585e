import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { clock } from '../../shared/clock.js';
import type { ClaimStage } from '../../shared/industry-rewards.js';
import type { DB, IndustryClaimTable, IndustrySchemeTable } from '../db/schema.js';
import { inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export type SchemeRow = Selectable<IndustrySchemeTable> & {
  county_name: string;
  project_name: string | null;
  claims: number;
  paid_total: string;
};

/** A claim with what its list, ledger and checks show: the household, its place, the scheme and its notice. */
export interface ClaimRow {
  id: number;
  county_code: string;
  scheme_id: number;
  household_id: number;
  region_code: string;
  scale: string;
  revenue: string;
  cost: string;
  net_income: string;
  reward: string;
  cap_applied: 'unit' | 'household' | null;
  source: 'household' | 'visit';
  visit_id: string | null;
  attachment_ids: string[];
  stage: ClaimStage;
  notice_id: number | null;
  sampled: boolean;
  village_note: string | null;
  on_site_note: string | null;
  paid_on: string | null;
  last_comment: string | null;
  note: string | null;
  version: number;
  updated_at: Date;
  household_no: string | null;
  household_type: string;
  head_name: string | null;
  head_id_masked: string | null;
  county_name: string;
  town_name: string | null;
  village_name: string;
  scheme_year: number;
  scheme_item: string;
  scheme_unit: string;
  rate_percent: string;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  notice_objections: number | null;
  notice_resolved: boolean | null;
}

export interface ClaimSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  schemeId?: number | undefined;
  year?: number | undefined;
  stage?: ClaimStage | undefined;
  householdId?: number | undefined;
  /** A helper sees the claims of the households assigned to them. */
  helperUserId?: number | null | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const DUPLICATE_SCHEME = '本县本年度已有同名奖补项目';
const DUPLICATE_CLAIM = '这户已申报过这个奖补项目，不能重复申报';

/** Industry-reward schemes (产业奖补) and the households' claims on them, with their steps. */
export function createIndustryRewardRepository(db: Kysely<DB>) {
  const schemes = () =>
    db
      .selectFrom('industry_scheme as s')
      .innerJoin('region as c', 'c.code', 's.county_code')
      .leftJoin('project as p', 'p.id', 's.project_id')
      .selectAll('s')
      .select((eb) => [
        'c.name as county_name',
        'p.name as project_name',
        eb
          .selectFrom('industry_claim as ic')
          .whereRef('ic.scheme_id', '=', 's.id')
          .where('ic.stage', 'not in', ['returned', 'rejected'])
          .select(sql<number>`count(*)::int`.as('n'))
          .as('claims'),
        eb
          .selectFrom('industry_claim as ic')
          .whereRef('ic.scheme_id', '=', 's.id')
          .where('ic.stage', '=', 'paid')
          .select(sql<string>`coalesce(sum(ic.reward), 0.00)::text`.as('s'))
          .as('paid_total'),
      ]);

  const claims = () =>
    db
      .selectFrom('industry_claim as ic')
      .innerJoin('industry_scheme as s', 's.id', 'ic.scheme_id')
      .innerJoin('household as h', 'h.id', 'ic.household_id')
      .leftJoin('person as hp', 'hp.id', 'h.head_person_id')
      .innerJoin('region as v', 'v.code', 'ic.region_code')
      .leftJoin('region as t', 't.code', 'h.town_code')
      .innerJoin('region as c', 'c.code', 'ic.county_code')
      .leftJoin('public_notice as n', 'n.id', 'ic.notice_id')
      .select([
        'ic.id',
        'ic.county_code',
        'ic.scheme_id',
        'ic.household_id',
        'ic.region_code',
        sql<string>`ic.scale::text`.as('scale'),
        sql<string>`ic.revenue::text`.as('revenue'),
        sql<string>`ic.cost::text`.as('cost'),
        sql<string>`ic.net_income::text`.as('net_income'),
        sql<string>`ic.reward::text`.as('reward'),
        'ic.cap_applied',
        'ic.source',
        'ic.visit_id',
        'ic.attachment_ids',
        'ic.stage',
        'ic.notice_id',
        'ic.sampled',
        'ic.village_note',
        'ic.on_site_note',
        sql<string | null>`ic.paid_on::text`.as('paid_on'),
        'ic.last_comment',
        'ic.note',
        'ic.version',
        'ic.updated_at',
        'h.household_no',
        'h.household_type',
        'hp.name as head_name',
        'hp.id_masked as head_id_masked',
        'c.name as county_name',
        't.name as town_name',
        'v.name as village_name',
        's.year as scheme_year',
        's.item as scheme_item',
        's.unit as scheme_unit',
        sql<string>`s.rate_percent::text`.as('rate_percent'),
        sql<string | null>`n.starts_on::text`.as('notice_starts_on'),
        sql<string | null>`n.ends_on::text`.as('notice_ends_on'),
        'n.objections as notice_objections',
        'n.objections_resolved as notice_resolved',
      ]);

  return {
    listSchemes(scope: readonly string[], year?: number) {
      let q = schemes().where((eb) =>
        inScope(
          eb,
          eb.ref('s.county_code'),
          scope.map((p) => p.slice(0, 6)),
        ),
      );
      if (year !== undefined) {
        q = q.where('s.year', '=', year);
      }
      return q.orderBy('s.year', 'desc').orderBy('s.county_code').orderBy('s.id').execute() as Promise<
        SchemeRow[]
      >;
    },

    findScheme(id: number) {
      return schemes().where('s.id', '=', id).executeTakeFirst() as Promise<SchemeRow | undefined>;
    },

    async insertScheme(values: Insertable<IndustrySchemeTable>): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('industry_scheme').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_SCHEME,
        { field: 'item' },
      );
      return Number(row.id);
    },

    async updateScheme(
      id: number,
      version: number,
      values: Updateable<IndustrySchemeTable>,
    ): Promise<boolean> {
      const result = await conflictOnDuplicate(
        () =>
          db
            .updateTable('industry_scheme')
            .set({ ...values, version: version + 1, updated_at: sql`now()` })
            .where('id', '=', id)
            .where('version', '=', version)
            .executeTakeFirst(),
        DUPLICATE_SCHEME,
        { field: 'item' },
      );
      return Number(result.numUpdatedRows) === 1;
    },

    async searchClaims(f: ClaimSearch): Promise<{ items: ClaimRow[]; total: number }> {
      let q = claims().where((eb) => inScope(eb, eb.ref('ic.region_code'), f.scope));
      if (f.regionPrefixes) {
        const prefixes = f.regionPrefixes;
        q = q.where((eb) => inScope(eb, eb.ref('ic.region_code'), prefixes));
      }
      if (f.schemeId !== undefined) {
        q = q.where('ic.scheme_id', '=', f.schemeId);
      }
      if (f.year !== undefined) {
        q = q.where('s.year', '=', f.year);
      }
      if (f.stage) {
        q = q.where('ic.stage', '=', f.stage);
      }
      if (f.householdId !== undefined) {
        q = q.where('ic.household_id', '=', f.householdId);
      }
      if (f.helperUserId) {
        const helperUserId = f.helperUserId;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('helper_assignment as a')
              .whereRef('a.household_id', '=', 'ic.household_id')
              .where('a.user_id', '=', helperUserId)
              .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', clock().today())])),
          ),
        );
      }
      const ordered = q.orderBy('ic.region_code').orderBy('ic.id');
      const [count, rows] = await Promise.all([
        q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        (f.limit !== undefined ? ordered.limit(f.limit).offset(f.offset ?? 0) : ordered).execute(),
      ]);
      return { items: rows as ClaimRow[], total: Number(count.n) };
    },

    findClaim(id: number) {
      return claims().where('ic.id', '=', id).executeTakeFirst() as Promise<ClaimRow | undefined>;
    },

    /** The claim a phone already sent under this id, if any. */
    async findClaimIdByClientId(clientId: string): Promise<number | null> {
      const row = await db
        .selectFrom('industry_claim')
        .select('id')
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    /** One claim on a notice: the notice is the village's, so any of its claims says where it is. */
    findClaimByNotice(noticeId: number) {
      return claims()
        .where('ic.notice_id', '=', noticeId)
        .orderBy('ic.id')
        .limit(1)
        .executeTakeFirst() as Promise<ClaimRow | undefined>;
    },

    findClaims(ids: readonly number[]) {
      return ids.length === 0
        ? Promise.resolve([] as ClaimRow[])
        : (claims().where('ic.id', 'in', ids).orderBy('ic.id').execute() as Promise<ClaimRow[]>);
    },

    /** What the household's other live claims of the year take of its annual cap. */
    async otherRewardsThisYear(householdId: number, year: number, exceptClaimId: number | null) {
      const row = await sql<{ total: string }>`
        select coalesce(sum(ic.reward), 0.00)::text as total
        from industry_claim ic join industry_scheme s on s.id = ic.scheme_id
        where ic.household_id = ${householdId} and s.year = ${year}
          and ic.stage not in ('returned', 'rejected') and ic.id is distinct from ${exceptClaimId}`.execute(
        db,
      );
      return row.rows[0]?.total ?? '0.00';
    },

    /** Another live claim of the household for the same item in the year (under another scheme). */
    async sameItemElsewhere(householdId: number, year: number, item: string, schemeId: number) {
      return db
        .selectFrom('industry_claim as ic')
        .innerJoin('industry_scheme as s', 's.id', 'ic.scheme_id')
        .select(['ic.id', 's.item'])
        .where('ic.household_id', '=', householdId)
        .where('s.year', '=', year)
        .where('s.item', '=', item)
        .where('s.id', '<>', schemeId)
        .where('ic.stage', 'not in', ['returned', 'rejected'])
        .executeTakeFirst();
    },

    async insertClaim(values: Insertable<IndustryClaimTable>): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('industry_claim').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_CLAIM,
        { field: 'householdId' },
      );
      return Number(row.id);
    },

    /** Saves when the version is the one the user saw; false when someone acted first. */
    async updateClaim(id: number, version: number, values: Updateable<IndustryClaimTable>): Promise<boolean> {
      const result = await db
        .updateTable('industry_claim')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertEvent(values: {
      county_code: string;
      claim_id: number;
      action: string;
      from_stage: string | null;
      to_stage: string;
      acted_on: string;
      actor_id: number | null;
      actor_name: string;
      comment: string | null;
    }) {
      await db.insertInto('industry_claim_event').values(values).execute();
    },

    listEvents(claimId: number) {
      return db
        .selectFrom('industry_claim_event')
        .select([
          'id',
          'action',
          'from_stage',
          'to_stage',
          sql<string>`acted_on::text`.as('acted_on'),
          'actor_name',
          'comment',
        ])
        .where('claim_id', '=', claimId)
        .orderBy('id')
        .execute();
    },
  };
}

export type IndustryRewardRepository = ReturnType<typeof createIndustryRewardRepository>;
