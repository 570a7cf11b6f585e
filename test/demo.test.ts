import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../src/server/adapters/secrets.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/database.js';
import { DEMO_CASE_VILLAGE } from '../src/server/demo/demo-cases.service.js';
import { DEMO_HOUSEHOLDS, DEMO_STEPS, seedDemoCity } from '../src/server/demo/demo-steps.js';
import { visitDueOnSql } from '../src/server/repositories/visit-due-sql.js';
import { systemActor } from '../src/server/services/actor.js';
import { createServices, type Services } from '../src/server/services/index.js';
import { addMonths } from '../src/shared/calendar.js';
import { CASE_STAGES } from '../src/shared/case-workflow.js';
import { clock } from '../src/shared/clock.js';
import { usccProblem } from '../src/shared/operators.js';
import { TEST_KEY } from './helpers/test-app.js';
import { createTestDatabase } from './helpers/test-db.js';

/** The demo city as `npm start` builds it on a fresh database: a lived-in year on the real divisions. */
let database: Database;
let services: Services;
const today = clock().today();

beforeAll(async () => {
  database = await createTestDatabase();
  const config = { ...loadConfig({}), logLevel: 'silent' };
  services = createServices(database, config, createSecrets(TEST_KEY));
  await seedDemoCity(services, config, { actor: systemActor('demo-seed'), households: DEMO_HOUSEHOLDS });
}, 600_000);

afterAll(async () => {
  await database?.close();
});

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows[0] as T;

