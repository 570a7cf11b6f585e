import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { WorkCategory } from '../../shared/employment.js';
import { ABROAD_NAMES, PLACE_SUFFIX_PATTERN } from '../../shared/employment.js';
import type { DB } from '../db/schema.js';
import { PUPIL_SCHOOLING } from '../domain/work-rules.js';
import { escapeLike } from './scope-filter.js';

/** The fields of a work record as written (months as YYYY-MM, money as decimal text). */
export interface WorkRecordValues {
  category: WorkCategory;
  startMonth: string;
  endMonth: string | null;
  workProvince: string | null;
  workCity: string | null;
  workCounty: string | null;
  monthlyIncome: string | null;
  sector: string | null;
  industry: string | null;
  channel: string | null;
  operatorId: number | null;
  employer: string | null;
  pointToPoint: boolean | null;
  transportSubsidy: string | null;
}

export interface StagedWorkRow {
  rowNo: number;
  countyCode: string;
  name: string;
  idHash: string;
  idMasked: string;
  category: WorkCategory;
  startMonth: string;
  endMonth: string | null;
  workProvince: string | null;
  workCity: string | null;
  workCounty: string | null;
  monthlyIncome: string | null;
  sector: string | null;
  industry: string | null;
  channel: string | null;
  employer: string | null;
  pointToPoint: boolean | null;
}

const CHUNK = 20_000;

