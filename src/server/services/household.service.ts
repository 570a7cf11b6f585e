import { clock } from '../../shared/clock.js';
import {
  HAS_LABOUR,
  type HouseholdType,
  INCOME_ITEMS,
  type IncomeCategory,
} from '../../shared/household-codes.js';
import { countyCodeOf } from '../../shared/region-code.js';
import type { Secrets } from '../adapters/secrets.js';
import { judgeGuarantees } from '../domain/guarantees.js';
import { incomeWindow, summariseIncome } from '../domain/income.js';
import { screenHousehold } from '../domain/screening-rules.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type {
  HouseholdAccess,
  HouseholdRow,
  IncomeRow,
  PersonRow,
} from '../repositories/household.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import {
  auditSafe,
  checkRelations,
  type HouseholdFields,
  householdColumns,
  idColumns,
  type PersonFields,
  personColumns,
} from './household-columns.js';
import { type HouseholdFilterInput, resolveHouseholdFilter } from './household-filter.js';
import { presentHousehold, presentPerson } from './household-presenter.js';
import { isRegionInScope } from './region-scope.js';
import type { ScreeningService } from './screening.service.js';
import type { RunInTransaction } from './transaction.js';

export interface HouseholdSearchInput extends HouseholdFilterInput {
  page: number;
  pageSize: number;
}

export interface IncomeInput {
  category: IncomeCategory;
  item: string;
  /** 元, a decimal string of at most two decimals. */
  amount: string;
  isCounted?: boolean | undefined;
  periodStart: string;
  periodEnd: string;
  note?: string | null | undefined;
}