describe('the demo city', () => {
  it('is seeded one step per module, in order', () => {
    expect(DEMO_STEPS.map((s) => s.name)[0]).toMatch(/regions/);
    expect(DEMO_STEPS.length).toBeGreaterThanOrEqual(6);
  });

  it('uses the real Nanyang divisions and keeps the demo users’ village code', async () => {
    const villages = await one(
      sql<{ n: number }>`select count(*)::int as n from region where level = 'village'`,
    );
    expect(villages.n).toBe(4960);
    const village = await services.regions.get(systemActor(), '411302102201');
    expect(village.name).toBe('张茨园村');
    const user = await database.db
      .selectFrom('app_user')
      .select('region_code')
      .where('username', '=', 'village_guanzhuang')
      .executeTakeFirstOrThrow();
    expect(user.region_code).toBe('411302102201');
    const households = await one(
      sql<{
        n: number;
        villages: number;
      }>`select count(*)::int as n, count(distinct region_code)::int as villages from household`,
    );
    expect(households.n).toBe(DEMO_HOUSEHOLDS);
    // 135 demo villages; a few small counties' villages may round down to none.
    expect(households.villages).toBeGreaterThan(100);
    expect(households.villages).toBeLessThanOrEqual(135);
  });

  it('gives every 监测户, and only them, a live monitored case, and has cases at the other stages', async () => {
    const mismatch = await one(sql<{ typed: number; cased: number; both: number }>`
      select count(*) filter (where h.household_type = 'monitored')::int as typed,
             count(*) filter (where c.id is not null)::int as cased,
             count(*) filter (where h.household_type = 'monitored' and c.id is not null)::int as both
      from household h
      left join monitoring_case c on c.household_id = h.id
        and c.stage in ('announcement', 'monitored', 'safety_net', 'elim_home_check', 'elim_public_notice',
                        'elim_town_review', 'elim_county_approval')`);
    expect(mismatch.typed).toBeGreaterThan(20);
    expect(mismatch.both).toBe(mismatch.typed);
    expect(mismatch.cased).toBe(mismatch.typed);
    const stages = await database.db
      .selectFrom('monitoring_case')
      .select(['stage', sql<number>`count(*)::int`.as('n')])
      .groupBy('stage')
      .execute();
    const byStage = new Map(stages.map((s) => [s.stage, s.n]));
    for (const stage of CASE_STAGES) {
      expect(byStage.get(stage) ?? 0, stage).toBeGreaterThan(0);
    }
  });

  it('reaches the demo village’s last steps through the case service, as the demo users, with dated history', async () => {
    const steps = await database.db
      .selectFrom('case_step as s')
      .innerJoin('monitoring_case as c', 'c.id', 's.case_id')
      .select(['s.to_stage', 's.actor_name', 's.acted_at'])
      .where('c.region_code', '=', '411302102201')
      .execute();
    const byService = new Set(steps.filter((s) => s.actor_name !== '演示数据').map((s) => s.to_stage));
    for (const stage of [
      'announcement',
      'rejected',
      'safety_net',
      'elim_home_check',
      'elim_public_notice',
      'elim_town_review',
      'elim_county_approval',
    ] as const) {
      expect(byService.has(stage), stage).toBe(true);
    }
    const audited = await one(sql<{ n: number }>`
      select count(*)::int as n from audit_log where action in ('case.advance', 'case.reject', 'case.mark_safety_net',
                                                                'case.request_elimination')`);
    expect(audited.n).toBeGreaterThanOrEqual(9);
    // The history written for the past is dated in the past, not all today.
    const past = steps.filter((s) => new Date(s.acted_at).getTime() < Date.now() - 30 * 86_400_000);
    expect(past.length).toBeGreaterThan(10);
  });

  it('has visits on the cadence with a few percent of households overdue', async () => {
    const r = await one(sql<{ households: number; overdue: number; never: number }>`
      select count(*)::int as households,
             count(*) filter (where ${visitDueOnSql('h', 'p')} < ${today}::date)::int as overdue,
             count(*) filter (where h.last_visited_on is null)::int as never
      from household h join visit_policy p on p.household_type = h.household_type`);
    expect(r.never).toBe(0);
    expect(r.overdue / r.households).toBeGreaterThan(0.01);
    expect(r.overdue / r.households).toBeLessThan(0.1);
  });

  it('gives every case from the announcement on a helper, from its identification', async () => {
    const r = await one(sql<{ cases: number; without: number; misdated: number; helpers: number }>`
      select count(*)::int as cases,
             count(*) filter (where not exists (
               select 1 from helper_assignment a where a.household_id = c.household_id and a.ends_on is null))::int as without,
             count(*) filter (where exists (
               select 1 from helper_assignment a where a.household_id = c.household_id
                 and (a.starts_on < c.found_on or a.starts_on > ${today}::date)))::int as misdated,
             (select count(distinct user_id)::int from helper_assignment) as helpers
      from monitoring_case c
      where c.stage in ('announcement', 'monitored', 'safety_net', 'elim_home_check', 'elim_public_notice',
                        'elim_town_review', 'elim_county_approval')`);
    expect(r.cases).toBeGreaterThan(20);
    expect(r.without).toBe(0);
    expect(r.misdated).toBe(0);
    // A county's public servants, a few households each, not one helper for the whole city.
    expect(r.helpers).toBeGreaterThan(r.cases / 8);
    const ended = await one(sql<{ eliminated: number; open: number }>`
      select count(*)::int as eliminated,
             count(*) filter (where exists (select 1 from helper_assignment a where a.household_id = c.household_id
                                            and a.ends_on is null))::int as open
      from monitoring_case c where c.stage = 'eliminated'`);
    expect(ended.eliminated).toBeGreaterThan(0);
    expect(ended.open).toBe(0);
  });

  it('spreads half-yearly visits over the year, each household on its own dates', async () => {
    const months = await database.db
      .selectFrom('visit as v')
      .innerJoin('household as h', 'h.id', 'v.household_id')
      .innerJoin('visit_policy as p', 'p.household_type', 'h.household_type')
      .select([sql<string>`to_char(v.visited_on, 'MM')`.as('month'), sql<number>`count(*)::int`.as('n')])
      .where('p.months', '=', 6)
      .groupBy(sql`to_char(v.visited_on, 'MM')`)
      .orderBy('n', 'desc')
      .execute();
    const total = months.reduce((n, m) => n + m.n, 0);
    expect(total).toBeGreaterThan(500);
    expect(months.length).toBe(12);
    expect(((months[0]?.n ?? 0) + (months[1]?.n ?? 0)) / total).toBeLessThan(0.35);
    // A few percent of visits come later than one cadence after the one before.
    const late = await one(sql<{ visits: number; late: number }>`
      select count(*)::int as visits,
             count(*) filter (where v.visited_on > (prev + make_interval(months => p.months))::date)::int as late
      from (select v.*, lag(v.visited_on) over (partition by v.household_id order by v.visited_on) as prev from visit v) v
      join household h on h.id = v.household_id join visit_policy p on p.household_type = h.household_type
      where prev is not null`);
    expect(late.late / late.visits).toBeGreaterThan(0.01);
    expect(late.late / late.visits).toBeLessThan(0.08);
  });

  it('spreads leads and new cases over the year, closes the past twelve months and issues past bulletins', async () => {
    const months = await database.db
      .selectFrom('report_month')
      .select('month')
      .where('status', '=', 'closed')
      .execute();
    expect(months).toHaveLength(12);
    const trend = await services.reports.dashboard(systemActor(), undefined);
    const leadMonths = trend.trend.filter((m) => m.leadsNew > 0);
    expect(leadMonths.length).toBeGreaterThanOrEqual(10);
    expect(trend.trend.filter((m) => m.newMonitored > 0).length).toBeGreaterThanOrEqual(6);
    const bulletins = await services.bulletins.listBulletins(systemActor());
    expect(bulletins.length).toBeGreaterThanOrEqual(3);
    for (const b of bulletins) {
      expect(b.status).toBe('issued');
    }
  });

  it('shows each closed month as it stood at its end, so the trend rises and falls', async () => {
    const trend = (await services.reports.dashboard(systemActor(), undefined)).trend;
    const closed = trend.filter((m) => m.month < today.slice(0, 7));
    expect(closed.length).toBe(11);
    const monitored = closed.map((m) => m.monitored);
    expect(new Set(monitored).size).toBeGreaterThan(3);
    // The stock follows the flows: a month's monitored are the month before's plus the new, minus those whose
    // elimination began, so it is lower a year ago than now.
    expect(monitored[0]).toBeLessThan(Math.max(...monitored));
    expect(new Set(closed.map((m) => m.visitsOverdue)).size).toBeGreaterThan(1);
  });

  it('has the past months’ self-checks signed by the demo village and town, after each month’s end', async () => {
    const rows = await database.db.selectFrom('self_check').select(['month', 'level', 'signed_at']).execute();
    const months = new Set(rows.map((r) => r.month));
    expect(months.size).toBe(12);
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['village', 'town']));
    for (const r of rows) {
      expect(r.month < today.slice(0, 7)).toBe(true);
      expect(new Date(r.signed_at).getTime()).toBeGreaterThan(
        new Date(`${r.month}-28T00:00:00+08:00`).getTime(),
      );
    }
  });

  it('has a year of department feeds in the demo counties, with unmatched rows and dated alerts', async () => {
    const feeds = await database.db
      .selectFrom('dept_feed')
      .select([
        'id',
        'department',
        'period',
        'matched_rows',
        'unmatched_rows',
        'alerts_created',
        sql<string>`to_char(created_at, 'YYYY-MM-DD')`.as('received_on'),
      ])
      .execute();
    const yearAgo = addMonths(today, -12);
    for (const f of feeds) {
      expect(f.received_on > yearAgo && f.received_on <= today, f.received_on).toBe(true);
      expect(f.period).toBe(f.received_on.slice(0, 7));
    }
    expect(new Set(feeds.map((f) => f.received_on.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(feeds.map((f) => f.department))).toEqual(new Set(['民政', '人社']));
    expect(feeds.every((f) => f.matched_rows > 0 && f.unmatched_rows > 0)).toBe(true);
    const rows = await one(sql<{ counties: string[]; unmatched: number }>`
      select array_agg(distinct county_code order by county_code) filter (where match_status = 'matched') as counties,
             count(*) filter (where match_status = 'unmatched')::int as unmatched
      from dept_feed_row`);
    expect(rows.counties).toEqual(['411302000000', '411303000000']);
    expect(rows.unmatched).toBeGreaterThanOrEqual(feeds.length);
    // The outcome a department sees of its feed names the rows that matched nobody.
    const minzheng = await services.departmentFeeds.list(systemActor(), { page: 1, pageSize: 50 });
    const feedback = await services.departmentFeeds.feedback(systemActor(), minzheng.items[0]?.id ?? 0, {
      page: 1,
      pageSize: 50,
    });
    expect(feedback.items.some((r) => r.matchStatus === 'unmatched')).toBe(true);
    expect(feedback.items.some((r) => r.matchStatus === 'matched' && r.alertId !== null)).toBe(true);
    // Every alert is dated on its feed's day, its deadline a week after, a closing between the two ends.
    const misdated = await one(sql<{ n: number; alerts: number }>`
      select count(*)::int as alerts,
             count(*) filter (where a.created_at::date <> f.created_at::date or a.due_on <> a.created_at::date + 7
                              or a.closed_at::date < a.created_at::date or a.closed_at::date > ${today}::date)::int as n
      from alert a join dept_feed f on f.id = a.feed_id`);
    expect(misdated.alerts).toBeGreaterThan(20);
    expect(misdated.n).toBe(0);
  });

  it('has alerts open and closed, some turned into leads found on the day they were closed', async () => {
    const alerts = await database.db
      .selectFrom('alert as a')
      .leftJoin('lead as l', 'l.id', 'a.lead_id')
      .select([
        'a.status',
        'a.due_on',
        'a.closed_reason',
        sql<string | null>`to_char(a.closed_at, 'YYYY-MM-DD')`.as('closed_on'),
        'l.source as lead_source',
        'l.found_on as lead_found_on',
        'l.status as lead_status',
      ])
      .execute();
    const by = (status: string) => alerts.filter((a) => a.status === status);
    expect(by('open').length).toBeGreaterThan(0);
    expect(by('included').length).toBeGreaterThan(2);
    expect(by('not_at_risk').length).toBeGreaterThan(2);
    expect(by('already_monitored').length).toBeGreaterThan(0);
    for (const a of by('not_at_risk')) {
      expect(a.closed_reason).toMatch(/核实/);
    }
    for (const a of by('included')) {
      expect(a.lead_source).toBe('department');
      expect(a.lead_found_on).toBe(a.closed_on);
    }
    // Older leads were verified and closed, the latest is still open; some alerts recent, one overdue.
    expect(new Set(by('included').map((a) => a.lead_status))).toEqual(new Set(['open', 'closed']));
    expect(by('open').some((a) => a.due_on >= today)).toBe(true);
    expect(by('open').some((a) => a.due_on < today)).toBe(true);
    const timeliness = await services.alerts.timeliness(systemActor());
    expect(timeliness.reduce((n, r) => n + r.closedLate, 0)).toBeGreaterThan(0);
    expect(new Set(timeliness.map((r) => r.countyCode))).toEqual(new Set(['411302000000', '411303000000']));
  });

  it('has self-declarations open and handled, dated and referenced on the day declared', async () => {
    const declarations = await database.db
      .selectFrom('declaration as d')
      .leftJoin('lead as l', 'l.id', 'd.lead_id')
      .select([
        'd.status',
        'd.reference',
        'd.region_code',
        'd.lead_id',
        sql<string>`to_char(d.created_at, 'YYMMDD')`.as('declared'),
        'l.source as lead_source',
      ])
      .execute();
    const statuses = new Set(declarations.map((d) => d.status));
    expect(statuses).toEqual(new Set(['lead', 'pending', 'linked', 'closed']));
    for (const d of declarations) {
      expect(d.reference.slice(2, 8)).toBe(d.declared);
      expect(d.lead_id !== null).toBe(d.status === 'lead' || d.status === 'linked');
      if (d.lead_id !== null) {
        expect(d.lead_source).toBe('self_declaration');
      }
    }
    // The demo village's grid worker has a declaration waiting and an alert to verify.
    const village = { ...systemActor(), scope: [DEMO_CASE_VILLAGE] };
    expect(
      (await services.declarations.list(village, { status: 'pending', page: 1, pageSize: 10 })).total,
    ).toBe(1);
    expect((await services.alerts.list(village, { status: 'open', page: 1, pageSize: 10 })).total).toBe(1);
  });

  it('carries a monitoring line for this year, marked as a demo value', async () => {
    const line = await services.screening.lineInForce(today);
    expect(line?.year).toBe(Number(today.slice(0, 4)));
    const lines = await services.screening.lines();
    const current = lines.find((l) => l.year === Number(today.slice(0, 4)));
    expect(current?.note).toMatch(/演示值/);
  });

  it('registers operators of every kind in both demo counties, lead enterprises certified, codes valid', async () => {
    const rows = (
      await sql<{
        county_code: string;
        operator_type: string;
        uscc: string | null;
        lead_level: string | null;
      }>`
        select county_code, operator_type, uscc, lead_level from operator`.execute(database.db)
    ).rows;
    expect(new Set(rows.map((r) => r.county_code))).toEqual(new Set(['411302000000', '411303000000']));
    expect(new Set(rows.map((r) => r.operator_type))).toEqual(
      new Set([
        'lead_enterprise',
        'cooperative',
        'family_farm',
        'large_grower',
        'village_collective',
        'workshop',
      ]),
    );
    expect(
      rows.filter((r) => r.operator_type === 'lead_enterprise').every((r) => r.lead_level !== null),
    ).toBe(true);
    expect(rows.filter((r) => r.uscc !== null).map((r) => usccProblem(r.uscc ?? ''))).not.toContain(
      expect.any(String),
    );
    expect(rows.filter((r) => r.uscc !== null).length).toBeGreaterThanOrEqual(5);
  });

  it('has farmer linkage in both demo counties: agreements, linked households, payments, a few unpaid', async () => {
    const year = Number(clock().today().slice(0, 4));
    const counts = await one<{
      counties: number;
      agreements: number;
      with_project: number;
      linked: number;
      unpaid: number;
      payments: number;
      future: number;
      measures: number;
    }>(sql`
      select (select count(distinct county_code)::int from linkage_agreement) as counties,
             (select count(*)::int from linkage_agreement) as agreements,
             (select count(*)::int from linkage_agreement where project_id is not null) as with_project,
             (select count(*)::int from linkage_household where year = ${year}) as linked,
             (select count(*)::int from linkage_household lh where year = ${year} and not exists (
                select 1 from linkage_benefit b where b.agreement_id = lh.agreement_id
                  and b.household_id = lh.household_id and extract(year from b.paid_on) = ${year})) as unpaid,
             (select count(*)::int from linkage_benefit) as payments,
             (select count(*)::int from linkage_benefit where paid_on > ${clock().today()}::date) as future,
             (select count(*)::int from assistance_measure where source_kind = 'linkage') as measures`);
    expect(counts.counties).toBe(2);
    expect(counts.agreements).toBeGreaterThanOrEqual(4);
    expect(counts.with_project).toBeGreaterThanOrEqual(1);
    expect(counts.linked).toBeGreaterThanOrEqual(30);
    expect(counts.unpaid).toBeGreaterThan(0);
    expect(counts.unpaid).toBeLessThan(counts.linked / 2);
    expect(counts.payments).toBeGreaterThan(counts.linked);
    expect(counts.future).toBe(0);
    // The linked 监测户 under monitoring have the link as an industry measure, without anyone typing it.
    expect(counts.measures).toBeGreaterThan(0);
  });

  it('has a 四查四促 campaign in 宛城区: a drawn sample, checks, findings at every stage, one overdue', async () => {
    const campaigns = await services.linkageChecks.listCampaigns(systemActor(), {});
    expect(campaigns.items).toHaveLength(1);
    const c = await services.linkageChecks.getCampaign(systemActor(), campaigns.items[0]?.id ?? 0);
    expect(c.countyCode).toBe('411302000000');
    expect(c.sample.filter((s) => !s.addedByHand).length).toBeGreaterThanOrEqual(1);
    expect(c.progress.checked).toBeGreaterThanOrEqual(2);
    expect(c.progress.checked).toBeLessThan(c.progress.sampled);
    const statuses = new Set(c.findings.map((f) => f.status));
    expect(statuses).toEqual(new Set(['open', 'rectified', 'verified']));
    expect(c.findings.some((f) => f.overdue)).toBe(true);
    expect(c.findings.some((f) => f.reopenReason !== null && f.status === 'open')).toBe(true);
  });

  it('has a lead enterprise that meets the criteria and a certified one that does not, from the demo records', async () => {
    const leads = await services.linkageChecks.leadEnterprises(systemActor(), {});
    const certified = leads.items.filter((i) => i.leadLevel !== null);
    expect(certified.some((i) => i.status === 'met' && i.workers >= 30 && i.agreements > 0)).toBe(true);
    expect(certified.some((i) => i.status === 'below_first' || i.status === 'delist')).toBe(true);
  });
  it('has industry rewards in both demo counties: schemes, claims at every stage, notices, sampled checks, payments', async () => {
    const stages = await sql<{ stage: string; n: number }>`
      select stage, count(*)::int as n from industry_claim group by stage`.execute(database.db);
    const byStage = Object.fromEntries(stages.rows.map((r) => [r.stage, r.n]));
    for (const stage of [
      'declared',
      'village_checked',
      'notice',
      'town_reviewed',
      'county_accepted',
      'paid',
      'returned',
    ]) {
      expect(byStage[stage] ?? 0, `${stage} ${JSON.stringify(byStage)}`).toBeGreaterThan(0);
    }
    const counts = await one<{
      counties: number;
      ineligible: number;
      over_cap: number;
      without_notice: number;
      running_too_early: number;
      sampled_off: number;
      paid: number;
      measures: number;
      broken_history: number;
    }>(sql`
      select (select count(distinct county_code)::int from industry_scheme) as counties,
             (select count(*)::int from industry_claim ic join industry_scheme s on s.id = ic.scheme_id
                join household h on h.id = ic.household_id
                where not (h.household_type = any (s.eligible_types))) as ineligible,
             (select count(*)::int from industry_claim ic join industry_scheme s on s.id = ic.scheme_id
                where ic.reward > s.household_cap or ic.reward > round(ic.net_income * s.rate_percent / 100, 2)
                   or ic.reward > coalesce(ic.scale * s.unit_cap, ic.reward)) as over_cap,
             (select count(*)::int from industry_claim where stage in ('notice', 'town_reviewed', 'county_accepted',
                'paid') and notice_id is null) as without_notice,
             (select count(*)::int from industry_claim ic join public_notice n on n.id = ic.notice_id
                where ic.stage <> 'notice' and n.ends_on >= ${clock().today()}::date) as running_too_early,
             (select count(*)::int from industry_claim where stage in ('town_reviewed', 'county_accepted', 'paid')
                and sampled <> (((id * 2654435761) % 4294967296) % 5 = 0)) as sampled_off,
             (select count(*)::int from industry_claim where stage = 'paid') as paid,
             (select count(*)::int from assistance_measure where source_kind = 'industry_claim') as measures,
             (select count(*)::int from industry_claim ic where ic.stage <> 'returned' and (select count(*)
                from industry_claim_event e where e.claim_id = ic.id) <> array_position(array['declared',
                'village_checked', 'notice', 'town_reviewed', 'county_accepted', 'paid'], ic.stage)) as broken_history`);
    expect(counts).toMatchObject({
      counties: 2,
      ineligible: 0,
      over_cap: 0,
      without_notice: 0,
      running_too_early: 0,
      sampled_off: 0,
      broken_history: 0,
    });
    expect(counts.paid).toBeGreaterThan(0);
    // A paid household under monitoring has the reward as its industry measure, entered once.
    expect(counts.measures).toBeGreaterThan(0);
    expect(counts.measures).toBeLessThanOrEqual(counts.paid);
  });
  it('has courtyard demo villages and households at every stage, the accepted and named with their income', async () => {
    const stages = await sql<{ stage: string; n: number }>`
      select stage, count(*)::int as n from courtyard_village group by stage`.execute(database.db);
    const byStage = Object.fromEntries(stages.rows.map((r) => [r.stage, r.n]));
    for (const stage of ['nominated', 'building', 'accepted', 'named', 'failed']) {
      expect(byStage[stage] ?? 0, `${stage} ${JSON.stringify(byStage)}`).toBeGreaterThan(0);
    }
    const counts = await one<{
      counties: number;
      ineligible: number;
      named_short: number;
      without_income: number;
      without_notice: number;
      broken_history: number;
    }>(sql`
      select (select count(distinct county_code)::int from courtyard_village) as counties,
             (select count(*)::int from courtyard_household ch join household h on h.id = ch.household_id
                where h.household_type not in ('exited_poverty', 'monitored')) as ineligible,
             (select count(*)::int from courtyard_village cv where cv.stage = 'named' and (select count(*)
                from courtyard_household ch where ch.village_id = cv.id and ch.stage = 'named') < 10) as named_short,
             (select count(*)::int from courtyard_household ch where ch.stage in ('accepted', 'named')
                and not exists (select 1 from income_item i where i.source_kind = 'courtyard_household'
                  and i.source_id = ch.id and i.amount = ch.net_income and i.category = 'business')) as without_income,
             (select count(*)::int from courtyard_village where stage <> 'nominated' and notice_id is null)
               as without_notice,
             (select count(*)::int from courtyard_village cv where (select count(*) from courtyard_event e
                where e.subject_kind = 'village' and e.subject_id = cv.id) = 0) as broken_history`);
    expect(counts).toMatchObject({
      counties: 2,
      ineligible: 0,
      named_short: 0,
      without_income: 0,
      without_notice: 0,
      broken_history: 0,
    });
  });
  it('has consumer assistance in both demo counties: products at every stage, renewal due and expired, brands, sales', async () => {
    const stages = await sql<{ stage: string; n: number }>`
      select stage, count(*)::int as n from consumer_product group by stage`.execute(database.db);
    const byStage = Object.fromEntries(stages.rows.map((r) => [r.stage, r.n]));
    for (const stage of [
      'applied',
      'town_checked',
      'county_reviewed',
      'notice',
      'certified',
      'returned',
      'refused',
    ]) {
      expect(byStage[stage], stage).toBeGreaterThan(0);
    }
    const counts = await one(sql<Record<string, number>>`
      select (select count(distinct county_code)::int from consumer_product) as counties,
             (select count(*)::int from consumer_product where stage = 'certified' and valid_to < ${today}::date)
               as expired,
             (select count(*)::int from consumer_product where stage = 'certified' and valid_to >= ${today}::date
               and valid_to <= ${today}::date + 90) as due,
             (select count(*)::int from consumer_product p where stage in ('notice', 'certified')
               and not exists (select 1 from public_notice n where n.id = p.notice_id)) as without_notice,
             (select count(*)::int from consumer_brand) as brands,
             (select count(*)::int from consumer_brand_licensee) as licensees,
             (select count(distinct channel)::int from consumer_sale) as channels,
             (select count(*)::int from consumer_sale where sold_on > ${today}::date) as future_sales,
             (select count(*)::int from consumer_sale s join consumer_product p on p.id = s.product_id
               where s.sold_on not between p.valid_from and p.valid_to) as outside_validity,
             (select count(*)::int from consumer_product p where (select count(*) from consumer_product_household ph
               where ph.product_id = p.id) = 0) as without_households`);
    expect(counts).toMatchObject({
      counties: 2,
      without_notice: 0,
      brands: 2,
      future_sales: 0,
      outside_validity: 0,
      without_households: 0,
    });
    expect(counts.expired).toBeGreaterThan(0);
    expect(counts.due).toBeGreaterThan(0);
    expect(counts.licensees).toBeGreaterThan(0);
    expect(counts.channels).toBeGreaterThanOrEqual(5);
    // The service reads them: the renewal list and the report of the city.
    const renewals = await services.consumer.renewals(systemActor(), {});
    expect(renewals.items.some((p) => p.validity === 'expired')).toBe(true);
    expect(renewals.items.some((p) => p.validity === 'due')).toBe(true);
    const report = await services.consumer.report(systemActor(), {});
    expect(report.byCounty.map((c) => c.countyCode)).toEqual(['411302000000', '411303000000']);
    expect(report.byChannel.length).toBeGreaterThanOrEqual(5);
  });
});
