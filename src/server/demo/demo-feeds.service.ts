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

type Pool = 'free' | 'monitored' | 'exited_poverty' | 'ordinary';
const POOL_TYPES: Record<Pool, readonly string[]> = {
  free: ['low_income', 'ordinary'],
  monitored: ['monitored'],
  exited_poverty: ['exited_poverty'],
  ordinary: ['ordinary', 'low_income'],
};

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
    const first17 = `${countyCode.slice(0, 6)}${1965 + (n % 35)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 7) % 28)).padStart(2, '0')}${900 + (n % 100)}`;
    return { name: STRANGERS[n % STRANGERS.length] ?? '王桂兰', id: `${first17}${checkCharacter(first17)}` };
  }

  /**
   * Per county, four farmers declare on their village's page: one of the registry (a lead at once), one not
   * yet registered whom the village links to the household they joined, one closed (registered elsewhere),
   * and one new, not yet handled.
   */
  async function seedDeclarations(
    today: string,
    demoVillage: string,
    take: (county: string, pool: Pool, inVillage?: string) => DemoFeedPerson | undefined,
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
      const isDemoCounty = county === `${demoVillage.slice(0, 6)}000000`;
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
      const counties = Object.keys(COUNTY_USERS);
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
        regionCode === demoVillage && village ? village : verifiers.get(`${regionCode.slice(0, 6)}000000`);

      const candidates = await repos.demoFeeds.candidates({
        counties,
        today,
        perType: 40,
        preferVillage: demoVillage,
      });
      const used = new Set<number>();
      /** The next unused person of a county (the demo village's only when asked for by `inVillage`). */
      const take = (county: string, pool: Pool, inVillage?: string): DemoFeedPerson | undefined => {
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
      const row = (p: DemoFeedPerson) => ({ name: p.name, id: secrets.decrypt(p.id_enc) });

      // The lists, one of each department per receipt, naming people of both counties.
      const receipts = [
        ...RECEIVED_MONTHS_AGO.map((m) => addMonths(today, -m)),
        addDays(today, -LATEST_DAYS_AGO),
      ];
      const feedDays: DemoDated[] = [];
      for (const [i, receivedOn] of receipts.entries()) {
        const isLatest = i === receipts.length - 1;
        const period = monthOf(receivedOn);
        const eventOn = (k: number) => addDays(receivedOn, -(3 + (((i + k) * 5) % 20)));
        const dibao: string[] = [];
        const jobless: Array<Record<string, string>> = [];
        for (const county of counties) {
          const people: Array<{ p: { name: string; id: string }; change: string }> = [];
          const first =
            isLatest && county === `${demoVillage.slice(0, 6)}000000`
              ? take(county, 'free', demoVillage)
              : undefined;
          for (const p of [first ?? take(county, 'free'), take(county, 'free')]) {
            if (p) {
              people.push({ p: row(p), change: '新增' });
            }
          }
          const monitored = i % 2 === 0 ? take(county, 'monitored') : undefined;
          if (monitored) {
            people.push({ p: row(monitored), change: '新增' });
          }
          const changed = take(county, 'ordinary');
          if (changed) {
            people.push({ p: row(changed), change: '变更' });
          }
          people.push({ p: stranger(county), change: '新增' });
          people.forEach(({ p, change }, k) => {
            dibao.push(`${p.name},${p.id},${k === 1 ? '特困' : '低保'},${change},${eventOn(k)}`);
          });
          const workers = [
            take(county, 'exited_poverty'),
            take(county, 'exited_poverty'),
            take(county, 'ordinary'),
          ];
          for (const [k, p] of workers.entries()) {
            if (p) {
              jobless.push({
                姓名: p.name,
                身份证号: row(p).id,
                失业登记日期: eventOn(k + 7),
                原工作单位: '南阳市某电子厂',
              });
            }
          }
          const s = stranger(county);
          jobless.push({ 姓名: s.name, 身份证号: s.id, 失业登记日期: eventOn(11), 原工作单位: '外地务工' });
        }
        const file = Buffer.from(`姓名,身份证号,救助类别,变动类型,变动日期\n${dibao.join('\n')}\n`, 'utf8');
        const byMinzheng = await feeds.submit(minzheng, {
          feedType: 'dibao',
          period,
          filename: `低保特困变动名单-${period}.csv`,
          skipBadRows: false,
          file,
        });
        const byRenshe = await feeds.submit(renshe, {
          feedType: 'unemployment',
          period,
          skipBadRows: false,
          idempotencyKey: `demo-unemployment-${period}`,
          rows: jobless,
        });
        feedDays.push({ id: byMinzheng.feedId, on: receivedOn }, { id: byRenshe.feedId, on: receivedOn });
      }

      // The counties verify the alerts: the older lists' all closed but one (now overdue), of the latest only
      // one outside the demo village (it became a lead still being verified); the rest are open.
      const raised = await repos.demoFeeds.feedAlerts(feedDays.map((f) => f.id));
      const receivedOf = new Map(feedDays.map((f) => [f.id, f.on]));
      const latestFeeds = new Set(feedDays.slice(-2).map((f) => f.id));
      const overdue = raised.filter((a) => receivedOf.get(Number(a.feed_id)) === receipts.at(-2)).at(-1);
      const alertClosings: DemoDated[] = [];
      const leadClosings: DemoDated[] = [];
      const outcomes: Record<string, number> = {};
      let closedLatest = false;
      for (const alert of raised) {
        const isLatest = latestFeeds.has(Number(alert.feed_id));
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
        // A few days after the list came, about one in four after the seven-day deadline.
        const receivedOn = receivedOf.get(Number(alert.feed_id)) ?? today;
        const closedOn = earliest(addDays(receivedOn, isLatest ? 2 : 2 + ((k * 3) % 8)), today);
        alertClosings.push({ id: Number(alert.id), on: closedOn });
        // The older leads were verified at home and closed; the latest one is still being verified.
        const lead =
          closed.leadId === null || isLatest ? undefined : await repos.leads.findById(closed.leadId);
        if (lead?.status === 'open') {
          await leads.close(by, Number(lead.id), { version: lead.version, reason: LEAD_CLOSED });
          leadClosings.push({ id: Number(lead.id), on: earliest(addDays(closedOn, 6), today) });
        }
      }
      const dated = await repos.demoFeeds.redateFeeds({
        today,
        feeds: feedDays,
        alertClosings,
        leadClosings,
      });
      const declared = await seedDeclarations(today, demoVillage, take, verifierOf);

      const counts = {
        ...dated,
        open: raised.length - alertClosings.length,
        ...outcomes,
        declarations: declared,
      };
      await recordAudit(repos, actor, { action: 'demo.feeds', entityType: 'system', new: counts });
      return counts;
    },
  };
}

export type DemoFeedsService = ReturnType<typeof createDemoFeedsService>;
