import { addDays, daysBetween } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import {
  COURTYARD_ACTION_LABELS,
  COURTYARD_ACTIVITY_LABELS,
  COURTYARD_ELIGIBLE_TYPES,
  COURTYARD_STAGE_LABELS,
  COURTYARD_TRANSITIONS,
  type CourtyardAction,
  type CourtyardActivity,
  type CourtyardCriteria,
  type CourtyardLevel,
  type CourtyardStage,
  CRITERIA_DEFAULTS,
  countyProgress,
  householdShortfalls,
  incomeSharePercent,
  isBoundCounty,
  previousStage,
  villageShortfalls,
} from '../../shared/courtyard.js';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../shared/household-codes.js';
import { sumMoney } from '../../shared/money.js';
import { NOTICE_MIN_DAYS } from '../../shared/project-codes.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { CriteriaRow, HouseholdRow, VillageRow } from '../repositories/courtyard.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import { pickedRegionPrefixes } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

type Ref = { id: number; version: number };

export interface CourtyardActInput {
  action: CourtyardAction;
  kind: 'village' | 'household';
  items: Ref[];
  comment?: string | null | undefined;
  /** select: the county's list notice (≥ 10 days). */
  notice?: { channel: string; startsOn: string; endsOn: string } | undefined;
  /** accept (households): the on-site result. */
  result?:
    | {
        activities: CourtyardActivity[];
        scale?: string | null | undefined;
        scaleUnit?: 'mu' | 'head' | null | undefined;
        netIncome: string;
        cleanYard: boolean;
        note?: string | null | undefined;
      }
    | undefined;
}

const levelOf = (actor: Actor): CourtyardLevel | null =>
  actor.role === 'township' ? 'township' : actor.role === 'county' ? 'county' : null;

const criteriaOf = (row: CriteriaRow | undefined): CourtyardCriteria =>
  row
    ? {
        householdMinActivities: row.household_min_activities,
        householdMinIncome: row.household_min_income,
        requireCleanYard: row.require_clean_yard,
        villageMinHouseholds: row.village_min_households,
        villageMinIncomeShare: row.village_min_income_share,
        targetVillages: row.target_villages,
        targetHouseholds: row.target_households,
      }
    : CRITERIA_DEFAULTS;

const activityNames = (a: readonly string[]) =>
  a.map((x) => COURTYARD_ACTIVITY_LABELS[x as CourtyardActivity]?.zh ?? x).join('、');

const LEDGER_COLUMNS = [
  '县（市、区）',
  '乡镇',
  '村',
  '示范村阶段',
  '户编号',
  '户主姓名',
  '户主身份证号',
  '户类型',
  '庭院经济项目',
  '规模',
  '庭院经济纯收入（元）',
  '庭院整洁达标',
  '阶段',
  '验收日期',
  '命名日期',
  '验收情况',
];

/**
 * Courtyard economy demonstration villages and households (庭院经济示范, §C2). A township nominates its villages
 * and their 脱贫/监测 households; the county selects them and posts the list (≥ 10 days); after the notice the
 * township or county records the year-end 验收 per household (written once as the household's business income);
 * the county names the villages and households that meet its criteria (checked live) or fails them with a reason.
 */
