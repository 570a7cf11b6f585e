import { addDays, addMonths, monthOf } from '../../shared/calendar.js';
import type { AlertOutcome } from '../../shared/feed-types.js';
import { checkCharacter } from '../../shared/id-number.js';
import type { Secrets } from '../adapters/secrets.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { DemoDated, DemoFeedPerson } from '../repositories/demo-feeds.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import type { AlertService } from '../services/alert.service.js';
import { recordAudit } from '../services/audit.js';
import type { DeclarationService } from '../services/declaration.service.js';
import type { DepartmentFeedService } from '../services/department-feed.service.js';
import type { LeadService } from '../services/lead.service.js';
import { demoActor } from './demo-actor.js';

/** The demo counties and the county user who verifies their alerts and declarations. */
const COUNTY_USERS: Readonly<Record<string, string>> = {
  '411302000000': 'county_wancheng',
  '411303000000': 'county_wolong',
};

/**
 * When the departments sent their lists, in months before today; the last, a few days ago, is still being
 * verified (its alerts open, within their deadline).
 */
const RECEIVED_MONTHS_AGO = [11, 8, 5, 2];
const LATEST_DAYS_AGO = 3;

/** Names of the people on the lists the registry does not hold (未匹配): residents never registered. */
const STRANGERS = ['王桂兰', '李建军', '张秀英', '刘国强', '陈玉梅', '杨志刚', '赵春花', '黄德明'];

/** The verifier's reason: for not at risk, by the feed type. */
const CLOSING_REASONS: Record<string, string> = {
  dibao: '入户核实：低保金按月发放，家庭收入稳定，无返贫致贫风险',
  unemployment: '入户核实：已在本地重新就业，收入稳定，无返贫致贫风险',
  already_monitored: '已是监测户，帮扶措施已落实',
  included: '入户核实：家庭收入明显下降，转为监测线索',
};
const LEAD_CLOSED = '入户核实：已落实临时救助和就业帮扶，家庭人均收入高于监测范围，不纳入监测';

const earliest = (a: string, b: string) => (a < b ? a : b);

/** The households a list names, by household type (free: ordinary and low-income, neither 脱贫 nor monitored). */
type Pool = 'free' | 'monitored' | 'exited_poverty';
const POOL_TYPES: Record<Pool, readonly string[]> = {
  free: ['low_income', 'ordinary'],
  monitored: ['monitored'],
  exited_poverty: ['exited_poverty'],
};

/** Takes the next unused person of a county: one per household, the demo village's only when asked for. */
type Take = (county: string, pool: Pool, inVillage?: string) => DemoFeedPerson | undefined;

function personPicker(candidates: readonly DemoFeedPerson[], demoVillage: string): Take {
  const used = new Set<number>();
  return (county, pool, inVillage) => {
    const found = candidates.find(
      (c) =>
        c.county_code === county &&
        POOL_TYPES[pool].includes(c.household_type) &&
        !used.has(c.household_id) &&
        (inVillage ? c.region_code === inVillage : c.region_code !== demoVillage),
    );
    if (found) {
      used.add(found.household_id);
    }
    return found;
  };
}

const countyOf = (code: string) => `${code.slice(0, 6)}000000`;

/**
 * A year of department data sharing in the demo counties, through the real services: the 民政 bureau's
 * dibao lists (uploaded files) and the 人社 bureau's unemployment registrations (API pushes), matched and
 * turned into alerts by the rules, a few rows matching nobody; the alerts verified by the counties (some
 * leads, some not at risk with the reason, some already monitored), the latest still open; farmers'
 * self-declarations, some handled. Then every row is dated on the day it happened (set-based).
 */