const prefixFilter = (column: string, prefixes: readonly string[]) =>
  prefixes.includes('')
    ? sql<boolean>`true`
    : prefixes.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          prefixes.map((p) => sql`${sql.ref(column)} like ${`${escapeLike(p)}%`}`),
          sql` or `,
        )})`;

/** shared/employment.ts `placeKey` in SQL: no spaces, no administrative suffix (unless that is all there is). */
const key = (value: RawBuilder<unknown>) => sql`coalesce(
    nullif(regexp_replace(regexp_replace(coalesce(${value}, ''), '\\s+', '', 'g'), ${PLACE_SUFFIX_PATTERN}, ''), ''),
    regexp_replace(coalesce(${value}, ''), '\\s+', '', 'g'))`;

/**
 * shared/employment.ts `classifyWorkPlace` in SQL: the work place's names against the home county's (its name and
 * its city's from the region table, the province from the configuration).
 */
function placeSql(
  province: RawBuilder<unknown>,
  city: RawBuilder<unknown>,
  county: RawBuilder<unknown>,
  countyCode: RawBuilder<unknown>,
  homeProvince: string,
) {
  const homeCity = sql`(select name from region where code = left(${countyCode}, 4) || '00000000')`;
  const homeCounty = sql`(select name from region where code = ${countyCode})`;
  return sql<string | null>`case
    when ${key(province)} = '' then null
    when ${key(province)} = any(${sql.val(ABROAD_NAMES)}::text[]) then 'abroad'
    when ${key(province)} <> ${key(sql`${homeProvince}::text`)} then 'outside'
    when ${key(city)} = '' then null
    when ${key(city)} <> ${key(homeCity)} then 'province'
    when ${key(county)} = '' then null
    when ${key(county)} = ${key(homeCounty)} then 'county'
    else 'city' end`;
}

const toMonthDate = (month: string | null) => (month === null ? null : `${month}-01`);

/** Live cases under monitoring (or on the green channel): where a measure may stand. */
const LIVE_CASE = sql`(c.stage in ('monitored', 'safety_net', 'announcement', 'elim_home_check', 'elim_public_notice',
                                    'elim_town_review', 'elim_county_approval')
                       or (c.green_channel and c.stage not in ('eliminated', 'rejected')))`;

/**
 * Work monitoring: work records (entered, imported), the 人社 file staging and matching, the job-end scan, the
 * work data-quality rules, the measures that follow from workshop and post records, and the counting settings.
 * All set-based: an import is a handful of statements whatever its size.
 */
export function createEmploymentRepository(db: Kysely<DB>) {
  const recordColumns = sql`w.id, w.client_id, w.person_id, w.household_id, w.county_code, w.category,
    to_char(w.start_month, 'YYYY-MM') as start_month, to_char(w.end_month, 'YYYY-MM') as end_month,
    w.work_province, w.work_city, w.work_county, w.place, w.monthly_income::text as monthly_income, w.sector,
    w.industry, w.channel, w.operator_id, o.name as operator_name, w.employer, w.point_to_point,
    w.transport_subsidy::text as transport_subsidy, w.source, w.visit_id, w.import_id, w.end_lead_id, w.version,
    w.created_at, w.updated_at, p.name as person_name, p.id_masked, h.region_code, r.name as region_name`;
  const recordFrom = sql`work_record w join person p on p.id = w.person_id join household h on h.id = w.household_id
    join region r on r.code = h.region_code left join operator o on o.id = w.operator_id`;

  return {
    async settings(year: number) {
      const row = await db
        .selectFrom('employment_setting')
        .selectAll()
        .where('year', '=', year)
        .executeTakeFirst();
      return row ?? null;
    },

    async saveSettings(
      year: number,
      values: { minMonths: number; jobGapDays: number; cityTarget: number },
      by: string,
    ) {
      await db
        .insertInto('employment_setting')
        .values({
          year,
          min_months: values.minMonths,
          job_gap_days: values.jobGapDays,
          city_target: values.cityTarget,
          updated_by: by,
        })
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({
            min_months: values.minMonths,
            job_gap_days: values.jobGapDays,
            city_target: values.cityTarget,
            updated_by: by,
            updated_at: new Date(),
          }),
        )
        .execute();
    },

    targets(year: number) {
      return db.selectFrom('employment_target').selectAll().where('year', '=', year).execute();
    },

    async saveTargets(year: number, targets: ReadonlyArray<{ countyCode: string; target: number }>) {
      await db.deleteFrom('employment_target').where('year', '=', year).execute();
      if (targets.length > 0) {
        await db
          .insertInto('employment_target')
          .values(targets.map((t) => ({ year, county_code: t.countyCode, target: t.target })))
          .execute();
      }
    },

    /** The person with their household's place, for checking access and deriving the work place. */
    findPerson(personId: number) {
      return db
        .selectFrom('person')
        .select(['id', 'household_id', 'county_code', 'name'])
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    findOperator(id: number) {
      return db
        .selectFrom('operator')
        .select(['id', 'operator_type', 'name', 'county_code', 'region_code'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async findRecord(id: number) {
      const result =
        await sql<WorkRecordRow>`select ${recordColumns} from ${recordFrom} where w.id = ${id}`.execute(db);
      return result.rows[0];
    },

    async findByClientId(clientId: string) {
      const result =
        await sql<WorkRecordRow>`select ${recordColumns} from ${recordFrom} where w.client_id = ${clientId}`.execute(
          db,
        );
      return result.rows[0];
    },

    /** The person's record starting in the same month (one record per person and start month). */
    async findSameStart(personId: number, startMonth: string, exceptId: number | null) {
      const result = await sql<{ id: number }>`
        select id from work_record where person_id = ${personId} and start_month = ${toMonthDate(startMonth)}::date
          and id <> ${exceptId ?? -1}`.execute(db);
      return result.rows[0];
    },

    /** Inserts a record with its place derived in SQL; a resent client id inserts nothing (returns null). */
    async insertRecord(
      input: {
        clientId: string | null;
        personId: number;
        householdId: number;
        countyCode: string;
        source: 'clerk' | 'visit';
        visitId: string | null;
        createdBy: number | null;
      } & WorkRecordValues,
      homeProvince: string,
    ): Promise<number | null> {
      const place = placeSql(
        sql`${input.workProvince}::text`,
        sql`${input.workCity}::text`,
        sql`${input.workCounty}::text`,
        sql`${input.countyCode}::text`,
        homeProvince,
      );
      const result = await sql<{ id: number }>`
        insert into work_record (client_id, person_id, household_id, county_code, category, start_month, end_month,
          work_province, work_city, work_county, place, monthly_income, sector, industry, channel, operator_id, employer,
          point_to_point, transport_subsidy, source, visit_id, created_by)
        values (${input.clientId}::uuid, ${input.personId}, ${input.householdId}, ${input.countyCode}, ${input.category},
          ${toMonthDate(input.startMonth)}::date, ${toMonthDate(input.endMonth)}::date, ${input.workProvince},
          ${input.workCity}, ${input.workCounty}, ${place}, ${input.monthlyIncome}::numeric, ${input.sector},
          ${input.industry}, ${input.channel}, ${input.operatorId}, ${input.employer}, ${input.pointToPoint},
          ${input.transportSubsidy}::numeric, ${input.source}, ${input.visitId}::uuid, ${input.createdBy})
        on conflict (client_id) do nothing
        returning id`.execute(db);
      return result.rows[0] ? Number(result.rows[0].id) : null;
    },

    /** Changes a record at `version` (place derived again); false when someone changed it first. */
    async updateRecordIfVersion(id: number, version: number, v: WorkRecordValues, homeProvince: string) {
      const place = placeSql(
        sql`${v.workProvince}::text`,
        sql`${v.workCity}::text`,
        sql`${v.workCounty}::text`,
        sql`work_record.county_code`,
        homeProvince,
      );
      const result = await sql`
        update work_record set category = ${v.category}, start_month = ${toMonthDate(v.startMonth)}::date,
          end_month = ${toMonthDate(v.endMonth)}::date, work_province = ${v.workProvince}, work_city = ${v.workCity},
          work_county = ${v.workCounty}, place = ${place}, monthly_income = ${v.monthlyIncome}::numeric,
          sector = ${v.sector}, industry = ${v.industry}, channel = ${v.channel}, operator_id = ${v.operatorId},
          employer = ${v.employer}, point_to_point = ${v.pointToPoint}, transport_subsidy = ${v.transportSubsidy}::numeric,
          version = version + 1, updated_at = now()
        where id = ${id} and version = ${version}`.execute(db);
      return Number(result.numAffectedRows ?? 0) === 1;
    },

    async deleteRecordIfVersion(id: number, version: number) {
      await sql`delete from assistance_measure where source_kind = 'work_record' and source_id = ${id}`.execute(
        db,
      );
      const result = await sql`delete from work_record where id = ${id} and version = ${version}`.execute(db);
      return Number(result.numAffectedRows ?? 0) === 1;
    },

    /** Records of one person or household, or one page under region prefixes (optionally one workshop's). */
    async listRecords(f: {
      prefixes: readonly string[];
      helperUserId: number | null;
      today: string;
      personId?: number | undefined;
      householdId?: number | undefined;
      operatorId?: number | undefined;
      current?: boolean | undefined;
      limit: number;
      offset: number;
    }) {
      const where = sql.join(
        [
          prefixFilter('h.region_code', f.prefixes),
          f.helperUserId === null
            ? sql`true`
            : sql`exists (select 1 from helper_assignment a where a.household_id = h.id and a.user_id = ${f.helperUserId}
                          and (a.ends_on is null or a.ends_on >= ${f.today}::date))`,
          f.personId === undefined ? sql`true` : sql`w.person_id = ${f.personId}`,
          f.householdId === undefined ? sql`true` : sql`w.household_id = ${f.householdId}`,
          f.operatorId === undefined ? sql`true` : sql`w.operator_id = ${f.operatorId}`,
          f.current
            ? sql`(w.end_month is null or w.end_month >= date_trunc('month', ${f.today}::date))`
            : sql`true`,
        ],
        sql` and `,
      );
      const [rows, total] = await Promise.all([
        sql<WorkRecordRow>`select ${recordColumns} from ${recordFrom} where ${where}
          order by w.start_month desc, w.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
        sql<{ n: number }>`select count(*)::int as n from ${recordFrom} where ${where}`.execute(db),
      ]);
      return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
    },

    findImport(id: number) {
      return db.selectFrom('work_import').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findAcceptedImport(scopeCode: string, sha256: string) {
      return db
        .selectFrom('work_import')
        .selectAll()
        .where('scope_code', '=', scopeCode)
        .where('sha256', '=', sha256)
        .where('status', '<>', 'refused')
        .executeTakeFirst();
    },

    async insertImport(v: {
      regionCode: string;
      scopeCode: string;
      filename: string | null;
      sha256: string;
      status: 'imported' | 'partial' | 'refused';
      totalRows: number;
      acceptedRows: number;
      refusedRows: number;
      problems: unknown;
      createdBy: number | null;
      createdByName: string;
    }): Promise<number> {
      const row = await db
        .insertInto('work_import')
        .values({
          region_code: v.regionCode,
          scope_code: v.scopeCode,
          filename: v.filename,
          sha256: v.sha256,
          status: v.status,
          total_rows: v.totalRows,
          accepted_rows: v.acceptedRows,
          refused_rows: v.refusedRows,
          problems: JSON.stringify(v.problems),
          created_by: v.createdBy,
          created_by_name: v.createdByName,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async setImportCounts(id: number, matched: number, unmatched: number) {
      await db
        .updateTable('work_import')
        .set({ matched_rows: matched, unmatched_rows: unmatched })
        .where('id', '=', id)
        .execute();
    },

    listImports(scope: readonly string[], limit: number, offset: number) {
      return db
        .selectFrom('work_import')
        .selectAll()
        .where((eb) =>
          scope.includes('')
            ? sql<boolean>`true`
            : eb.or(scope.map((p) => eb('region_code', 'like', `${escapeLike(p)}%`))),
        )
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    },

    async importFeedback(importId: number, limit: number, offset: number) {
      const [rows, total] = await Promise.all([
        db
          .selectFrom('work_import_row')
          .select(['row_no', 'name', 'id_masked', 'match_status', 'work_record_id'])
          .where('import_id', '=', importId)
          .orderBy('row_no')
          .limit(limit)
          .offset(offset)
          .execute(),
        db
          .selectFrom('work_import_row')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('import_id', '=', importId)
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: total.n };
    },

    /**
     * Stages the accepted rows (bulk unnest), matches them to persons by ID hash within the scope, and in one
     * statement upserts the matched rows as work records (one per person and start month: a monthly file that
     * repeats a job updates it) and writes every row's outcome. Runs inside the caller's transaction.
     */
    async stageAndWrite(
      importId: number,
      scopeCode: string,
      rows: readonly StagedWorkRow[],
      homeProvince: string,
    ) {
      await sql`create temp table if not exists work_stage (
          row_no integer, county_code text, name text, id_hash text, id_masked text, category text, start_month date,
          end_month date, work_province text, work_city text, work_county text, monthly_income numeric(14, 2),
          sector text, industry text, channel text, employer text, point_to_point boolean
        ) on commit drop`.execute(db);
      await sql`truncate work_stage`.execute(db);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const col = <T>(pick: (r: StagedWorkRow) => T) => chunk.map(pick);
        await sql`insert into work_stage
          select * from unnest(${col((r) => r.rowNo)}::integer[], ${col((r) => r.countyCode)}::text[],
            ${col((r) => r.name)}::text[], ${col((r) => r.idHash)}::text[], ${col((r) => r.idMasked)}::text[],
            ${col((r) => r.category)}::text[], ${col((r) => toMonthDate(r.startMonth))}::date[],
            ${col((r) => toMonthDate(r.endMonth))}::date[], ${col((r) => r.workProvince)}::text[],
            ${col((r) => r.workCity)}::text[], ${col((r) => r.workCounty)}::text[],
            ${col((r) => r.monthlyIncome)}::numeric[], ${col((r) => r.sector)}::text[], ${col((r) => r.industry)}::text[],
            ${col((r) => r.channel)}::text[], ${col((r) => r.employer)}::text[], ${col((r) => r.pointToPoint)}::boolean[])`.execute(
          db,
        );
      }
      await sql`analyze work_stage`.execute(db);
      const inScope = scopeCode === '' ? sql`true` : sql`h.region_code like ${`${escapeLike(scopeCode)}%`}`;
      const place = placeSql(
        sql`m.work_province`,
        sql`m.work_city`,
        sql`m.work_county`,
        sql`m.h_county`,
        homeProvince,
      );
      const result = await sql<{ matched: number; unmatched: number }>`
        with m as (
          select s.*, p.id as person_id, h.id as household_id, h.county_code as h_county,
                 case when h.id is null then 'unmatched' when ${inScope} then 'matched' else 'out_of_scope' end as status
          from work_stage s left join person p on p.id_hash = s.id_hash left join household h on h.id = p.household_id
        ),
        rec as (
          insert into work_record as w (person_id, household_id, county_code, category, start_month, end_month,
            work_province, work_city, work_county, place, monthly_income, sector, industry, channel, employer,
            point_to_point, source, import_id)
          select m.person_id, m.household_id, m.h_county, m.category, m.start_month, m.end_month, m.work_province,
                 m.work_city, m.work_county, ${place}, m.monthly_income, m.sector, m.industry, m.channel, m.employer,
                 m.point_to_point, 'import', ${importId}
          from m where m.status = 'matched'
          on conflict (person_id, start_month, county_code) do update set
            category = excluded.category, end_month = excluded.end_month, work_province = excluded.work_province,
            work_city = excluded.work_city, work_county = excluded.work_county, place = excluded.place,
            monthly_income = coalesce(excluded.monthly_income, w.monthly_income), sector = coalesce(excluded.sector, w.sector),
            industry = coalesce(excluded.industry, w.industry), channel = coalesce(excluded.channel, w.channel),
            employer = coalesce(excluded.employer, w.employer),
            point_to_point = coalesce(excluded.point_to_point, w.point_to_point),
            import_id = excluded.import_id, version = w.version + 1, updated_at = now()
          returning w.id, w.person_id, w.start_month
        ),
        written as (
          insert into work_import_row (import_id, row_no, county_code, name, id_masked, match_status, work_record_id)
          select ${importId}, m.row_no, coalesce(case when m.status = 'matched' then m.h_county end, m.county_code),
                 m.name, m.id_masked, m.status, rec.id
          from m left join rec on rec.person_id = m.person_id and rec.start_month = m.start_month and m.status = 'matched'
          returning match_status
        )
        select count(*) filter (where match_status = 'matched')::int as matched,
               count(*) filter (where match_status <> 'matched')::int as unmatched
        from written`.execute(db);
      return result.rows[0] ?? { matched: 0, unmatched: 0 };
    },

    /**
     * Writes the measure of every workshop or post record (optionally only those of one import or one record)
     * on its household's live case, once (the unique source index), and keeps its end in step with the record.
     */
    async syncSourceMeasures(filter: { importId?: number; recordId?: number }): Promise<number> {
      const only =
        filter.recordId !== undefined
          ? sql`w.id = ${filter.recordId}`
          : filter.importId !== undefined
            ? sql`w.import_id = ${filter.importId}`
            : sql`true`;
      const inserted = await sql`
        insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on, ends_on, provider,
                                        source_kind, source_id)
        select c.id, w.household_id, w.county_code,
               case when w.channel = 'public_job' then 'public_job' else 'employment' end,
               case when w.channel = 'public_job' then '公益性岗位' else '帮扶车间就业' end || '：' || p.name,
               w.start_month, (w.end_month + interval '1 month' - interval '1 day')::date,
               coalesce(o.name, w.employer), 'work_record', w.id
        from work_record w
        join person p on p.id = w.person_id
        join monitoring_case c on c.household_id = w.household_id and ${LIVE_CASE}
        left join operator o on o.id = w.operator_id
        where w.channel in ('workshop', 'public_job') and ${only}
        on conflict (case_id, source_kind, source_id, county_code) where source_kind is not null do update
          set ends_on = excluded.ends_on, provider = excluded.provider, item = excluded.item,
              version = assistance_measure.version + 1, updated_at = now()
          where assistance_measure.ends_on is distinct from excluded.ends_on
             or assistance_measure.provider is distinct from excluded.provider`.execute(db);
      // A record that no longer goes through a workshop or post stops being a measure.
      await sql`
        delete from assistance_measure m using work_record w
        where m.source_kind = 'work_record' and m.source_id = w.id and w.channel not in ('workshop', 'public_job')
          and ${only}`.execute(db);
      return Number(inserted.numAffectedRows ?? 0);
    },

    /**
     * Jobs that ended with no other job of the person within `gapDays` of the end (the end month's last day),
     * whose gap has passed by `today`, not flagged yet, ended no more than three months before this month (an
     * import of old history raises nothing).
     */
    async endedWithoutNewJob(today: string, gapDays: number) {
      const result = await sql<{
        id: number;
        household_id: number;
        person_id: number;
        person_name: string;
        end_month: string;
      }>`
        select w.id, w.household_id, w.person_id, p.name as person_name, to_char(w.end_month, 'YYYY-MM') as end_month
        from work_record w join person p on p.id = w.person_id
        where w.end_month is not null and w.end_lead_id is null
          and w.end_month >= date_trunc('month', ${today}::date) - interval '3 months'
          and (w.end_month + interval '1 month' - interval '1 day')::date + ${gapDays}::int < ${today}::date
          and not exists (
            select 1 from work_record n where n.person_id = w.person_id and n.id <> w.id
              and n.start_month <= (w.end_month + interval '1 month' - interval '1 day')::date + ${gapDays}::int
              and (n.end_month is null or n.end_month > w.end_month))
        order by w.id`.execute(db);
      return result.rows;
    },

    /**
     * Demo data: a workshop in the demo village, and work records for about two in three labourers of the 脱贫 and
     * 监测 households of the demo counties (places, channels and incomes varied by the person id, so the figures are
     * stable), a few through the workshop or a public-welfare post, a few ended. Set-based. Returns records written.
     */
    async seedDemo(countyCodes: readonly string[], village: string, today: string, homeProvince: string) {
      const workshop = await sql<{ id: number }>`
        insert into operator (county_code, region_code, name, operator_type, legal_person)
        values (left(${village}, 6) || '000000', ${village}, '官庄镇东岗村服装加工帮扶车间', 'workshop', '王建华')
        returning id`.execute(db);
      const workshopId = workshop.rows[0]?.id;
      await sql`insert into workshop (operator_id, county_code, workshop_type, site, certified_level, certified_on,
                                      certified_by, capacity, insured)
                values (${workshopId}, left(${village}, 6) || '000000', 'factory', '东岗村村委会旁', 'county',
                        ${today}::date - 400, '宛城区人社局、乡村振兴局', 40, true)`.execute(db);
      const place = placeSql(sql`x.province`, sql`x.city`, sql`x.county`, sql`x.county_code`, homeProvince);
      const result = await sql`
        with labour as (
          select p.id as person_id, p.household_id, p.county_code, h.region_code, r.name as county_name
          from person p join household h on h.id = p.household_id join region r on r.code = h.county_code
          where h.county_code = any(${sql.val(countyCodes)}::text[]) and h.household_type in ('exited_poverty', 'monitored')
            and p.labour_skill in ('普通劳动力', '技能劳动力', '弱劳动力或半劳动力') and p.id % 3 <> 0
        ),
        x as (
          select l.*, l.person_id % 10 as k,
                 case when l.person_id % 10 < 7 then '河南省'
                      else (array['广东省', '浙江省', '江苏省'])[1 + l.person_id % 3] end as province,
                 case when l.person_id % 10 < 6 then '南阳市' when l.person_id % 10 < 7 then '郑州市'
                      else (array['深圳市', '宁波市', '苏州市'])[1 + l.person_id % 3] end as city,
                 case when l.person_id % 10 < 4 then l.county_name when l.person_id % 10 < 6 then '卧龙区'
                      when l.person_id % 10 < 7 then '金水区' else (array['宝安区', '北仑区', '昆山市'])[1 + l.person_id % 3] end as county
          from labour l
        )
        insert into work_record (person_id, household_id, county_code, category, start_month, end_month, work_province,
          work_city, work_county, place, monthly_income, sector, industry, channel, operator_id, employer, point_to_point, source)
        select x.person_id, x.household_id, x.county_code,
               case when x.k % 2 = 0 then 'unit_employed' else 'other' end,
               (date_trunc('month', ${today}::date) - make_interval(months => 2 + (x.person_id % 14)::int))::date,
               case when x.person_id % 17 = 0 then (date_trunc('month', ${today}::date) - interval '1 month')::date end,
               x.province, x.city, x.county, ${place},
               case when x.k = 0 and x.region_code = ${village} then 2200 when x.k = 1 then 1000 else 2600 + (x.person_id % 40) * 100 end,
               case when x.k < 2 then 'secondary' else 'tertiary' end,
               case when x.k = 0 and x.region_code = ${village} then '服装加工' when x.k = 1 then '公共设施管理' else '建筑业' end,
               case when x.k = 0 and x.region_code = ${village} then 'workshop' when x.k = 1 then 'public_job'
                    when x.k >= 7 then 'organised' else 'market' end,
               case when x.k = 0 and x.region_code = ${village} then ${workshopId}::bigint end,
               case when x.k = 0 and x.region_code = ${village} then '官庄镇东岗村服装加工帮扶车间'
                    when x.k = 1 then '村保洁公益性岗位' else '南阳建工集团' end,
               x.k >= 7, 'clerk'
        from x`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async setEndLead(recordId: number, leadId: number) {
      await db.updateTable('work_record').set({ end_lead_id: leadId }).where('id', '=', recordId).execute();
    },

    /** The work data-quality rules (domain/work-rules.ts in SQL) over current records in scope: counts and one page. */
    async issues(
      prefixes: readonly string[],
      today: string,
      rule: string | undefined,
      limit: number,
      offset: number,
    ) {
      const month = `${today.slice(0, 7)}-01`;
      const result = await sql<{
        counts: Record<string, number> | null;
        items: Array<{
          rule: string;
          record_id: number;
          person_id: number;
          person_name: string;
          household_id: number;
          head_name: string;
          region_code: string;
          region_name: string;
        }>;
      }>`
        with w as (
          select w.*, p.birth_date, p.is_tekun, p.schooling, p.name as person_name, h.head_name, h.region_code
          from work_record w join person p on p.id = w.person_id join household h on h.id = w.household_id
          where (w.end_month is null or w.end_month >= ${month}::date) and ${prefixFilter('h.region_code', prefixes)}
        ),
        issues as (
          select 'missing_fields' as rule, w.* from w
          where w.monthly_income is null or coalesce(trim(w.employer), '') = '' or coalesce(trim(w.industry), '') = ''
             or w.channel is null or w.point_to_point is null
          union all
          select 'income_out_of_range', w.* from w where w.monthly_income > 30000 or w.monthly_income < 100
          union all
          select 'income_low', w.* from w where w.monthly_income >= 100 and w.monthly_income < 400
          union all
          select 'away_on_local_channel', w.* from w where w.place <> 'county' and w.channel in ('public_job', 'workshop')
          union all
          select 'old_on_public_job', w.* from w
          where w.channel = 'public_job' and w.birth_date <= (${today}::date - interval '70 years')::date
          union all
          select 'place_not_county_level', w.* from w
          where w.place is distinct from 'abroad' and coalesce(trim(w.work_province), '') <> ''
            and coalesce(trim(w.work_county), '') = ''
          union all
          select 'tekun_working_away', w.* from w where w.is_tekun and w.place <> 'county'
          union all
          select 'pupil_working', w.* from w where w.schooling = any(${sql.val(PUPIL_SCHOOLING)}::text[])
        ),
        counted as (select rule, count(*)::int as n from issues group by rule),
        page as (
          select i.rule, i.id as record_id, i.person_id, i.person_name, i.household_id, i.head_name, i.region_code,
                 r.name as region_name
          from issues i join region r on r.code = i.region_code
          where ${rule ? sql`i.rule = ${rule}` : sql`true`}
          order by i.rule, i.region_code, i.id limit ${limit} offset ${offset}
        )
        select (select jsonb_object_agg(rule, n) from counted) as counts,
               (select coalesce(jsonb_agg(page), '[]'::jsonb) from page) as items`.execute(db);
      const row = result.rows[0];
      return { counts: row?.counts ?? {}, items: row?.items ?? [] };
    },

    /** The month-figure rows (workers by place) of the given regions and the months of a year, for the scale page. */
    async scaleRows(months: readonly string[], regionCodes: readonly string[]) {
      if (months.length === 0 || regionCodes.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('month_figure')
        .select(['month', 'region_code', 'figures'])
        .where('month', 'in', [...months])
        .where('region_code', 'in', [...regionCodes])
        .execute();
      return rows.map((r) => ({
        month: r.month,
        regionCode: r.region_code,
        figures: r.figures as Record<string, unknown>,
      }));
    },
  };
}

export interface WorkRecordRow {
  id: number;
  client_id: string | null;
  person_id: number;
  household_id: number;
  county_code: string;
  category: WorkCategory;
  start_month: string;
  end_month: string | null;
  work_province: string | null;
  work_city: string | null;
  work_county: string | null;
  place: string | null;
  monthly_income: string | null;
  sector: string | null;
  industry: string | null;
  channel: string | null;
  operator_id: number | null;
  operator_name: string | null;
  employer: string | null;
  point_to_point: boolean | null;
  transport_subsidy: string | null;
  source: 'clerk' | 'visit' | 'import';
  visit_id: string | null;
  import_id: number | null;
  end_lead_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  person_name: string;
  id_masked: string;
  region_code: string;
  region_name: string;
}

export type EmploymentRepository = ReturnType<typeof createEmploymentRepository>;
