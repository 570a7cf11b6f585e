import { addDays, daysBetween } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import {
  type BrandKind,
  BUYER_TYPE_LABELS,
  type BuyerType,
  CERT_LEVEL_LABELS,
  type CertLevel,
  CONSUMER_DEFAULTS,
  type ConsumerSettings,
  LINKAGE_TYPE_LABELS,
  PRODUCT_ACTION_LABELS,
  PRODUCT_CATEGORY_LABELS,
  PRODUCT_STAGE_LABELS,
  PRODUCT_TRANSITIONS,
  type ProductAction,
  type ProductCategory,
  type ProductLevel,
  type ProductLinkageType,
  type ProductStage,
  productHolder,
  SALE_CHANNEL_LABELS,
  type SaleChannel,
  VALIDITY_LABELS,
  validityState,
  valueFloorProblem,
} from '../../shared/consumer-assistance.js';
import { NOTICE_MIN_DAYS } from '../../shared/project-codes.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { ProductRow } from '../repositories/consumer-assistance.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { pickedRegionPrefixes } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface ProductInput {
  operatorId: number;
  name: string;
  category: ProductCategory;
  annualValue: string;
  certLevel: CertLevel;
  certificateNo?: string | null | undefined;
  validFrom: string;
  validTo: string;
  linkageType: ProductLinkageType;
  householdIds: number[];
  note?: string | null | undefined;
}

export interface BrandInput {
  name: string;
  kind: BrandKind;
  ownerOperatorId?: number | null | undefined;
  ownerUnit?: string | null | undefined;
  note?: string | null | undefined;
  productIds: number[];
  licensees: { operatorId: number; licensedFrom: string; licensedTo: string }[];
}

export interface SaleInput {
  productId: number;
  soldOn: string;
  channel: SaleChannel;
  buyerType: BuyerType;
  buyerName: string;
  amount: string;
  quantity?: string | null | undefined;
  note?: string | null | undefined;
}

const LEVEL_NAMES: Record<ProductLevel, string> = { township: '乡镇', county: '县' };
const levelOf = (actor: Actor): ProductLevel | null =>
  actor.role === 'township' ? 'township' : actor.role === 'county' ? 'county' : null;