export function createDemoFeedsService(deps: {
  repos: Repositories;
  config: Config;
  secrets: Secrets;
  feeds: DepartmentFeedService;
  alerts: AlertService;
  leads: LeadService;
  declarations: DeclarationService;
}) {
  const { repos, config, secrets, feeds, alerts, leads, declarations } = deps;

  let strangerNo = 0;
  /** A valid ID number of the county nobody in the registry has (the generator never issues 9xx). */
  function stranger(countyCode: string): { name: string; id: string } {
    const n = strangerNo++;
    const birth = `${1965 + (n % 35)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 7) % 28)).padStart(2, '0')}`;
    const first17 = `${countyCode.slice(0, 6)}${birth}${900 + (n % 100)}`;
    return { name: STRANGERS[n % STRANGERS.length] ?? '王桂兰', id: `${first17}${checkCharacter(first17)}` };
  }
  const named = (p: DemoFeedPerson) => ({ name: p.name, id: secrets.decrypt(p.id_enc) });

  /**
   * Each receipt, one list of each bureau naming people of both counties: per county two new dibao cases
   * (and every other time a monitored one), a change that raises nothing, two 脱贫 labourers and an
   * ordinary one out of work, and on each list someone the registry does not hold. The latest list's
   * first new case lives in the demo village. Returns each feed with the day it was received.
   */
  async function sendLists(
    today: string,
    demoVillage: string,
    take: Take,
    by: { minzheng: Actor; renshe: Actor },
  ): Promise<DemoDated[]> {
    const receipts = [
      ...RECEIVED_MONTHS_AGO.map((m) => addMonths(today, -m)),
      addDays(today, -LATEST_DAYS_AGO),
    ];
    const sent: DemoDated[] = [];
    for (const [i, receivedOn] of receipts.entries()) {
      const isLatest = i === receipts.length - 1;
      const period = monthOf(receivedOn);
      const eventOn = (k: number) => addDays(receivedOn, -(3 + (((i + k) * 5) % 20)));
      const dibao: string[] = [];
      const jobless: Array<Record<string, string>> = [];
      for (const county of Object.keys(COUNTY_USERS)) {
        const inDemoVillage =
          isLatest && county === countyOf(demoVillage) ? take(county, 'free', demoVillage) : undefined;
        const listed = [
          { p: inDemoVillage ?? take(county, 'free'), change: '新增' },
          { p: take(county, 'free'), change: '新增' },
          { p: i % 2 === 0 ? take(county, 'monitored') : undefined, change: '新增' },
          { p: take(county, 'free'), change: '变更' },
        ];
        const people = [
          ...listed.flatMap(({ p, change }) => (p ? [{ who: named(p), change }] : [])),
          { who: stranger(county), change: '新增' },
        ];
        people.forEach(({ who, change }, k) => {
          dibao.push(`${who.name},${who.id},${k === 1 ? '特困' : '低保'},${change},${eventOn(k)}`);
        });
        const workers = [
          take(county, 'exited_poverty'),
          take(county, 'exited_poverty'),
          take(county, 'free'),
        ];
        for (const [k, p] of workers.entries()) {
          if (p) {
            const who = named(p);
            jobless.push({
              姓名: who.name,
              身份证号: who.id,
              失业登记日期: eventOn(k + 7),
              原工作单位: '南阳市某电子厂',
            });
          }
        }
        const s = stranger(county);
        jobless.push({ 姓名: s.name, 身份证号: s.id, 失业登记日期: eventOn(11), 原工作单位: '外地务工' });
      }
      const dibaoFeed = await feeds.submit(by.minzheng, {
        feedType: 'dibao',
        period,
        filename: `低保特困变动名单-${period}.csv`,
        skipBadRows: false,
        file: Buffer.from(`姓名,身份证号,救助类别,变动类型,变动日期\n${dibao.join('\n')}\n`, 'utf8'),
      });
      const joblessFeed = await feeds.submit(by.renshe, {
        feedType: 'unemployment',
        period,
        skipBadRows: false,
        idempotencyKey: `demo-unemployment-${period}`,
        rows: jobless,
      });
      sent.push({ id: dibaoFeed.feedId, on: receivedOn }, { id: joblessFeed.feedId, on: receivedOn });
    }
    return sent;
  }

  /**
   * The counties (the village user in the demo village) verify the alerts a few days after each list came,
   * about one in four after the seven-day deadline: alternately a lead (verified at home and closed a week
   * later) and not at risk, or already monitored. The older lists' alerts are all closed but one, now
   * overdue; of the latest only one outside the demo village, a lead still being verified.
   */
  async function verifyAlerts(
    today: string,
    demoVillage: string,
    sent: readonly DemoDated[],
    verifierOf: (regionCode: string) => Actor | undefined,
  ) {
    const raised = await repos.demoFeeds.feedAlerts(sent.map((f) => f.id));
    const receivedOf = new Map(sent.map((f) => [f.id, f.on]));
    const latest = new Set(sent.slice(-2).map((f) => f.id));
    const overdue = raised.filter((a) => !latest.has(Number(a.feed_id))).at(-1);
    const alertClosings: DemoDated[] = [];
    const leadClosings: DemoDated[] = [];
    const outcomes: Partial<Record<AlertOutcome, number>> = {};
    let closedLatest = false;
    for (const alert of raised) {
      const isLatest = latest.has(Number(alert.feed_id));
      const by = verifierOf(alert.region_code);
      const staysOpen = isLatest
        ? closedLatest || alert.region_code === demoVillage || alert.household_type === 'monitored'
        : alert.id === overdue?.id;
      if (!by || staysOpen) {
        continue;
      }
      closedLatest ||= isLatest;
      const k = alertClosings.length;
      const outcome: AlertOutcome =
        alert.household_type === 'monitored'
          ? 'already_monitored'
          : isLatest || k % 2 === 0
            ? 'included'
            : 'not_at_risk';
      const closed = await alerts.close(by, Number(alert.id), {
        outcome,
        reason: CLOSING_REASONS[outcome === 'not_at_risk' ? alert.feed_type : outcome] ?? null,
        version: alert.version,
      });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const receivedOn = receivedOf.get(Number(alert.feed_id)) ?? today;
      const closedOn = earliest(addDays(receivedOn, isLatest ? 2 : 2 + ((k * 3) % 8)), today);
      alertClosings.push({ id: Number(alert.id), on: closedOn });
      const lead = closed.leadId === null || isLatest ? undefined : await repos.leads.findById(closed.leadId);
      if (lead?.status === 'open') {
        await leads.close(by, Number(lead.id), { version: lead.version, reason: LEAD_CLOSED });
        leadClosings.push({ id: Number(lead.id), on: earliest(addDays(closedOn, 6), today) });
      }
    }
    return { alertClosings, leadClosings, outcomes, open: raised.length - alertClosings.length };
  }

  /**
   * Per county, four farmers declare on their village's page: one of the registry (a lead at once), one not
   * yet registered whom the village links to the household they joined, one closed (registered elsewhere),
   * and one new, not yet handled.
   */
  async function seedDeclarations(
    today: string,
    demoVillage: string,
    take: Take,
    verifierOf: (regionCode: string) => Actor | undefined,
  ) {
    const dated: Array<{ id: number; declaredOn: string; handledOn: string | null }> = [];
    let phone = 0;
    const declare = async (villageCode: string, who: { name: string; id: string }, description: string) => {
      const { reference } = await declarations.declare(
        villageCode,
        { name: who.name, idNumber: who.id, phone: `1390377${String(1000 + phone++)}`, description },
        { ip: null, requestId: 'demo-seed' },
      );
      const found = await repos.declarations.findByReference(reference);
      return found ? Number(found.id) : null;
    };
    for (const county of Object.keys(COUNTY_USERS)) {
      const isDemoCounty = county === countyOf(demoVillage);
      const farmer = (isDemoCounty ? take(county, 'free', demoVillage) : undefined) ?? take(county, 'free');
      if (!farmer) {
        continue;
      }
      const villageCode = farmer.region_code;
      const by = verifierOf(villageCode);
      const own = await declare(
        villageCode,
        { name: farmer.name, id: secrets.decrypt(farmer.id_enc) },
        '家里老人住院，自付医疗费用较多，生活困难',
      );
      if (own) {
        dated.push({ id: own, declaredOn: addDays(today, -4), handledOn: null });
      }
      const joined = await declare(villageCode, stranger(county), '丈夫外出务工受伤，今年没有收入');
      const household = take(county, 'free', villageCode);
      const linked = joined !== null && household !== undefined && by !== undefined;
      if (linked) {
        await declarations.link(by, joined, { householdId: household.household_id, version: 1 });
      }
      if (joined) {
        dated.push({
          id: joined,
          declaredOn: addDays(today, -12),
          handledOn: linked ? addDays(today, -10) : null,
        });
      }
      const elsewhere = await declare(villageCode, stranger(county), '种植的葡萄遭受冰雹，收成减少');
      if (elsewhere && by) {
        await declarations.close(by, elsewhere, {
          reason: '经核实，申报人户籍和居住地不在本村，已告知向户籍所在地申报',
          version: 1,
        });
      }
      if (elsewhere) {
        dated.push({
          id: elsewhere,
          declaredOn: addDays(today, -40),
          handledOn: by ? addDays(today, -37) : null,
        });
      }
      const waiting = await declare(villageCode, stranger(county), '孩子上大学学费负担重');
      if (waiting) {
        dated.push({ id: waiting, declaredOn: addDays(today, -2), handledOn: null });
      }
    }
    return repos.demoFeeds.redateDeclarations(dated);
  }

  return {
    async seedFeeds(actor: Actor, today: string, demoVillage: string) {
      if (config.isProduction) {
        throw new AppError(
          'FORBIDDEN',
          '生产环境（NODE_ENV=production）禁止演示模式 / demo mode is refused in production',
        );
      }
      const minzheng = await demoActor(repos, 'dept_minzheng');
      const renshe = await demoActor(repos, 'dept_renshe');
      const verifiers = new Map<string, Actor>();
      for (const [county, username] of Object.entries(COUNTY_USERS)) {
        const user = await demoActor(repos, username);
        if (user) {
          verifiers.set(county, user);
        }
      }
      const village = await demoActor(repos, 'village_guanzhuang');
      if (!minzheng || !renshe || verifiers.size === 0 || (await repos.demoFeeds.hasFeeds())) {
        return null;
      }
      const verifierOf = (regionCode: string) =>
        regionCode === demoVillage && village ? village : verifiers.get(countyOf(regionCode));
      const candidates = await repos.demoFeeds.candidates({
        counties: Object.keys(COUNTY_USERS),
        today,
        perType: 40,
        preferVillage: demoVillage,
      });
      const take = personPicker(candidates, demoVillage);

      const sent = await sendLists(today, demoVillage, take, { minzheng, renshe });
      const { alertClosings, leadClosings, outcomes, open } = await verifyAlerts(
        today,
        demoVillage,
        sent,
        verifierOf,
      );
      const dated = await repos.demoFeeds.redateFeeds({ today, feeds: sent, alertClosings, leadClosings });
      const declared = await seedDeclarations(today, demoVillage, take, verifierOf);
      const counts = { ...dated, open, ...outcomes, declarations: declared };
      await recordAudit(repos, actor, { action: 'demo.feeds', entityType: 'system', new: counts });
      return counts;
    },
  };
}

export type DemoFeedsService = ReturnType<typeof createDemoFeedsService>;