const today = () => clock().today();
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function monthEnd(d: string): string {
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(5, 7));
  return `${d.slice(0, 7)}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function createHouseholdService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  secrets: Secrets;
  screening: ScreeningService;
}) {
  const { repos, tx, secrets, screening } = deps;

  const accessOf = (actor: Actor): HouseholdAccess => ({
    scope: actor.scope,
    helperUserId: actor.role === 'helper' ? actor.userId : null,
  });

  /** The household if the actor may reach it; otherwise NOT_FOUND, exactly as for a missing one. */
  async function findAccessible(actor: Actor, id: number, r: Repositories = repos): Promise<HouseholdRow> {
    const household = await r.households.findAccessibleById(id, accessOf(actor));
    if (!household) {
      throw notFound('农户');
    }
    return household;
  }

  async function villageInScope(actor: Actor, code: string, r: Repositories = repos) {
    const region = await r.regions.findByCode(code);
    if (!region || !isRegionInScope(region, actor.scope)) {
      throw notFound('区划');
    }
    if (region.level !== 'village') {
      throw validation('农户只能落在村级区划上', { field: 'regionCode' });
    }
    return region;
  }

  /** Bumps the household version under the caller's expected version: the concurrency gate for edits. */
  async function claimVersion(r: Repositories, id: number, version: number, changes = {}) {
    if (!(await r.households.updateIfVersion(id, version, changes))) {
      throw conflict('该户已被他人修改，请刷新后重试');
    }
  }

  async function summary(
    household: HouseholdRow,
    members: readonly PersonRow[],
    items: ReadonlyArray<IncomeRow>,
    date: string,
  ) {
    const entries = items.map((i) => ({
      category: i.category,
      amount: String(i.amount),
      isCounted: i.is_counted,
      periodStart: i.period_start,
      periodEnd: i.period_end,
    }));
    const window = incomeWindow(date);
    const previousWindow = incomeWindow(date, 12);
    const income = summariseIncome(entries, household.member_count, window);
    const previous = summariseIncome(entries, household.member_count, previousWindow);
    const guarantees = judgeGuarantees(
      {
        members: members.map((m) => ({
          birthDate: m.birth_date,
          dropoutReason: m.dropout_reason,
          medicalInsured: m.medical_insured,
        })),
        housingGrade: household.housing_grade,
        hasSafeHouseElsewhere: household.has_safe_house_elsewhere,
        water: [
          household.water_quantity_ok,
          household.water_quality_ok,
          household.water_convenience_ok,
          household.water_reliability_ok,
        ],
      },
      date,
    );
    const inForce = await screening.lineInForce(date);
    const line = inForce?.amount ?? null;
    const { rules } = await screening.rules();
    const reasons =
      line === null
        ? []
        : screenHousehold(
            {
              householdType: household.household_type,
              perCapita: income.perCapita,
              previousPerCapita: previous.perCapita,
              guarantees,
              medicalOutOfPocket: String(household.medical_out_of_pocket),
            },
            rules,
            line,
          );
    return {
      window,
      income,
      previousPerCapita: previous.perCapita,
      line,
      lineYear: inForce?.year ?? null,
      lineForYear: Number(date.slice(0, 4)),
      guarantees,
      screeningReasons: reasons,
      hasLabourCapacity: members.some((m) => m.labour_skill !== null && HAS_LABOUR.includes(m.labour_skill)),
      incomeItems: items.map((i) => ({
        id: i.id,
        category: i.category,
        item: i.item,
        amount: String(i.amount),
        isCounted: i.is_counted,
        periodStart: i.period_start,
        periodEnd: i.period_end,
        note: i.note,
      })),
    };
  }

  return {
    accessOf,
    findAccessible,

    async search(actor: Actor, input: HouseholdSearchInput) {
      const filter = await resolveHouseholdFilter(repos, secrets, actor, input);
      const result = await repos.households.search({
        ...filter,
        access: accessOf(actor),
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        items: result.items.map((h) => ({
          id: h.id,
          householdNo: h.household_no,
          householdType: h.household_type,
          headName: h.head_name,
          memberCount: h.member_count,
          regionCode: h.region_code,
          villageName: h.village_name,
          townName: h.town_name ?? '',
          hasOpenLead: Boolean(h.has_open_lead),
          version: h.version,
        })),
        total: result.total,
        isTotalCapped: result.isTotalCapped,
        page: input.page,
        pageSize: input.pageSize,
      };
    },

    async get(actor: Actor, id: number, date: string = today()) {
      const detail = await repos.households.findDetail(id, accessOf(actor));
      if (!detail) {
        throw notFound('农户');
      }
      const { members, income_items: items, open_lead: lead, ...household } = detail;
      return {
        household: presentHousehold(household),
        members: members.map(presentPerson),
        ...(await summary(household, members, items, date)),
        openLead: lead
          ? {
              id: lead.id,
              source: lead.source,
              reasons: lead.reasons as string[],
              createdAt: new Date(lead.created_at).toISOString(),
            }
          : null,
      };
    },

    async history(actor: Actor, id: number) {
      await findAccessible(actor, id);
      const rows = await repos.households.history(id, 200);
      return rows.map((e) => ({
        id: String(e.id),
        at: new Date(e.at).toISOString(),
        actorName: e.actor_name,
        action: e.action,
        oldValues: (e.old_values ?? null) as Record<string, unknown> | null,
        newValues: (e.new_values ?? null) as Record<string, unknown> | null,
      }));
    },

    async create(
      actor: Actor,
      input: HouseholdFields & { regionCode: string; householdType: HouseholdType; head: PersonFields },
    ) {
      const village = await villageInScope(actor, input.regionCode);
      if (!input.head.name || !input.head.idNumber) {
        throw validation('户主姓名和身份证号必填', { field: 'head' });
      }
      const head = personColumns({ ...input.head, relation: '户主' }, secrets);
      const countyCode = countyCodeOf(village.code, 'village') ?? '';
      const id = await tx(async (t) => {
        const householdId = await t.households.insertHousehold({
          ...householdColumns(input, secrets),
          household_type: input.householdType,
          county_code: countyCode,
          town_code: village.parent_code ?? '',
          region_code: village.code,
        });
        await t.households.insertPerson({
          ...(head as Required<typeof head>),
          household_id: householdId,
          county_code: countyCode,
          name: input.head.name ?? '',
          relation: '户主',
        });
        await t.households.refreshSummary(householdId);
        await recordAudit(t, actor, {
          action: 'household.create',
          entityType: 'household',
          entityId: householdId,
          regionCode: village.code,
          new: auditSafe({
            ...householdColumns(input, secrets),
            household_type: input.householdType,
            region_code: village.code,
            head: auditSafe(head),
          }),
        });
        return householdId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: HouseholdFields & { version: number }) {
      const household = await findAccessible(actor, id);
      // The same phone encrypts differently each time: compare by its hash, not its ciphertext.
      const isSamePhone =
        input.phone !== undefined &&
        input.phone !== null &&
        input.phone !== '' &&
        secrets.hash(input.phone) === household.phone_hash;
      const columns: Record<string, unknown> = householdColumns(
        { ...input, phone: isSamePhone ? undefined : input.phone },
        secrets,
      );
      if (input.regionCode !== undefined && input.regionCode !== household.region_code) {
        const village = await villageInScope(actor, input.regionCode);
        columns.region_code = village.code;
        columns.town_code = village.parent_code ?? '';
        columns.county_code = countyCodeOf(village.code, 'village') ?? '';
      }
      const changes = diff(household as unknown as Record<string, unknown>, columns);
      if (household.version !== input.version) {
        throw conflict('该户已被他人修改，请刷新后重试', { currentVersion: household.version });
      }
      if (!changes.isEmpty) {
        await tx(async (t) => {
          await claimVersion(t, id, input.version, changes.new);
          await recordAudit(t, actor, {
            action: 'household.update',
            entityType: 'household',
            entityId: id,
            regionCode: (columns.region_code as string | undefined) ?? household.region_code,
            old: auditSafe(changes.old),
            new: auditSafe(changes.new),
          });
        });
      }
      return this.get(actor, id);
    },

    async addMember(actor: Actor, id: number, input: PersonFields & { version: number }) {
      const household = await findAccessible(actor, id);
      if (!input.name || !input.idNumber || !input.relation) {
        throw validation('成员姓名、身份证号和与户主关系必填', {
          field: input.name ? (input.idNumber ? 'relation' : 'idNumber') : 'name',
        });
      }
      const members = await repos.households.listMembers(id);
      checkRelations([...members, { relation: input.relation }]);
      const columns = personColumns(input, secrets);
      await tx(async (t) => {
        await claimVersion(t, id, input.version);
        const personId = await t.households.insertPerson({
          ...columns,
          ...idColumns(input.idNumber ?? '', secrets),
          name: input.name ?? '',
          relation: input.relation ?? '',
          household_id: id,
          county_code: household.county_code,
        });
        await t.households.refreshSummary(id);
        await recordAudit(t, actor, {
          action: 'household.member_add',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          new: auditSafe({ person_id: personId, ...columns }),
        });
      });
      return this.get(actor, id);
    },

    async updateMember(
      actor: Actor,
      id: number,
      personId: number,
      input: PersonFields & { version: number },
    ) {
      const household = await findAccessible(actor, id);
      const person = await repos.households.findMember(id, personId);
      if (!person) {
        throw notFound('家庭成员');
      }
      if (
        input.relation !== undefined &&
        input.relation !== person.relation &&
        (input.relation === '户主' || person.relation === '户主')
      ) {
        throw validation('户主请用“变更户主”调整', { field: 'relation' });
      }
      if (input.relation !== undefined) {
        const members = await repos.households.listMembers(id);
        checkRelations(
          members.map((m) => (m.id === personId ? { relation: input.relation ?? m.relation } : m)),
        );
      }
      const columns = personColumns(input, secrets);
      const changes = diff(person as unknown as Record<string, unknown>, columns);
      if (household.version !== input.version) {
        throw conflict('该户已被他人修改，请刷新后重试', { currentVersion: household.version });
      }
      if (!changes.isEmpty) {
        await tx(async (t) => {
          await claimVersion(t, id, input.version);
          await t.households.updatePerson(personId, changes.new);
          await t.households.refreshSummary(id);
          await recordAudit(t, actor, {
            action: 'household.member_update',
            entityType: 'household',
            entityId: id,
            regionCode: household.region_code,
            old: auditSafe({ person_id: personId, ...changes.old }),
            new: auditSafe({ person_id: personId, ...changes.new }),
          });
        });
      }
      return this.get(actor, id);
    },

    async removeMember(
      actor: Actor,
      id: number,
      personId: number,
      input: { version: number; reason: string },
    ) {
      const household = await findAccessible(actor, id);
      const person = await repos.households.findMember(id, personId);
      if (!person) {
        throw notFound('家庭成员');
      }
      if (person.relation === '户主') {
        throw validation('不能移除户主：请先变更户主', { field: 'personId' });
      }
      await tx(async (t) => {
        await claimVersion(t, id, input.version);
        await t.households.deletePerson(personId);
        await t.households.refreshSummary(id);
        await recordAudit(t, actor, {
          action: 'household.member_remove',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          old: auditSafe({ ...presentPerson(person) }),
          new: { reason: input.reason },
        });
      });
      return this.get(actor, id);
    },

    /** Makes another member the head; the former head takes the relation given. */
    async changeHead(
      actor: Actor,
      id: number,
      input: { version: number; personId: number; formerHeadRelation: string },
    ) {
      const household = await findAccessible(actor, id);
      const members = await repos.households.listMembers(id);
      const newHead = members.find((m) => m.id === input.personId);
      const oldHead = members.find((m) => m.relation === '户主');
      if (!newHead) {
        throw notFound('家庭成员');
      }
      if (!oldHead || oldHead.id === newHead.id) {
        throw validation('该成员已是户主', { field: 'personId' });
      }
      if (input.formerHeadRelation === '户主') {
        throw validation('原户主需要新的与户主关系', { field: 'formerHeadRelation' });
      }
      await tx(async (t) => {
        await claimVersion(t, id, input.version);
        await t.households.updatePerson(oldHead.id, { relation: input.formerHeadRelation });
        await t.households.updatePerson(newHead.id, { relation: '户主' });
        await t.households.refreshSummary(id);
        await recordAudit(t, actor, {
          action: 'household.head_change',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          old: { head_person_id: oldHead.id, head_name: oldHead.name },
          new: {
            head_person_id: newHead.id,
            head_name: newHead.name,
            former_head_relation: input.formerHeadRelation,
          },
        });
      });
      return this.get(actor, id);
    },

    /** Moves some members into a new household (分户) in the same village, headed by one of them. */
    async split(
      actor: Actor,
      id: number,
      input: {
        version: number;
        personIds: number[];
        newHeadId: number;
        householdType?: HouseholdType | undefined;
      },
    ) {
      const household = await findAccessible(actor, id);
      const members = await repos.households.listMembers(id);
      const moving = members.filter((m) => input.personIds.includes(m.id));
      if (moving.length !== input.personIds.length || !input.personIds.includes(input.newHeadId)) {
        throw validation('分户成员须为本户成员，且新户主在其中', { field: 'personIds' });
      }
      if (moving.some((m) => m.relation === '户主')) {
        throw validation('户主不能分出：请先变更户主', { field: 'personIds' });
      }
      if (moving.length === members.length) {
        throw validation('不能把全部成员分出', { field: 'personIds' });
      }
      const newId = await tx(async (t) => {
        await claimVersion(t, id, input.version);
        const created = await t.households.insertHousehold({
          household_type: input.householdType ?? household.household_type,
          county_code: household.county_code,
          town_code: household.town_code,
          region_code: household.region_code,
          address: household.address,
        });
        await t.households.movePersons(input.personIds, created, household.county_code);
        await t.households.updatePerson(input.newHeadId, { relation: '户主' });
        await t.households.refreshSummary(created);
        await t.households.refreshSummary(id);
        const moved = moving.map((m) => ({ person_id: m.id, name: m.name }));
        await recordAudit(t, actor, {
          action: 'household.split',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          old: { members: moved },
          new: { new_household_id: created },
        });
        await recordAudit(t, actor, {
          action: 'household.create',
          entityType: 'household',
          entityId: created,
          regionCode: household.region_code,
          new: { split_from: id, members: moved, head_person_id: input.newHeadId },
        });
        return created;
      });
      return { original: await this.get(actor, id), created: await this.get(actor, newId) };
    },

    async addIncome(actor: Actor, id: number, input: IncomeInput) {
      const household = await findAccessible(actor, id);
      const item = INCOME_ITEMS.find((i) => i.code === input.item);
      if (!item || item.category !== input.category) {
        throw validation(`收入子项 ${input.item} 不属于 ${input.category}`, { field: 'item' });
      }
      const periodStart = monthStart(input.periodStart);
      const periodEnd = monthEnd(input.periodEnd);
      if (periodEnd < periodStart) {
        throw validation('结束月份不能早于开始月份', { field: 'periodEnd' });
      }
      await tx(async (t) => {
        const itemId = await t.households.insertIncome({
          household_id: id,
          county_code: household.county_code,
          category: input.category,
          item: input.item,
          amount: input.amount,
          is_counted: input.isCounted ?? item.counted,
          period_start: periodStart,
          period_end: periodEnd,
          note: input.note ?? null,
        });
        await recordAudit(t, actor, {
          action: 'household.income_add',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          new: {
            income_id: itemId,
            category: input.category,
            item: input.item,
            amount: input.amount,
            is_counted: input.isCounted ?? item.counted,
            period_start: periodStart,
            period_end: periodEnd,
          },
        });
      });
      return this.get(actor, id);
    },

    async removeIncome(actor: Actor, id: number, itemId: number) {
      const household = await findAccessible(actor, id);
      const item = await repos.households.findIncome(id, itemId);
      if (!item) {
        throw notFound('收入记录');
      }
      await tx(async (t) => {
        await t.households.deleteIncome(itemId);
        await recordAudit(t, actor, {
          action: 'household.income_remove',
          entityType: 'household',
          entityId: id,
          regionCode: household.region_code,
          old: {
            income_id: itemId,
            category: item.category,
            item: item.item,
            amount: Number(item.amount),
            period_start: item.period_start,
            period_end: item.period_end,
          },
        });
      });
      return this.get(actor, id);
    },

    /** The member's ID number and phone in clear, for a role allowed to see them; always audited. */
    async reveal(actor: Actor, id: number, personId: number) {
      const household = await findAccessible(actor, id);
      const person = await repos.households.findMember(id, personId);
      if (!person) {
        throw notFound('家庭成员');
      }
      if (actor.userId === null) {
        throw forbidden();
      }
      await recordAudit(repos, actor, {
        action: 'person.reveal',
        entityType: 'household',
        entityId: id,
        regionCode: household.region_code,
        new: { person_id: personId, name: person.name, fields: ['id_number', 'phone'] },
      });
      return {
        idNumber: secrets.decrypt(person.id_enc),
        phone: person.phone_enc ? secrets.decrypt(person.phone_enc) : null,
      };
    },
  };
}

export type HouseholdService = ReturnType<typeof createHouseholdService>;