export function createCourtyardService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;
  const today = () => clock().today();

  async function criteriaFor(countyCode: string, year: number) {
    return criteriaOf(await repos.courtyard.findCriteria(countyCode, year));
  }

  const presentHousehold = (h: HouseholdRow, c: CourtyardCriteria) => ({
    id: Number(h.id),
    countyCode: h.county_code,
    villageId: Number(h.village_id),
    householdId: Number(h.household_id),
    regionCode: h.region_code,
    year: h.year,
    stage: h.stage,
    villageStage: h.village_stage,
    householdNo: h.household_no,
    householdType: h.household_type,
    headName: h.head_name,
    headIdMasked: h.head_id_masked,
    countyName: h.county_name,
    townName: h.town_name,
    villageName: h.village_name,
    activities: h.activities as CourtyardActivity[],
    scale: h.scale,
    scaleUnit: h.scale_unit,
    netIncome: h.net_income,
    cleanYard: h.clean_yard,
    resultNote: h.result_note,
    acceptedOn: h.accepted_on,
    namedOn: h.named_on,
    failReason: h.fail_reason,
    lastComment: h.last_comment,
    noticeEndsOn: h.notice_ends_on,
    shortfalls: householdShortfalls(
      {
        householdType: h.household_type,
        activities: h.activities,
        netIncome: h.net_income,
        cleanYard: h.clean_yard,
      },
      c,
    ),
    version: h.version,
  });

  /** A village's demo households meeting the criteria, counted from its accepted/named households. */
  async function villageFigures(v: VillageRow, c: CourtyardCriteria) {
    const { items } = await repos.courtyard.searchHouseholds({ scope: [''], villageId: Number(v.id) });
    const demo = items.filter(
      (h) =>
        (h.stage === 'accepted' || h.stage === 'named') &&
        householdShortfalls(
          {
            householdType: h.household_type,
            activities: h.activities,
            netIncome: h.net_income,
            cleanYard: h.clean_yard,
          },
          c,
        ).length === 0,
    ).length;
    return { demoHouseholds: demo, households: v.households, withCourtyardIncome: v.with_courtyard_income };
  }

  const presentVillage = (
    v: VillageRow,
    figures: Awaited<ReturnType<typeof villageFigures>>,
    c: CourtyardCriteria,
  ) => ({
    id: Number(v.id),
    countyCode: v.county_code,
    townCode: v.town_code,
    regionCode: v.region_code,
    year: v.year,
    stage: v.stage,
    countyName: v.county_name,
    townName: v.town_name,
    villageName: v.village_name,
    acceptedOn: v.accepted_on,
    namedOn: v.named_on,
    failReason: v.fail_reason,
    lastComment: v.last_comment,
    note: v.note,
    notice:
      v.notice_id === null
        ? null
        : {
            id: Number(v.notice_id),
            startsOn: v.notice_starts_on ?? '',
            endsOn: v.notice_ends_on ?? '',
            objections: v.notice_objections ?? 0,
            resolved: v.notice_resolved ?? true,
          },
    demoHouseholds: v.demo_households,
    acceptedHouseholds: v.accepted_households,
    namedHouseholds: v.named_households,
    qualifiedHouseholds: figures.demoHouseholds,
    households: v.households,
    withCourtyardIncome: v.with_courtyard_income,
    incomeSharePercent: incomeSharePercent(figures),
    shortfalls: villageShortfalls(figures, c),
    version: v.version,
  });

  async function presentVillages(rows: VillageRow[]) {
    const cache = new Map<string, CourtyardCriteria>();
    const out = [];
    for (const v of rows) {
      const key = `${v.county_code}:${v.year}`;
      let c = cache.get(key);
      if (!c) {
        c = await criteriaFor(v.county_code, v.year);
        cache.set(key, c);
      }
      out.push(presentVillage(v, await villageFigures(v, c), c));
    }
    return out;
  }

  function checkNotice(n: CourtyardActInput['notice']) {
    if (!n) {
      throw validation('请填写公示渠道和公示期', { field: 'notice' });
    }
    if (daysBetween(n.startsOn, n.endsOn) + 1 < NOTICE_MIN_DAYS) {
      throw validation(`公示期不少于${NOTICE_MIN_DAYS}天`, { field: 'endsOn' });
    }
    if (n.startsOn > today()) {
      throw validation('公示开始日期不能晚于今天', { field: 'startsOn' });
    }
    return n;
  }

  function noticeOver(endsOn: string | null, resolved: boolean | null, who: string) {
    const on = today();
    if (endsOn === null || endsOn >= on) {
      throw conflict(`${who}的公示期未满，${endsOn ? addDays(endsOn, 1) : ''}起可验收`);
    }
    if (resolved === false) {
      throw conflict(`${who}公示期间的异议尚未处理完毕`);
    }
  }

  const event = (
    actor: Actor,
    kind: 'village' | 'household',
    r: { id: number; county_code: string },
    action: string,
    from: string | null,
    to: string,
    comment: string | null,
  ) => ({
    county_code: r.county_code,
    subject_kind: kind,
    subject_id: Number(r.id),
    action,
    from_stage: from,
    to_stage: to,
    acted_on: today(),
    actor_id: actor.userId,
    actor_name: actor.displayName,
    comment,
  });

  async function villagesAt(actor: Actor, wanted: Ref[]) {
    const rows = await repos.courtyard.findVillages(wanted.map((w) => w.id));
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return wanted.map((w) => {
      const row = byId.get(w.id);
      if (!row || !isWithinScope(row.region_code, actor.scope)) {
        throw notFound('示范村');
      }
      if (row.version !== w.version) {
        throw conflict(`${row.village_name}已被他人处理，请刷新后重试`);
      }
      return row;
    });
  }

  async function householdsAt(actor: Actor, wanted: Ref[]) {
    const rows = await repos.courtyard.findHouseholds(wanted.map((w) => w.id));
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return wanted.map((w) => {
      const row = byId.get(w.id);
      if (!row || !isWithinScope(row.region_code, actor.scope)) {
        throw notFound('示范户');
      }
      if (row.version !== w.version) {
        throw conflict(`${row.head_name ?? '这户'}的记录已被他人处理，请刷新后重试`);
      }
      return row;
    });
  }

  const service = {
    /** The county's criteria for a year (the §C2 defaults until it sets them). */
    async criteria(actor: Actor, input: { year: number; countyCode?: string | undefined }) {
      const countyCode =
        input.countyCode ?? (actor.role === 'city' ? undefined : `${actor.regionCode.slice(0, 6)}000000`);
      if (!countyCode) {
        throw validation('请选择县', { field: 'countyCode' });
      }
      if (!actor.scope.some((p) => countyCode.startsWith(p) || p.startsWith(countyCode.slice(0, 6)))) {
        throw notFound('县');
      }
      const row = await repos.courtyard.findCriteria(countyCode, input.year);
      return {
        countyCode,
        year: input.year,
        ...criteriaOf(row),
        isDefault: !row,
        version: row?.version ?? 0,
      };
    },

    async saveCriteria(actor: Actor, input: CourtyardCriteria & { year: number; version: number }) {
      if (actor.role !== 'county') {
        throw forbidden('示范标准由县级设定');
      }
      const countyCode = actor.regionCode;
      const { year, version, ...c } = input;
      await tx(async (t) => {
        const ok = await t.courtyard.saveCriteria(
          {
            county_code: countyCode,
            year,
            household_min_activities: c.householdMinActivities,
            household_min_income: c.householdMinIncome,
            require_clean_yard: c.requireCleanYard,
            village_min_households: c.villageMinHouseholds,
            village_min_income_share: c.villageMinIncomeShare,
            target_villages: c.targetVillages,
            target_households: c.targetHouseholds,
            updated_by: actor.userId,
          },
          version,
        );
        if (!ok) {
          throw conflict('示范标准已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'courtyard.criteria',
          entityType: 'courtyard_criteria',
          entityId: null,
          regionCode: countyCode,
          new: input,
        });
      });
      return service.criteria(actor, { year, countyCode });
    },

    async villages(
      actor: Actor,
      input: {
        year?: number | undefined;
        stage?: CourtyardStage | undefined;
        regionCode?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const r = await repos.courtyard.searchVillages({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        year: input.year,
        stage: input.stage,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: await presentVillages(r.items), total: r.total };
    },

    async households(
      actor: Actor,
      input: {
        year?: number | undefined;
        stage?: CourtyardStage | undefined;
        regionCode?: string | undefined;
        villageId?: number | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const r = await repos.courtyard.searchHouseholds({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        year: input.year,
        stage: input.stage,
        villageId: input.villageId,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      const cache = new Map<string, CourtyardCriteria>();
      const items = [];
      for (const h of r.items) {
        const key = `${h.county_code}:${h.year}`;
        let c = cache.get(key);
        if (!c) {
          c = await criteriaFor(h.county_code, h.year);
          cache.set(key, c);
        }
        items.push(presentHousehold(h, c));
      }
      return { items, total: r.total };
    },

    async record(actor: Actor, kind: 'village' | 'household', id: number) {
      const events = (await repos.courtyard.listEvents(kind, id)).map((e) => ({
        id: Number(e.id),
        action: e.action,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        actedOn: e.acted_on,
        actorName: e.actor_name,
        comment: e.comment,
      }));
      if (kind === 'village') {
        const [v] = await repos.courtyard.findVillages([id]);
        if (!v || !isWithinScope(v.region_code, actor.scope)) {
          throw notFound('示范村');
        }
        const [village] = await presentVillages([v]);
        return { village: village ?? null, household: null, events };
      }
      const [h] = await repos.courtyard.findHouseholds([id]);
      if (!h || !isWithinScope(h.region_code, actor.scope)) {
        throw notFound('示范户');
      }
      return {
        village: null,
        household: presentHousehold(h, await criteriaFor(h.county_code, h.year)),
        events,
      };
    },

    /**
     * The township nominates one of its villages for a year (once) and households in it: each must be a
     * 脱贫户 or 监测户 of that village in the registry; others are refused with the reason.
     */
    async nominate(
      actor: Actor,
      input: { year: number; regionCode: string; householdIds: number[]; note?: string | null | undefined },
    ) {
      if (actor.role !== 'township') {
        throw forbidden('示范村、示范户由乡镇推荐');
      }
      const region = await repos.regions.findByCode(input.regionCode);
      if (!region || !isWithinScope(region.code, actor.scope)) {
        throw notFound('村');
      }
      if (region.level !== 'village') {
        throw validation('请选择一个村', { field: 'regionCode' });
      }
      let village = await repos.courtyard.findVillageByRegion(region.code, input.year);
      if (village && village.stage !== 'nominated') {
        throw conflict(
          `${village.village_name}本年度已处于“${COURTYARD_STAGE_LABELS[village.stage].zh}”阶段，不能再推荐农户`,
        );
      }
      const found: Awaited<ReturnType<HouseholdService['findAccessible']>>[] = [];
      for (const householdId of input.householdIds) {
        const h = await households.findAccessible(actor, householdId).catch(() => {
          throw notFound('农户');
        });
        if (h.region_code !== region.code) {
          throw validation(`${h.head_name || '这户'}不在${region.name}，不能推荐为该村示范户`, {
            field: 'householdIds',
          });
        }
        if (!(COURTYARD_ELIGIBLE_TYPES as readonly string[]).includes(h.household_type)) {
          throw validation(
            `${h.head_name || '这户'}是${HOUSEHOLD_TYPE_LABELS[h.household_type as HouseholdType]?.zh ?? h.household_type}，示范户只从脱贫户、监测户中推荐`,
            { field: 'householdIds' },
          );
        }
        found.push(h);
      }
      const countyCode = `${region.code.slice(0, 6)}000000`;
      const townCode = `${region.code.slice(0, 9)}000`;
      const villageId = await tx(async (t) => {
        let vid = village ? Number(village.id) : null;
        if (vid === null) {
          vid = await t.courtyard.insertVillage({
            county_code: countyCode,
            town_code: townCode,
            region_code: region.code,
            year: input.year,
            note: input.note ?? null,
            created_by: actor.userId,
          });
          await t.courtyard.insertEvents([
            event(
              actor,
              'village',
              { id: vid, county_code: countyCode },
              'nominate',
              null,
              'nominated',
              null,
            ),
          ]);
        }
        const events = [];
        for (const h of found) {
          const hid = await t.courtyard.insertHousehold({
            county_code: countyCode,
            village_id: vid,
            household_id: Number(h.id),
            region_code: region.code,
            year: input.year,
            created_by: actor.userId,
          });
          events.push(
            event(
              actor,
              'household',
              { id: hid, county_code: countyCode },
              'nominate',
              null,
              'nominated',
              null,
            ),
          );
        }
        await t.courtyard.insertEvents(events);
        await recordAudit(t, actor, {
          action: 'courtyard.nominate',
          entityType: 'courtyard_village',
          entityId: vid,
          regionCode: region.code,
          new: input,
        });
        return vid;
      });
      village = (await repos.courtyard.findVillages([villageId]))[0];
      return { villageId, households: found.length, stage: village?.stage ?? 'nominated' };
    },

    /** A step on villages or households (a batch is all or nothing), by the level that holds them. */
    async act(actor: Actor, input: CourtyardActInput) {
      if (input.items.length === 0) {
        throw validation('请选择要办理的记录', { field: 'items' });
      }
      const rule = COURTYARD_TRANSITIONS[input.action];
      const level = levelOf(actor);
      const comment = input.comment?.trim() || null;
      if ((input.action === 'send_back' || input.action === 'fail') && !comment) {
        throw validation('退回或不予命名须写明原因', { field: 'comment' });
      }
      if (input.kind === 'village') {
        return actOnVillages(actor, input, rule, level, comment);
      }
      return actOnHouseholds(actor, input, rule, level, comment);
    },

    /** Objections raised during a village's list notice, and whether they were settled (acceptance waits). */
    async recordObjections(
      actor: Actor,
      noticeId: number,
      input: { objections: number; objectionNote?: string | null | undefined; resolved: boolean },
    ) {
      const village = await repos.courtyard.findVillageByNotice(noticeId);
      if (!village || !isWithinScope(village.region_code, actor.scope)) {
        throw notFound('公示');
      }
      if (input.objections === 0 && !input.resolved) {
        throw validation('没有异议时无需标记为未处理', { field: 'resolved' });
      }
      await tx(async (t) => {
        await t.projects.updateNotice(noticeId, {
          objections: input.objections,
          objection_note: input.objectionNote?.trim() || null,
          objections_resolved: input.resolved,
        });
        await recordAudit(t, actor, {
          action: 'notice.objections',
          entityType: 'public_notice',
          entityId: noticeId,
          regionCode: village.region_code,
          new: input,
        });
      });
      return { ok: true as const };
    },

    /** Per county: villages named ÷ target, full villages, households per village, mean courtyard income. */
    async progress(actor: Actor, year: number) {
      const counties = await repos.courtyard.counties(actor.scope);
      const codes = counties.map((c) => c.code);
      const [rows, criteria] = await Promise.all([
        repos.courtyard.progress(codes, year),
        repos.courtyard.listCriteria(codes, year),
      ]);
      const byCounty = new Map(criteria.map((c) => [c.county_code, c]));
      return {
        year,
        items: counties.map((county) => {
          const c = criteriaOf(byCounty.get(county.code));
          const mine = rows.filter((r) => r.county_code === county.code);
          const named = mine.filter((r) => r.village_stage === 'named');
          const namedHouseholds = mine.reduce((n, r) => n + r.named_households, 0);
          const total = sumMoney(mine.map((r) => r.income_total));
          const p = countyProgress(
            {
              namedVillages: named.length,
              namedHouseholdsByVillage: named.map((r) => r.named_households),
              namedHouseholds,
              incomeTotal: total,
            },
            c,
          );
          return {
            countyCode: county.code,
            countyName: county.name,
            bound: isBoundCounty(county.name),
            targetVillages: c.targetVillages,
            targetHouseholds: c.targetHouseholds,
            villages: mine.length,
            namedVillages: named.length,
            fullVillages: p.fullVillages,
            namedHouseholds,
            householdsPerVillage: p.householdsPerVillage,
            averageIncome: p.averageIncome,
            met: p.met,
          };
        }),
      };
    },

    /** The 庭院经济示范台账 of a year, from the household records. */
    async ledgerXlsx(actor: Actor, input: { year: number; regionCode?: string | undefined }) {
      const { items } = await repos.courtyard.searchHouseholds({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        year: input.year,
      });
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const title = `${input.year}年庭院经济示范台账`;
      const sheet = book.addWorksheet(title);
      sheet.addRow(LEDGER_COLUMNS).font = { bold: true };
      for (const h of items) {
        sheet.addRow([
          h.county_name,
          h.town_name ?? '',
          h.village_name,
          COURTYARD_STAGE_LABELS[h.village_stage].zh,
          h.household_no ?? '',
          h.head_name ?? '',
          h.head_id_masked ?? '',
          HOUSEHOLD_TYPE_LABELS[h.household_type as HouseholdType]?.zh ?? h.household_type,
          activityNames(h.activities),
          h.scale ? `${h.scale} ${h.scale_unit === 'head' ? '头（只）' : '亩'}` : '',
          h.net_income ?? '',
          h.clean_yard === null ? '' : h.clean_yard ? '是' : '否',
          COURTYARD_STAGE_LABELS[h.stage].zh,
          h.accepted_on ?? '',
          h.named_on ?? '',
          h.fail_reason ?? h.result_note ?? '',
        ]);
      }
      sheet.getColumn(11).numFmt = '@';
      sheet.getColumn(11).alignment = { horizontal: 'right' };
      sheet.getColumn(11).width = 16;
      sheet.getColumn(9).width = 18;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${title}.xlsx` };
    },
  };

  function allowed(rule: { levels: readonly CourtyardLevel[] }, level: CourtyardLevel | null) {
    if (!level || !rule.levels.includes(level)) {
      throw forbidden(`此环节由${rule.levels.map((l) => (l === 'county' ? '县' : '乡镇')).join('或')}级办理`);
    }
  }

  async function actOnVillages(
    actor: Actor,
    input: CourtyardActInput,
    rule: (typeof COURTYARD_TRANSITIONS)[CourtyardAction],
    level: CourtyardLevel | null,
    comment: string | null,
  ) {
    const rows = await villagesAt(actor, input.items);
    allowed(rule, level);
    const notice = input.action === 'select' ? checkNotice(input.notice) : null;
    for (const v of rows) {
      if (!rule.from.includes(v.stage)) {
        throw conflict(
          `${v.village_name}处于“${COURTYARD_STAGE_LABELS[v.stage].zh}”阶段，不能${COURTYARD_ACTION_LABELS[input.action].zh}`,
        );
      }
      if (input.action === 'accept') {
        noticeOver(v.notice_ends_on, v.notice_resolved, v.village_name);
      }
      if (input.action === 'name') {
        const c = await criteriaFor(v.county_code, v.year);
        const gaps = villageShortfalls(await villageFigures(v, c), c);
        if (gaps.length > 0) {
          throw conflict(`${v.village_name}未达到示范村标准：${gaps.join('；')}`);
        }
      }
    }
    const on = today();
    await tx(async (t) => {
      const events = [];
      for (const v of rows) {
        const to = rule.to === 'previous' ? (previousStage(v.stage) as CourtyardStage) : rule.to;
        const values: Parameters<typeof t.courtyard.updateVillage>[2] = { stage: to, last_comment: comment };
        let noticeId: number | null = v.notice_id === null ? null : Number(v.notice_id);
        if (input.action === 'select' && notice) {
          noticeId = await t.projects.insertNotice({
            county_code: v.county_code,
            region_code: v.region_code,
            subject_kind: 'courtyard',
            subject_id: Number(v.id),
            purpose: 'courtyard_demo',
            channel: notice.channel,
            starts_on: notice.startsOn,
            ends_on: notice.endsOn,
            created_by: actor.userId,
          });
          values.notice_id = noticeId;
          const moved = await t.courtyard.moveVillageHouseholds(
            Number(v.id),
            'nominated',
            'building',
            noticeId,
          );
          for (const h of moved) {
            events.push(event(actor, 'household', h, 'select', 'nominated', 'building', comment));
          }
        }
        if (input.action === 'send_back' && v.stage === 'building') {
          values.notice_id = null;
          const moved = await t.courtyard.moveVillageHouseholds(Number(v.id), 'building', 'nominated', null);
          for (const h of moved) {
            events.push(event(actor, 'household', h, 'send_back', 'building', 'nominated', comment));
          }
        }
        if (input.action === 'accept') {
          values.accepted_on = on;
        }
        if (input.action === 'name') {
          values.named_on = on;
        }
        if (input.action === 'fail') {
          values.fail_reason = comment;
        }
        if (!(await t.courtyard.updateVillage(Number(v.id), v.version, values))) {
          throw conflict(`${v.village_name}已被他人处理，请刷新后重试`);
        }
        events.push(
          event(
            actor,
            'village',
            v,
            input.action,
            v.stage,
            to,
            input.action === 'select' && notice
              ? `${notice.channel}公示 ${notice.startsOn} 至 ${notice.endsOn}`
              : comment,
          ),
        );
      }
      await t.courtyard.insertEvents(events);
      await recordAudit(t, actor, {
        action: `courtyard_village.${input.action}`,
        entityType: 'courtyard_village',
        entityId: rows.length === 1 ? Number(rows[0]?.id) : null,
        regionCode: rows[0]?.region_code ?? null,
        new: { villages: rows.map((r) => Number(r.id)), comment, notice },
      });
    });
    return { count: rows.length };
  }

  async function actOnHouseholds(
    actor: Actor,
    input: CourtyardActInput,
    rule: (typeof COURTYARD_TRANSITIONS)[CourtyardAction],
    level: CourtyardLevel | null,
    comment: string | null,
  ) {
    const rows = await householdsAt(actor, input.items);
    allowed(rule, level);
    if (input.action === 'select') {
      throw validation('示范户随所在示范村一并遴选公示', { field: 'action' });
    }
    const result = input.result;
    if (input.action === 'accept') {
      if (!result) {
        throw validation('请填写验收结果', { field: 'result' });
      }
      if (result.activities.length === 0) {
        throw validation('请至少选择一项庭院经济项目', { field: 'activities' });
      }
      if (result.scale && !result.scaleUnit) {
        throw validation('请选择规模单位（亩或头）', { field: 'scaleUnit' });
      }
    }
    for (const h of rows) {
      const who = h.head_name ?? '这户';
      if (!rule.from.includes(h.stage)) {
        throw conflict(
          `${who}处于“${COURTYARD_STAGE_LABELS[h.stage].zh}”阶段，不能${COURTYARD_ACTION_LABELS[input.action].zh}`,
        );
      }
      if (input.action === 'accept') {
        noticeOver(h.notice_ends_on, h.notice_resolved, who);
      }
      if (input.action === 'name') {
        const c = await criteriaFor(h.county_code, h.year);
        const gaps = householdShortfalls(
          {
            householdType: h.household_type,
            activities: h.activities,
            netIncome: h.net_income,
            cleanYard: h.clean_yard,
          },
          c,
        );
        if (gaps.length > 0) {
          throw conflict(`${who}未达到示范户标准：${gaps.join('；')}`);
        }
      }
    }
    const on = today();
    await tx(async (t) => {
      const events = [];
      for (const h of rows) {
        const to = rule.to === 'previous' ? (previousStage(h.stage) as CourtyardStage) : rule.to;
        const values: Parameters<typeof t.courtyard.updateHousehold>[2] = {
          stage: to,
          last_comment: comment,
        };
        if (input.action === 'accept' && result) {
          values.activities = result.activities;
          values.scale = result.scale ?? null;
          values.scale_unit = result.scale ? (result.scaleUnit ?? null) : null;
          values.net_income = result.netIncome;
          values.clean_yard = result.cleanYard;
          values.result_note = result.note?.trim() || null;
          values.accepted_on = on;
        }
        if (input.action === 'name') {
          values.named_on = on;
        }
        if (input.action === 'fail') {
          values.fail_reason = comment;
        }
        if (!(await t.courtyard.updateHousehold(Number(h.id), h.version, values))) {
          throw conflict(`${h.head_name ?? '这户'}的记录已被他人处理，请刷新后重试`);
        }
        if (input.action === 'accept' && result) {
          // Entered once: the 验收 income becomes the household's business income of the year.
          await t.courtyard.upsertCourtyardIncome({
            id: Number(h.id),
            household_id: Number(h.household_id),
            county_code: h.county_code,
            year: h.year,
            net_income: result.netIncome,
            activities: activityNames(result.activities),
          });
        }
        events.push(
          event(
            actor,
            'household',
            h,
            input.action,
            h.stage,
            to,
            input.action === 'accept' && result
              ? `纯收入 ${result.netIncome} 元${comment ? `；${comment}` : ''}`
              : comment,
          ),
        );
      }
      await t.courtyard.insertEvents(events);
      await recordAudit(t, actor, {
        action: `courtyard_household.${input.action}`,
        entityType: 'courtyard_household',
        entityId: rows.length === 1 ? Number(rows[0]?.id) : null,
        regionCode: rows[0]?.region_code ?? null,
        new: { households: rows.map((r) => Number(r.id)), comment, result },
      });
    });
    return { count: rows.length };
  }

  return service;
}

export type CourtyardService = ReturnType<typeof createCourtyardService>;