/** The county a user or record belongs to: the first six digits of its code. */
const countyOf = (code: string) => `${code.slice(0, 6)}000000`;
const yearOf = (year?: number) => year ?? Number(clock().today().slice(0, 4));
const bounds = (year: number) => ({ yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` });

function presentProduct(p: ProductRow, today: string) {
  return {
    id: p.id,
    countyCode: p.county_code,
    countyName: p.county_name,
    regionCode: p.region_code,
    regionName: p.region_name,
    operatorId: p.operator_id,
    operatorName: p.operator_name,
    name: p.name,
    category: p.category,
    annualValue: p.annual_value,
    certLevel: p.cert_level,
    certificateNo: p.certificate_no,
    validFrom: p.valid_from,
    validTo: p.valid_to,
    validity: p.stage === 'certified' ? validityState(p.valid_from, p.valid_to, today, p.renewal_days) : null,
    linkageType: p.linkage_type,
    stage: p.stage,
    certifiedOn: p.certified_on,
    households: p.households,
    poorHouseholds: p.poor_households,
    monitoredHouseholds: p.monitored_households,
    salesThisYear: p.sales_this_year,
    lastComment: p.last_comment,
    note: p.note,
    notice:
      p.notice_id === null
        ? null
        : {
            id: p.notice_id,
            startsOn: p.notice_starts_on ?? '',
            endsOn: p.notice_ends_on ?? '',
            objections: p.notice_objections ?? 0,
            resolved: p.notice_resolved ?? true,
          },
    version: p.version,
  };
}

const LEDGER_COLUMNS = [
  '县（市、区）',
  '所在地',
  '产品名称',
  '生产主体',
  '品类',
  '年产值（元）',
  '认定级别',
  '证书编号',
  '有效期起',
  '有效期止',
  '有效状态',
  '带贫方式',
  '带动农户',
  '其中脱贫户',
  '其中监测户',
  '阶段',
  '本年销售额（元）',
];

/**
 * Consumer assistance (消费帮扶, §C5): products of registry operators certified through township check, county
 * review against the county's floor, a notice of at least ten days and certification; the renewal list from the
 * validity dates; brands with their products and licensees; sales, the report and the 消费帮扶产品台账.
 */
export function createConsumerAssistanceService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;
  const today = () => clock().today();

  async function settingsOf(countyCode: string): Promise<ConsumerSettings & { version: number }> {
    const row = await repos.consumer.settings(countyCode);
    return row
      ? {
          valueFloor: row.value_floor,
          nationalFloor: row.national_floor,
          renewalDays: row.renewal_days,
          version: row.version,
        }
      : { ...CONSUMER_DEFAULTS, version: 0 };
  }

  async function productInScope(actor: Actor, id: number) {
    const p = await repos.consumer.findProduct(id, bounds(yearOf()));
    if (!p || !isWithinScope(p.region_code, actor.scope)) {
      throw notFound('帮扶产品');
    }
    return p;
  }

  async function productsAt(actor: Actor, wanted: { id: number; version: number }[]) {
    const rows = await repos.consumer.findProducts(
      wanted.map((w) => w.id),
      bounds(yearOf()),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wanted.map((w) => {
      const row = byId.get(w.id);
      if (!row || !isWithinScope(row.region_code, actor.scope)) {
        throw notFound('帮扶产品');
      }
      if (row.version !== w.version) {
        throw conflict(`“${row.name}”已被他人处理，请刷新后重试`);
      }
      return row;
    });
  }

  async function operatorInScope(actor: Actor, id: number, field: string) {
    const o = await repos.consumer.findOperator(id);
    if (!o || !isWithinScope(o.region_code, actor.scope)) {
      throw notFound(field === 'operatorId' ? '经营主体' : '品牌所有者');
    }
    return o;
  }

  async function checkProduct(actor: Actor, input: ProductInput) {
    if (input.validTo < input.validFrom) {
      throw validation('有效期止不能早于有效期起', { field: 'validTo' });
    }
    const operator = await operatorInScope(actor, input.operatorId, 'operatorId');
    if (operator.status === 'closed') {
      throw validation('该经营主体已注销，不能申报帮扶产品', { field: 'operatorId' });
    }
    const ids = [...new Set(input.householdIds)];
    const found = await repos.consumer.households(ids);
    if (found.length !== ids.length) {
      throw validation('所选农户不存在', { field: 'householdIds' });
    }
    const outside = found.find((h) => h.county_code !== operator.county_code);
    if (outside) {
      throw validation('带动农户须为生产主体所在县的农户', { field: 'householdIds' });
    }
    return { operator, householdIds: ids };
  }

  async function event(
    t: Repositories,
    actor: Actor,
    p: { id: number; county_code: string },
    e: { action: string; from: string | null; to: ProductStage; on: string; comment: string | null },
  ) {
    await t.consumer.insertEvent({
      county_code: p.county_code,
      product_id: p.id,
      action: e.action,
      from_stage: e.from,
      to_stage: e.to,
      acted_on: e.on,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      comment: e.comment,
    });
  }

  const service = {
    async settings(actor: Actor, countyCode?: string) {
      const code = countyCode ?? countyOf(actor.regionCode || '411302000000');
      if (!actor.scope.some((p) => p === '' || code.startsWith(p) || p.startsWith(code.slice(0, 6)))) {
        throw notFound('县');
      }
      return { countyCode: code, ...(await settingsOf(code)) };
    },

    async saveSettings(actor: Actor, input: ConsumerSettings & { version: number }) {
      if (actor.role !== 'county') {
        throw forbidden('认定标准由县级设置');
      }
      const code = countyOf(actor.regionCode);
      await tx(async (t) => {
        const ok = await t.consumer.saveSettings(code, input.version, {
          value_floor: input.valueFloor,
          national_floor: input.nationalFloor,
          renewal_days: input.renewalDays,
          updated_by: actor.displayName,
        });
        if (!ok) {
          throw conflict('认定标准已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'consumer_setting.update',
          entityType: 'consumer_setting',
          regionCode: code,
          new: input,
        });
      });
      return service.settings(actor, code);
    },

    async products(
      actor: Actor,
      input: {
        stage?: ProductStage | undefined;
        category?: ProductCategory | undefined;
        certLevel?: CertLevel | undefined;
        validity?: 'due' | 'expired' | undefined;
        regionCode?: string | undefined;
        q?: string | undefined;
        year?: number | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const on = today();
      const result = await repos.consumer.searchProducts({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        stage: input.stage,
        category: input.category,
        certLevel: input.certLevel,
        validity: input.validity,
        q: input.q?.trim() || undefined,
        today: on,
        ...bounds(yearOf(input.year)),
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: result.items.map((p) => presentProduct(p, on)), total: result.total };
    },

    /** Certified products whose validity ends within their county's window, or has ended (oldest end first). */
    async renewals(actor: Actor, input: { regionCode?: string | undefined }) {
      const on = today();
      const result = await repos.consumer.searchProducts({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        validity: 'renewal',
        today: on,
        ...bounds(yearOf()),
      });
      return {
        items: result.items.map((p) => ({
          ...presentProduct(p, on),
          daysLeft: daysBetween(on, p.valid_to),
        })),
      };
    },

    async product(actor: Actor, id: number) {
      const p = await productInScope(actor, id);
      const [events, households, sales] = await Promise.all([
        repos.consumer.listEvents(id),
        repos.consumer.linkedHouseholds(id),
        repos.consumer.searchSales({
          scope: actor.scope,
          productId: id,
          ...{ from: bounds(yearOf()).yearStart, to: bounds(yearOf()).yearEnd },
          limit: 50,
        }),
      ]);
      return {
        ...presentProduct(p, today()),
        linkedHouseholds: households.map((h) => ({
          id: Number(h.id),
          householdNo: h.household_no,
          householdType: h.household_type,
          headName: h.head_name,
          villageName: h.village_name,
        })),
        events: events.map((e) => ({
          id: Number(e.id),
          action: e.action,
          fromStage: e.from_stage,
          toStage: e.to_stage,
          actedOn: e.acted_on,
          actorName: e.actor_name,
          comment: e.comment,
        })),
        sales: sales.items.map(presentSale),
      };
    },

    /** The producer's application, entered by the township or county. */
    async declare(actor: Actor, input: ProductInput) {
      if (!levelOf(actor)) {
        throw forbidden('帮扶产品申报由乡镇或县级录入');
      }
      const { operator, householdIds } = await checkProduct(actor, input);
      const on = today();
      const id = await tx(async (t) => {
        const newId = await t.consumer.insertProduct({
          county_code: operator.county_code,
          region_code: operator.region_code,
          operator_id: Number(operator.id),
          name: input.name,
          category: input.category,
          annual_value: input.annualValue,
          cert_level: input.certLevel,
          certificate_no: input.certificateNo?.trim() || null,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          linkage_type: input.linkageType,
          note: input.note?.trim() || null,
          created_by: actor.userId,
        });
        await t.consumer.setHouseholds(newId, operator.county_code, householdIds);
        await event(
          t,
          actor,
          { id: newId, county_code: operator.county_code },
          { action: 'declare', from: null, to: 'applied', on, comment: null },
        );
        await recordAudit(t, actor, {
          action: 'consumer_product.declare',
          entityType: 'consumer_product',
          entityId: newId,
          regionCode: operator.region_code,
          new: input,
        });
        return newId;
      });
      return service.product(actor, id);
    },

    /** Edits an application still with the township (applied or sent back); a sent-back one is applied again. */
    async edit(actor: Actor, id: number, input: ProductInput & { version: number }) {
      const p = await productInScope(actor, id);
      if (!levelOf(actor)) {
        throw forbidden('帮扶产品申报由乡镇或县级录入');
      }
      if (p.stage !== 'applied' && p.stage !== 'returned') {
        throw conflict(`产品处于“${PRODUCT_STAGE_LABELS[p.stage].zh}”阶段，不能修改`);
      }
      const { operator, householdIds } = await checkProduct(actor, input);
      await tx(async (t) => {
        const ok = await t.consumer.updateProduct(id, input.version, {
          county_code: operator.county_code,
          region_code: operator.region_code,
          operator_id: Number(operator.id),
          name: input.name,
          category: input.category,
          annual_value: input.annualValue,
          cert_level: input.certLevel,
          certificate_no: input.certificateNo?.trim() || null,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          linkage_type: input.linkageType,
          note: input.note?.trim() || null,
          stage: 'applied',
        });
        if (!ok) {
          throw conflict('产品已被他人处理，请刷新后重试');
        }
        await t.consumer.setHouseholds(id, operator.county_code, householdIds);
        await event(t, actor, p, {
          action: 'edit',
          from: p.stage,
          to: 'applied',
          on: today(),
          comment: null,
        });
        await recordAudit(t, actor, {
          action: 'consumer_product.edit',
          entityType: 'consumer_product',
          entityId: id,
          regionCode: p.region_code,
          old: { name: p.name, annualValue: p.annual_value, certLevel: p.cert_level },
          new: input,
        });
      });
      return service.product(actor, id);
    },

    /** A step on one or more products by the level that holds them (a batch is all or nothing). */
    async act(
      actor: Actor,
      input: {
        action: ProductAction;
        products: { id: number; version: number }[];
        comment?: string | null | undefined;
        certificateNo?: string | null | undefined;
      },
    ) {
      if (input.products.length === 0) {
        throw validation('请选择要办理的产品', { field: 'products' });
      }
      const rule = PRODUCT_TRANSITIONS[input.action];
      const level = levelOf(actor);
      const on = today();
      const comment = input.comment?.trim() || null;
      if (
        (input.action === 'send_back' || input.action === 'refuse' || input.action === 'revoke') &&
        !comment
      ) {
        throw validation('退回、不予认定或撤销须写明原因', { field: 'comment' });
      }
      const rows = await productsAt(actor, input.products);
      const floors = new Map<string, ConsumerSettings>();
      for (const r of rows) {
        if (!rule.from.includes(r.stage)) {
          throw conflict(
            `“${r.name}”处于“${PRODUCT_STAGE_LABELS[r.stage].zh}”阶段，不能${PRODUCT_ACTION_LABELS[input.action].zh}`,
          );
        }
        const acting = rule.level === 'by_stage' ? productHolder(r.stage) : rule.level;
        if (acting !== level) {
          throw forbidden(`此环节由${acting ? LEVEL_NAMES[acting] : '—'}级办理`);
        }
        if (input.action === 'review') {
          if (!floors.has(r.county_code)) {
            floors.set(r.county_code, await settingsOf(r.county_code));
          }
          const problem = valueFloorProblem(
            r.annual_value,
            r.cert_level,
            floors.get(r.county_code) ?? CONSUMER_DEFAULTS,
          );
          if (problem) {
            throw validation(`“${r.name}”${problem}`, { field: 'products', reason: problem });
          }
        }
        if (input.action === 'certify') {
          if (r.notice_ends_on === null || r.notice_ends_on >= on) {
            throw conflict(
              `“${r.name}”公示期未满，${r.notice_ends_on ? addDays(r.notice_ends_on, 1) : ''}起可认定`,
            );
          }
          if (r.notice_resolved === false) {
            throw conflict(`“${r.name}”公示期间的异议尚未处理完毕`);
          }
          if (!r.certificate_no && !input.certificateNo?.trim()) {
            throw validation(`请填写“${r.name}”的认定证书编号`, { field: 'certificateNo' });
          }
        }
      }
      await tx(async (t) => {
        for (const r of rows) {
          const values: Parameters<typeof t.consumer.updateProduct>[2] = {
            stage: rule.to,
            last_comment: comment,
          };
          if (input.action === 'certify') {
            values.certified_on = on;
            if (input.certificateNo?.trim() && rows.length === 1) {
              values.certificate_no = input.certificateNo.trim();
            }
          }
          if (input.action === 'send_back') {
            values.notice_id = null;
          }
          if (!(await t.consumer.updateProduct(r.id, r.version, values))) {
            throw conflict('产品已被他人处理，请刷新后重试');
          }
          await event(t, actor, r, { action: input.action, from: r.stage, to: rule.to, on, comment });
        }
        await recordAudit(t, actor, {
          action: `consumer_product.${input.action}`,
          entityType: 'consumer_product',
          entityId: rows.length === 1 ? rows[0]?.id : null,
          regionCode: rows[0]?.region_code ?? null,
          new: { products: rows.map((r) => r.id), comment },
        });
      });
      return { products: rows.length, stage: rule.to };
    },

    /** The county posts its reviewed products on a notice each (≥ 10 days); certification waits for its end. */
    async postNotice(
      actor: Actor,
      input: {
        products: { id: number; version: number }[];
        channel: string;
        startsOn: string;
        endsOn: string;
      },
    ) {
      if (input.products.length === 0) {
        throw validation('请选择要公示的产品', { field: 'products' });
      }
      if (daysBetween(input.startsOn, input.endsOn) + 1 < NOTICE_MIN_DAYS) {
        throw validation(`公示期不少于${NOTICE_MIN_DAYS}天`, { field: 'endsOn' });
      }
      if (input.startsOn > today()) {
        throw validation('公示开始日期不能晚于今天', { field: 'startsOn' });
      }
      const rows = await productsAt(actor, input.products);
      if (levelOf(actor) !== 'county') {
        throw forbidden('帮扶产品公示由县级发布');
      }
      const notReviewed = rows.find((r) => r.stage !== 'county_reviewed');
      if (notReviewed) {
        throw conflict(`“${notReviewed.name}”尚未通过县级审核，不能公示`);
      }
      const notices = await tx(async (t) => {
        const ids: number[] = [];
        for (const r of rows) {
          const noticeId = await t.projects.insertNotice({
            county_code: r.county_code,
            region_code: r.region_code,
            subject_kind: 'consumer_product',
            subject_id: r.id,
            purpose: 'certification',
            channel: input.channel,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            created_by: actor.userId,
          });
          ids.push(noticeId);
          if (!(await t.consumer.updateProduct(r.id, r.version, { stage: 'notice', notice_id: noticeId }))) {
            throw conflict('产品已被他人处理，请刷新后重试');
          }
          await event(t, actor, r, {
            action: 'notice',
            from: r.stage,
            to: 'notice',
            on: input.startsOn,
            comment: `${input.channel}公示 ${input.startsOn} 至 ${input.endsOn}`,
          });
        }
        await recordAudit(t, actor, {
          action: 'consumer_product.notice',
          entityType: 'consumer_product',
          entityId: rows.length === 1 ? rows[0]?.id : null,
          regionCode: rows[0]?.region_code ?? null,
          new: { ...input, products: rows.map((r) => r.id) },
        });
        return ids;
      });
      return { noticeIds: notices, products: rows.length };
    },

    async recordObjections(
      actor: Actor,
      noticeId: number,
      input: { objections: number; objectionNote?: string | null | undefined; resolved: boolean },
    ) {
      const p = await repos.consumer.findProductByNotice(noticeId);
      if (!p || !isWithinScope(p.region_code, actor.scope)) {
        throw notFound('公示');
      }
      if (levelOf(actor) !== 'county') {
        throw forbidden('帮扶产品公示的异议由县级登记');
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
          regionCode: p.region_code,
          new: input,
        });
      });
      return { ok: true as const };
    },

    // ---- brands ---------------------------------------------------------------------------------------

    async brands(actor: Actor) {
      const rows = await repos.consumer.listBrands(actor.scope);
      return {
        items: rows.map((b) => ({
          id: b.id,
          countyCode: b.county_code,
          countyName: b.county_name,
          name: b.name,
          kind: b.kind,
          ownerOperatorId: b.owner_operator_id,
          ownerName: b.owner_operator_name ?? b.owner_unit ?? '',
          ownerUnit: b.owner_unit,
          note: b.note,
          products: b.products.map((p) => ({ id: p.id, name: p.name, stage: p.stage })),
          licensees: b.licensees.map((l) => ({
            operatorId: l.operator_id,
            operatorName: l.operator_name,
            licensedFrom: l.licensed_from,
            licensedTo: l.licensed_to,
          })),
          version: b.version,
        })),
      };
    },

    async saveBrand(actor: Actor, id: number | null, input: BrandInput & { version?: number | undefined }) {
      if (actor.role !== 'county') {
        throw forbidden('品牌由县级登记');
      }
      const countyCode = countyOf(actor.regionCode);
      const ownerOperatorId = input.ownerOperatorId ?? null;
      const ownerUnit = input.ownerUnit?.trim() || null;
      if (ownerOperatorId === null && !ownerUnit) {
        throw validation('请选择品牌所有者（经营主体）或填写所有单位', { field: 'ownerUnit' });
      }
      if (ownerOperatorId !== null) {
        await operatorInScope(actor, ownerOperatorId, 'ownerOperatorId');
      }
      const productIds = [...new Set(input.productIds)];
      const products = await repos.consumer.productsBrief(productIds);
      if (products.length !== productIds.length || products.some((p) => p.county_code !== countyCode)) {
        throw validation('品牌下的产品须为本县的帮扶产品', { field: 'productIds' });
      }
      const licenseeIds = input.licensees.map((l) => l.operatorId);
      if (new Set(licenseeIds).size !== licenseeIds.length) {
        throw validation('同一经营主体不能重复授权', { field: 'licensees' });
      }
      const ops = await repos.consumer.operators(licenseeIds);
      if (ops.length !== licenseeIds.length || ops.some((o) => o.county_code !== countyCode)) {
        throw validation('被授权主体须为本县登记的经营主体', { field: 'licensees' });
      }
      const backwards = input.licensees.find((l) => l.licensedTo < l.licensedFrom);
      if (backwards) {
        throw validation('授权截止日期不能早于开始日期', { field: 'licensees' });
      }
      const values = {
        name: input.name,
        kind: input.kind,
        owner_operator_id: ownerOperatorId,
        owner_unit: ownerUnit,
        note: input.note?.trim() || null,
      };
      const brandId = await tx(async (t) => {
        let bid: number;
        if (id === null) {
          bid = await t.consumer.insertBrand({
            county_code: countyCode,
            ...values,
            created_by: actor.userId,
          });
        } else {
          const before = await t.consumer.findBrand(id);
          if (!before || !isWithinScope(before.county_code, actor.scope)) {
            throw notFound('品牌');
          }
          if (!(await t.consumer.updateBrand(id, input.version ?? 0, values))) {
            throw conflict('品牌已被他人修改，请刷新后再试');
          }
          bid = id;
        }
        await t.consumer.setBrandParts(bid, countyCode, productIds, input.licensees);
        await recordAudit(t, actor, {
          action: id === null ? 'consumer_brand.create' : 'consumer_brand.update',
          entityType: 'consumer_brand',
          entityId: bid,
          regionCode: countyCode,
          new: input,
        });
        return bid;
      });
      const all = await service.brands(actor);
      const saved = all.items.find((b) => b.id === brandId);
      if (!saved) {
        throw notFound('品牌');
      }
      return saved;
    },

    // ---- sales ----------------------------------------------------------------------------------------

    async sales(
      actor: Actor,
      input: {
        year?: number | undefined;
        productId?: number | undefined;
        channel?: SaleChannel | undefined;
        buyerType?: BuyerType | undefined;
        regionCode?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const b = bounds(yearOf(input.year));
      const result = await repos.consumer.searchSales({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        from: b.yearStart,
        to: b.yearEnd,
        productId: input.productId,
        channel: input.channel,
        buyerType: input.buyerType,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: result.items.map(presentSale), total: result.total, amount: result.amount };
    },

    /** A sale of a certified product within its validity; pairing units' purchases have buyer type 定点帮扶单位. */
    async recordSale(actor: Actor, input: SaleInput) {
      if (!levelOf(actor)) {
        throw forbidden('销售记录由乡镇或县级录入');
      }
      if (input.soldOn > today()) {
        throw validation('销售日期不能晚于今天', { field: 'soldOn' });
      }
      const p = await productInScope(actor, input.productId);
      if (p.stage !== 'certified' && p.stage !== 'revoked') {
        throw conflict(`“${p.name}”尚未认定为帮扶产品，不能登记消费帮扶销售`);
      }
      if (input.soldOn < p.valid_from || input.soldOn > p.valid_to) {
        throw validation(`销售日期不在“${p.name}”的认定有效期（${p.valid_from} 至 ${p.valid_to}）内`, {
          field: 'soldOn',
        });
      }
      const id = await tx(async (t) => {
        const newId = await t.consumer.insertSale({
          county_code: p.county_code,
          region_code: p.region_code,
          product_id: p.id,
          sold_on: input.soldOn,
          channel: input.channel,
          buyer_type: input.buyerType,
          buyer_name: input.buyerName,
          amount: input.amount,
          quantity: input.quantity?.trim() || null,
          note: input.note?.trim() || null,
          created_by: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'consumer_sale.create',
          entityType: 'consumer_sale',
          entityId: newId,
          regionCode: p.region_code,
          new: input,
        });
        return newId;
      });
      return { id };
    },

    async report(actor: Actor, input: { year?: number | undefined; regionCode?: string | undefined }) {
      const year = yearOf(input.year);
      const b = bounds(year);
      const r = await repos.consumer.report(
        actor.scope,
        await pickedRegionPrefixes(repos, actor, input.regionCode),
        b.yearStart,
        b.yearEnd,
      );
      return {
        year,
        total: { sales: r.total.sales, amount: r.total.amount },
        byChannel: r.channels.map((c) => ({
          channel: c.key as SaleChannel,
          label: SALE_CHANNEL_LABELS[c.key as SaleChannel]?.zh ?? c.key,
          sales: c.sales,
          amount: c.amount,
        })),
        byBuyerType: r.buyers.map((c) => ({
          buyerType: c.key as BuyerType,
          label: BUYER_TYPE_LABELS[c.key as BuyerType]?.zh ?? c.key,
          sales: c.sales,
          amount: c.amount,
        })),
        byCounty: r.counties.map((c) => ({
          countyCode: c.key,
          countyName: c.name,
          sales: c.sales,
          products: c.products,
          amount: c.amount,
        })),
      };
    },

    /** The 消费帮扶产品台账: every product of the scope with its certification, validity, households and year's sales. */
    async ledgerXlsx(actor: Actor, input: { year?: number | undefined; regionCode?: string | undefined }) {
      const year = yearOf(input.year);
      const on = today();
      const { items } = await repos.consumer.searchProducts({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        today: on,
        ...bounds(year),
      });
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const title = `${year}年消费帮扶产品台账`;
      const sheet = book.addWorksheet(title);
      sheet.addRow(LEDGER_COLUMNS).font = { bold: true };
      for (const p of items.filter((x) => x.stage !== 'refused')) {
        const validity =
          p.stage === 'certified' ? validityState(p.valid_from, p.valid_to, on, p.renewal_days) : null;
        sheet.addRow([
          p.county_name,
          p.region_name,
          p.name,
          p.operator_name,
          PRODUCT_CATEGORY_LABELS[p.category].zh,
          p.annual_value,
          CERT_LEVEL_LABELS[p.cert_level].zh,
          p.certificate_no ?? '',
          p.valid_from,
          p.valid_to,
          validity ? VALIDITY_LABELS[validity].zh : '',
          LINKAGE_TYPE_LABELS[p.linkage_type].zh,
          p.households,
          p.poor_households,
          p.monitored_households,
          PRODUCT_STAGE_LABELS[p.stage].zh,
          p.sales_this_year,
        ]);
      }
      for (const col of [6, 17]) {
        sheet.getColumn(col).numFmt = '@';
        sheet.getColumn(col).alignment = { horizontal: 'right' };
        sheet.getColumn(col).width = 16;
      }
      sheet.getColumn(3).width = 20;
      sheet.getColumn(4).width = 24;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${title}.xlsx` };
    },
  };
  return service;
}

function presentSale(s: {
  id: number;
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
}) {
  return {
    id: s.id,
    countyName: s.county_name,
    productId: s.product_id,
    productName: s.product_name,
    operatorName: s.operator_name,
    soldOn: s.sold_on,
    channel: s.channel,
    buyerType: s.buyer_type,
    buyerName: s.buyer_name,
    amount: s.amount,
    quantity: s.quantity,
    note: s.note,
  };
}

export type ConsumerAssistanceService = ReturnType<typeof createConsumerAssistanceService>;
