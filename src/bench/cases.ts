import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { incomeWindow } from '../server/domain/income.js';
import { systemActor } from '../server/services/actor.js';
import type { Services } from '../server/services/index.js';
import { monthOf } from '../shared/calendar.js';

export interface BenchResult {
  what: string;
  shoudi: string;
  plain: string;
  ratio: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/**
 * The monthly cycle and the data-quality rules at city scale: every 监测户 of the population gets a live
 * case (≈40,000 in Nanyang), most with measures and a helper, and 20,000 脱贫户 an eliminated one; then
 * the product's cycle and quality lists run beside hand-written statements doing the same work.
 */
export async function benchCases(pool: pg.Pool, services: Services, date: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  await pool.query(`
    truncate case_evaluation, case_step, assistance_measure, monthly_cycle_run, visit, attachment, lead_signal;
    delete from monitoring_case;
    delete from helper_assignment;`);
  const setupStart = performance.now();
  await pool.query(
    `
    insert into monitoring_case (household_id, county_code, region_code, category, risks, stage, found_on, due_on,
                                 identified_on, previous_household_type)
    select id, county_code, region_code, 'marginal', '[{"type":"illness"}]', 'monitored',
           '${date}'::date - (id % 700)::int - 15, '${date}'::date - (id % 700)::int, '${date}'::date - (id % 700)::int, 'ordinary'
    from household where household_type = 'monitored';
    insert into monitoring_case (household_id, county_code, region_code, category, risks, stage, found_on, due_on,
                                 identified_on, eliminated_on, elimination_mode, previous_household_type)
    select id, county_code, region_code, 'unstable_ex_poor', '[{"type":"illness"}]', 'eliminated',
           '${date}'::date - 500, '${date}'::date - 485, '${date}'::date - 480, '${date}'::date - (id % 200)::int, 'assisted', 'exited_poverty'
    from household where household_type = 'exited_poverty' and id % 15 = 0;
    insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on)
    select id, household_id, county_code, case when id % 3 = 0 then 'health' else 'industry' end, '产业奖补', identified_on
    from monitoring_case where stage = 'monitored' and id % 5 <> 0;
    insert into helper_assignment (household_id, user_id, county_code, starts_on)
    select c.household_id, (select id from app_user where username = 'helper_demo'), c.county_code, c.identified_on
    from monitoring_case c where c.stage = 'monitored' and c.id % 10 <> 0;
    analyze monitoring_case; analyze assistance_measure; analyze helper_assignment;`,
  );
  const counts = (
    await pool.query(
      `select count(*) filter (where stage = 'monitored')::int as live, count(*) filter (where stage = 'eliminated')::int as eliminated
       from monitoring_case`,
    )
  ).rows[0] as { live: number; eliminated: number };
  console.log(
    `cases: ${counts.live.toLocaleString()} monitored, ${counts.eliminated.toLocaleString()} eliminated (set up in ${seconds(performance.now() - setupStart)})`,
  );

  // 1. The monthly cycle: the service (run row, evaluation upsert, re-screen, roll-back, audit) three times.
  const month = monthOf(date);
  const cycleTimes: number[] = [];
  let run: Awaited<ReturnType<Services['cycle']['run']>> | null = null;
  for (let i = 0; i < 3; i++) {
    const [value, ms] = await timed(() => services.cycle.run(systemActor('bench'), month, { wait: true }));
    cycleTimes.push(ms);
    run = value;
    // Undo the roll-backs so each run does the same work.
    await pool.query(`
      update household h set household_type = c.previous_household_type from monitoring_case c
      where c.household_id = h.id and c.rolled_back_from is not null;
      delete from case_step where case_id in (select id from monitoring_case where rolled_back_from is not null);
      delete from case_evaluation where case_id in (select id from monitoring_case where rolled_back_from is not null);
      delete from monitoring_case where rolled_back_from is not null;`);
  }
  // The plain statements: the same evaluation and re-screen, written directly over the base tables.
  const current = incomeWindow(date);
  const earlier = incomeWindow(date, 6);
  const mi = (d: string) => `(date_part('year', ${d})::int * 12 + date_part('month', ${d})::int)`;
  const idx = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  const share = (w: { start: string; end: string }) =>
    `round((case when i.category = 'production_cost' then -i.amount else i.amount end) * greatest(0, least(${mi('i.period_end')}, ${idx(w.end)}) - greatest(${mi('i.period_start')}, ${idx(w.start)}) + 1) / (${mi('i.period_end')} - ${mi('i.period_start')} + 1), 2)`;
  const facts = (stageFilter: string) => `
    select c.id as case_id, c.household_id, c.identified_on,
           round(coalesce(sum(${share(current)}), 0) / nullif(h.member_count, 0), 2) as pc,
           round(coalesce(sum(${share(earlier)}), 0) / nullif(h.member_count, 0), 2) as pc6,
           (h.housing_grade in ('A', 'B') or h.has_safe_house_elsewhere) and h.water_quantity_ok and h.water_quality_ok
             and h.water_convenience_ok and h.water_reliability_ok
             and not exists (select 1 from person p where p.household_id = c.household_id and (not p.medical_insured
                 or (p.dropout_reason is not null and p.birth_date > '${date}'::date - interval '16 years'
                     and p.birth_date <= '${date}'::date - interval '6 years'))) as ok
    from monitoring_case c join household h on h.id = c.household_id
    left join income_item i on i.household_id = c.household_id and i.is_counted
         and i.period_end >= '${earlier.start}' and i.period_start <= '${current.end}'
    where ${stageFilter}
    group by c.id, h.id`;
  const line = await services.screening.lineOn(date);
  const plainCycle = `
    insert into plain_evaluation
    select f.case_id, coalesce(f.pc, 0), coalesce(f.ok, false),
           coalesce(f.pc, 0) >= ${line} and coalesce(f.pc6, 0) >= ${line} and f.identified_on + interval '6 months' <= '${date}'
           and exists (select 1 from assistance_measure m where m.case_id = f.case_id) and coalesce(f.ok, false)
    from (${facts("c.stage = 'monitored'")}) f;
    insert into plain_rollback
    select f.case_id from (${facts(
      "c.stage = 'eliminated' and not exists (select 1 from monitoring_case n where n.household_id = c.household_id and n.id > c.id)",
    )}) f
    where coalesce(f.pc, 0) < ${line} or not coalesce(f.ok, false);`;
  const plainTimes: number[] = [];
  const client = await pool.connect();
  try {
    await client.query(
      'create temp table plain_evaluation (case_id bigint, pc numeric, ok boolean, meets boolean)',
    );
    await client.query('create temp table plain_rollback (case_id bigint)');
    await client.query('set jit = off');
    for (let i = 0; i < 3; i++) {
      await client.query('truncate plain_evaluation, plain_rollback');
      const [, ms] = await timed(() => client.query(plainCycle));
      plainTimes.push(ms);
    }
    const plainRolled = (await client.query('select count(*)::int as n from plain_rollback')).rows[0]
      .n as number;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    results.push({
      what: `monthly cycle: ${counts.live.toLocaleString()} live cases evaluated, ${counts.eliminated.toLocaleString()} eliminated re-screened (median of 3)`,
      shoudi: `${seconds(median(cycleTimes))} → ${run?.rolledBack ?? 0} rolled back`,
      plain: `${seconds(median(plainTimes))} → ${plainRolled} rolled back`,
      ratio: `${(median(cycleTimes) / median(plainTimes)).toFixed(2)}× plain time`,
    });
  } finally {
    client.release();
  }

  // 2. Data-quality lists for the whole city: the service (counts per rule + first page) vs the plain count.
  const actor = { ...systemActor('bench'), scope: [''] };
  const qualityTimes: number[] = [];
  let quality: Awaited<ReturnType<Services['quality']['list']>> | null = null;
  for (let i = 0; i < 3; i++) {
    const [value, ms] = await timed(() => services.quality.list(actor, { page: 1, pageSize: 20 }));
    qualityTimes.push(ms);
    quality = value;
  }
  const plainQuality = `
    select
      (select count(*) from monitoring_case c where c.stage = 'monitored' and c.identified_on < '${date}'::date - interval '1 month'
         and not exists (select 1 from assistance_measure m where m.case_id = c.id)) as no_measure,
      (select count(*) from monitoring_case c where c.stage = 'monitored'
         and not exists (select 1 from helper_assignment a where a.household_id = c.household_id and a.ends_on is null)) as no_helper,
      (select count(*) from monitoring_case c where c.stage = 'monitored'
         and exists (select 1 from person p where p.household_id = c.household_id and p.labour_skill in ('普通劳动力', '技能劳动力', '弱劳动力或半劳动力'))
         and not exists (select 1 from assistance_measure m where m.household_id = c.household_id
                         and m.category in ('industry', 'employment', 'finance', 'public_job', 'other_education'))) as no_dev,
      (select count(*) from monitoring_case c where c.stage = 'eliminated' and c.eliminated_on < c.identified_on + interval '6 months') as early,
      (select count(*) from monitoring_case c where c.stage <> 'eliminated'
         and exists (select 1 from person p where p.household_id = c.household_id and (p.is_dibao or p.is_tekun))
         and not exists (select 1 from income_item i where i.household_id = c.household_id and i.category = 'transfer'
                         and i.is_counted and i.amount > 0 and i.period_end >= '${date}'::date - interval '12 months')) as no_transfer`;
  const plainQualityTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [, ms] = await timed(() => pool.query(plainQuality));
    plainQualityTimes.push(ms);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
  const issueCount = Object.values(quality?.counts ?? {}).reduce((a, b) => a + b, 0);
  results.push({
    what: 'data-quality rules over the city: counts of all 9 rules + first page (median of 3)',
    shoudi: `${seconds(median(qualityTimes))} → ${issueCount.toLocaleString()} issues`,
    plain: `${seconds(median(plainQualityTimes))} (5 of the rules, counts only)`,
    ratio: `${(median(qualityTimes) / median(plainQualityTimes)).toFixed(2)}× plain time`,
  });
  // 3. The city dashboard: read from the village figures table, against aggregating the base tables.
  const [villages, refreshMs] = await timed(() => services.reports.refresh(monthOf(date)));
  const dashboardTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [, ms] = await timed(() => services.reports.dashboard(actor, undefined));
    dashboardTimes.push(ms);
  }
  const plainDashboard = `
    select left(h.county_code, 6) as county,
           count(*) filter (where c.stage = 'monitored') as monitored,
           count(*) filter (where c.stage like 'elim%') as eliminating,
           count(*) filter (where (coalesce(h.last_visited_on, (h.created_at at time zone 'Asia/Shanghai')::date) + make_interval(months => p.months))::date < '${date}') as overdue
    from household h join visit_policy p on p.household_type = h.household_type
    left join monitoring_case c on c.household_id = h.id and c.stage not in ('eliminated', 'rejected')
    group by 1`;
  const plainDashboardTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [, ms] = await timed(() => pool.query(plainDashboard));
    plainDashboardTimes.push(ms);
  }
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? 0;
  results.push({
    what: `city dashboard (this month by county + 12-month trend; ${villages.toLocaleString()} village rows refreshed in ${seconds(refreshMs)})`,
    shoudi: `p50 ${p50(dashboardTimes).toFixed(0)} ms, p95 ${p95(dashboardTimes).toFixed(0)} ms (20 requests)`,
    plain: `${p50(plainDashboardTimes).toFixed(0)} ms (3 stock counts per county over the base tables)`,
    ratio: `${(p50(plainDashboardTimes) / p50(dashboardTimes)).toFixed(1)}× faster`,
  });
  return results;
}
