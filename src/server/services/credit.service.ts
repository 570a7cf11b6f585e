import { createHash } from 'node:crypto';
import { addMonths } from '../../shared/calendar.js';
import { isLiveStage, isUnderMonitoring } from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import {
  addMoney,
  ageOn,
  allowedLoanActions,
  CREDIT_RULES,
  cents,
  compareMoney,
  computeSubsidy,
  type DpdBucket,
  dpdBucket,
  formatCents,
  type LoanAction,
  type LoanActor,
  type LoanStatus,
  MAX_EXTENSIONS,
  MAX_RENEWALS,
  millionths,
  NPL_BREAKERS,
  nextLoanStatus,
  OUTSTANDING_STATUSES,
  overdueRanges,
  quartersBetween,
  RENEWAL_CAUSE_LABELS,
  type RenewalCause,
  statusForDaysPastDue,
  subsidyScheduleProblem,
} from '../../shared/credit.js';
import { idFacts } from '../../shared/id-number.js';
import { BANK_DEPARTMENT } from '../../shared/roles.js';
import type { Secrets } from '../adapters/secrets.js';
import { readSpreadsheet } from '../adapters/spreadsheet.js';
import { BANK_FILE_TEMPLATE, parseBankFileRows } from '../domain/bank-file-rows.js';
import { normaliseIdInput } from '../domain/id-input.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { LoanAccess } from '../repositories/credit.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

export interface LoanApplication {
  idNumber: string;
  bankId: number;
  amount: string;
  termMonths: number;
  ratePercent: string;
  lprPercent: string;
  purposeCode: string;
  purpose?: string | null | undefined;
  appliedOn?: string | undefined;
  oldPolicy?: boolean | undefined;
}

export interface LoanStep {
  action: LoanAction;
  version: number;
  onDate?: string | undefined;
  creditGrade?: string | undefined;
  contractNo?: string | undefined;
  ratePercent?: string | undefined;
  cause?: RenewalCause | undefined;
  maturityOn?: string | undefined;
  amount?: string | undefined;
  note?: string | null | undefined;
}

const MAX_ROWS = 200_000;
const UNIQUE_VIOLATION = '23505';
const ELIGIBLE_TYPES = ['exited_poverty', 'monitored'];
const STEP_LABELS: Record<string, string> = {
  apply: '申请',
  endorse: '村级推荐',
  rate: '评级授信',
  approve: '审批',
  refuse: '不予贷款',
  disburse: '放款',
  repay: '还款',
  dpd: '逾期情况',
  renew: '续贷',
  extend: '展期',
  compensate: '风险补偿代偿',
  recover: '追偿',
  write_off: '核销',
  bank_report: '银行文件',
};

type LoanRecord = NonNullable<Awaited<ReturnType<Repositories['credit']['findLoan']>>>;

/**
 * Microcredit (小额信贷): applications by the village, the bank's rating, approval and lending, repayments and
 * days past due reported by the bank (one at a time or as a file), renewals and extensions with a cause, and the
 * county's risk fund. A disbursed loan to a household on a live case becomes its finance measure in the same
 * transaction. Bank users see only their bank's loans and files; a record outside the actor's reach is a 404.
 */
export function createCreditService(deps: { repos: Repositories; tx: RunInTransaction; secrets: Secrets }) {
  const { repos, tx, secrets } = deps;

  async function bankIdOf(actor: Actor): Promise<number | null> {
    if (actor.role !== 'department' || actor.department !== BANK_DEPARTMENT || actor.userId === null) {
      return null;
    }
    return (await repos.credit.bankOfUser(actor.userId))?.bank_id ?? null;
  }

  async function accessOf(actor: Actor): Promise<LoanAccess> {
    if (actor.role === 'department') {
      const bankId = await bankIdOf(actor);
      // Other departments have no loans of their own: they see none.
      return bankId === null ? { scope: [] } : { bankId };
    }
    return { scope: actor.scope };
  }

  async function requireBank(actor: Actor): Promise<number> {
    const bankId = await bankIdOf(actor);
    if (bankId === null) {
      throw forbidden('只有银行用户可以报送贷款发放、还款和逾期情况');
    }
    return bankId;
  }

  const visible = (access: LoanAccess, loan: { bank_id: number; region_code: string }) =>
    'bankId' in access
      ? loan.bank_id === access.bankId
      : access.scope.some((p) => loan.region_code.startsWith(p));

  /** Inside a transaction pass its repositories and the access found before it (PGlite: one connection). */
  async function findVisible(
    actor: Actor,
    id: number,
    r: Repositories = repos,
    known?: LoanAccess,
  ): Promise<LoanRecord> {
    const access = known ?? (await accessOf(actor));
    const loan = await r.credit.findLoan(id);
    if (!loan || !visible(access, loan)) {
      throw notFound('贷款');
    }
    return loan;
  }

  const actorKind = (actor: Actor, bankId: number | null): LoanActor | null =>
    bankId !== null
      ? 'bank'
      : actor.role === 'county' || actor.role === 'township' || actor.role === 'village'
        ? actor.role
        : null;

  const loanView = (l: LoanRecord) => ({
    id: Number(l.id),
    householdId: Number(l.household_id),
    householdNo: l.household_no,
    householdType: l.household_type,
    borrowerName: l.borrower_name,
    borrowerIdMasked: l.borrower_id_masked,
    regionCode: l.region_code,
    villageName: l.village_name,
    townName: l.town_name,
    bankId: Number(l.bank_id),
    bankName: l.bank_name,
    contractNo: l.contract_no,
    amount: l.amount,
    subsidisedAmount: formatCents(
      cents(l.amount) < cents(CREDIT_RULES.subsidisedCap)
        ? cents(l.amount)
        : cents(CREDIT_RULES.subsidisedCap),
    ),
    ratePercent: l.rate_percent,
    lprPercent: l.lpr_percent,
    termMonths: l.term_months,
    purposeCode: l.purpose_code,
    purpose: l.purpose,
    oldPolicy: l.old_policy,
    status: l.status,
    creditGrade: l.credit_grade,
    appliedOn: l.applied_on,
    disbursedOn: l.disbursed_on,
    maturityOn: l.maturity_on,
    settledOn: l.settled_on,
    principalOutstanding: l.principal_outstanding,
    daysPastDue: l.days_past_due,
    dpdBucket: l.dpd_bucket,
    statusAsOf: l.status_as_of,
    renewals: l.renewals,
    extensions: l.extensions,
    version: l.version,
  });

  async function event(
    t: Repositories,
    actor: Actor,
    loan: { id: number; county_code: string },
    e: {
      action: string;
      from: LoanStatus | null;
      to: LoanStatus;
      onDate: string;
      amount?: string | null;
      cause?: string | null;
      note?: string | null;
    },
  ) {
    await t.credit.insertEvent({
      loan_id: loan.id,
      county_code: loan.county_code,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      on_date: e.onDate,
      amount: e.amount ?? null,
      cause: e.cause ?? null,
      note: e.note ?? null,
      actor_id: actor.userId,
      actor_name: actor.displayName || actor.username,
    });
  }

  /** The finance measure (金融帮扶, 100A41) on the household's live case, pointing back to the loan. */
  async function addLoanMeasure(t: Repositories, loan: LoanRecord, disbursedOn: string, maturityOn: string) {
    const live = await t.cases.liveFor(Number(loan.household_id));
    if (!live || !isLiveStage(live.stage) || !(isUnderMonitoring(live.stage) || live.green_channel)) {
      return null;
    }
    return t.measures.insert({
      case_id: live.id,
      household_id: loan.household_id,
      county_code: loan.county_code,
      category: 'finance',
      item: `小额信贷 ${loan.amount} 元`,
      starts_on: disbursedOn,
      ends_on: maturityOn,
      amount: loan.amount,
      provider: loan.bank_name,
      note: loan.contract_no ? `合同编号 ${loan.contract_no}` : null,
      created_by: null,
      source_kind: 'loan',
      source_id: loan.id,
    });
  }

  const requireDate = (value: string | undefined, today: string, field: string) => {
    const date = value ?? today;
    if (date > today) {
      throw validation('日期不能晚于今天', { field });
    }
    return date;
  };

  /** The subsidy schedule in force: the newest version. */
  async function currentEpochs() {
    return (await repos.credit.epochs()).map((e) => ({
      version: e.version,
      appliesTo: e.applies_to,
      fromOn: e.from_on,
      toOn: e.to_on,
      rate: e.rate,
      principalCap: e.principal_cap,
      note: e.note,
    }));
  }

  return {
    async banks(actor: Actor) {
      const bankId = await bankIdOf(actor);
      const rows =
        bankId !== null
          ? [await repos.credit.findBank(bankId)].filter((b) => b !== undefined)
          : await repos.credit.listBanks(actor.role === 'department' ? [] : actor.scope);
      return rows.map((b) => ({ id: Number(b.id), countyCode: b.county_code, name: b.name }));
    },

    async createBank(actor: Actor, input: { countyCode: string; name: string }) {
      if (
        !actor.scope.some((p) => input.countyCode.startsWith(p) || p.startsWith(input.countyCode.slice(0, 6)))
      ) {
        throw notFound('区划');
      }
      const county = await repos.regions.findByCode(input.countyCode);
      if (county?.level !== 'county') {
        throw validation('请选择一个县（市、区）', { field: 'countyCode' });
      }
      return tx(async (t) => {
        const id = await t.credit.insertBank(county.code, input.name);
        await recordAudit(t, actor, {
          action: 'bank.create',
          entityType: 'bank',
          entityId: id,
          regionCode: county.code,
          new: input,
        });
        return { id, countyCode: county.code, name: input.name };
      });
    },

    /**
     * A new subsidy schedule (the city's, as the province sets the shares): the whole schedule as a new version,
     * checked for order, overlaps and gaps; the 贴息台账 reads the newest version.
     */
    async updateEpochs(
      actor: Actor,
      input: {
        version: number;
        epochs: Array<{
          appliesTo: 'new' | 'old';
          fromOn: string;
          toOn: string | null;
          rate: string;
          principalCap: string;
          note?: string | null | undefined;
        }>;
      },
    ) {
      const problem = subsidyScheduleProblem(input.epochs);
      if (problem) {
        throw validation(problem, { field: 'epochs' });
      }
      await tx(async (t) => {
        const current = (await t.credit.epochs())[0]?.version ?? 0;
        if (current !== input.version) {
          throw conflict('贴息政策已被他人修改，请刷新后重试');
        }
        await t.credit.insertEpochVersion(
          current + 1,
          input.epochs.map((e) => ({
            applies_to: e.appliesTo,
            from_on: e.fromOn,
            to_on: e.toOn,
            rate: e.rate,
            principal_cap: e.principalCap,
            note: e.note ?? null,
          })),
        );
        await recordAudit(t, actor, {
          action: 'credit_subsidy.update',
          entityType: 'credit_subsidy_epoch',
          entityId: current + 1,
          regionCode: actor.regionCode,
          new: input.epochs,
        });
      });
      return currentEpochs();
    },

    epochs: currentEpochs,

    async list(
      actor: Actor,
      input: {
        status?: LoanStatus[] | undefined;
        bucket?: DpdBucket[] | undefined;
        regionCode?: string | undefined;
        q?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const access = await accessOf(actor);
      if (
        input.regionCode &&
        'scope' in access &&
        !access.scope.some((p) => input.regionCode?.startsWith(p))
      ) {
        throw notFound('区划');
      }
      const { rows, total } = await repos.credit.listLoans({
        access,
        statuses: input.status,
        buckets: input.bucket,
        regionPrefix: input.regionCode?.replace(/(000)+$/, ''),
        q: input.q,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: rows.map(loanView), total };
    },

    async get(actor: Actor, id: number) {
      const loan = await findVisible(actor, id);
      const bankId = await bankIdOf(actor);
      const [events, repayments, history, epochs] = await Promise.all([
        repos.credit.events(id),
        repos.credit.repayments(id),
        repos.credit.dpdHistory(id),
        repos.credit.epochs(),
      ]);
      const today = clock().today();
      const yearStart = `${today.slice(0, 4)}-01-01`;
      const subsidy = loan.disbursed_on
        ? computeSubsidy(
            {
              amount: loan.amount,
              ratePercent: loan.rate_percent,
              disbursedOn: loan.disbursed_on,
              settledOn: loan.settled_on,
              oldPolicy: loan.old_policy,
              repayments: repayments.map((r) => ({ paidOn: r.paid_on, principal: r.principal })),
              overdue: overdueRanges(
                history.map((h) => ({ fromOn: h.from_on, bucket: h.bucket })),
                today,
              ),
            },
            epochs.map((e) => ({
              version: e.version,
              appliesTo: e.applies_to,
              fromOn: e.from_on,
              toOn: e.to_on,
              rate: e.rate,
              principalCap: e.principal_cap,
            })),
            { fromOn: yearStart, toOn: today },
          )
        : null;
      const kind = actorKind(actor, bankId);
      return {
        ...loanView(loan),
        allowedActions: kind ? allowedLoanActions(loan.status, kind) : [],
        canReport: bankId !== null && OUTSTANDING_STATUSES.includes(loan.status),
        subsidyThisYear: subsidy
          ? {
              fromOn: yearStart,
              toOn: today,
              interest: subsidy.interest,
              subsidisableInterest: subsidy.subsidisableInterest,
              subsidy: subsidy.subsidy,
            }
          : null,
        events: events.map((e) => ({
          id: Number(e.id),
          action: e.action,
          actionLabel: STEP_LABELS[e.action] ?? e.action,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          onDate: e.on_date,
          amount: e.amount,
          cause: e.cause,
          note: e.note,
          actorName: e.actor_name,
        })),
        repayments: repayments.map((r) => ({
          id: Number(r.id),
          paidOn: r.paid_on,
          principal: r.principal,
          interest: r.interest,
          bankFileId: r.bank_file_id === null ? null : Number(r.bank_file_id),
        })),
        dpdHistory: history.map((h) => ({
          fromOn: h.from_on,
          daysPastDue: h.days_past_due,
          bucket: h.bucket,
        })),
      };
    },

    /** 申请: the village (or township, county) records a household member's application. */
    async apply(actor: Actor, input: LoanApplication) {
      const today = clock().today();
      const appliedOn = requireDate(input.appliedOn, today, 'appliedOn');
      const id = normaliseIdInput(input.idNumber);
      if (!id.ok) {
        throw validation(id.reason, { field: 'idNumber' });
      }
      const person = await repos.credit.personByIdHash(secrets.hash(id.id));
      if (!person || !actor.scope.some((p) => person.region_code.startsWith(p))) {
        throw notFound('借款人');
      }
      if (!ELIGIBLE_TYPES.includes(person.household_type)) {
        throw validation('小额信贷对象为脱贫户和监测对象', { field: 'idNumber' });
      }
      const age = ageOn(idFacts(id.id).birthDate, appliedOn);
      if (age < CREDIT_RULES.minAge || age > CREDIT_RULES.maxAge) {
        throw validation(
          `借款人须年满 ${CREDIT_RULES.minAge} 周岁且不超过 ${CREDIT_RULES.maxAge} 周岁（现 ${age} 岁）`,
          {
            field: 'idNumber',
          },
        );
      }
      const bank = await repos.credit.findBank(input.bankId);
      if (!bank || bank.county_code !== person.county_code) {
        throw validation('请选择借款人所在县的承贷银行', { field: 'bankId' });
      }
      if (millionths(input.ratePercent) > millionths(input.lprPercent)) {
        throw validation('执行利率不得高于同期 LPR', { field: 'ratePercent' });
      }
      const outstanding = await repos.credit.householdOutstanding(person.household_id, null);
      if (compareMoney(addMoney(outstanding, input.amount), CREDIT_RULES.householdCap) > 0) {
        throw validation(
          `每户贷款合计不超过 ${CREDIT_RULES.householdCap} 元（在贷及申请中 ${outstanding} 元）`,
          {
            field: 'amount',
          },
        );
      }
      const loanId = await tx(async (t) => {
        const newId = await t.credit.insertLoan({
          county_code: person.county_code,
          town_code: person.town_code,
          region_code: person.region_code,
          household_id: person.household_id,
          person_id: person.person_id,
          bank_id: bank.id,
          amount: input.amount,
          rate_percent: input.ratePercent,
          lpr_percent: input.lprPercent,
          term_months: input.termMonths,
          purpose_code: input.purposeCode,
          purpose: input.purpose ?? null,
          old_policy: input.oldPolicy ?? false,
          applied_on: appliedOn,
          created_by: actor.userId,
        });
        await event(
          t,
          actor,
          { id: newId, county_code: person.county_code },
          {
            action: 'apply',
            from: null,
            to: 'applied',
            onDate: appliedOn,
            amount: input.amount,
          },
        );
        await recordAudit(t, actor, {
          action: 'loan.apply',
          entityType: 'loan',
          entityId: newId,
          regionCode: person.region_code,
          new: { ...input, idNumber: person.id_masked },
        });
        return newId;
      });
      return this.get(actor, loanId);
    },

    /** One lifecycle step; the state machine (shared/credit.ts) names who may take it from which status. */
    async act(actor: Actor, id: number, step: LoanStep) {
      const today = clock().today();
      const onDate = requireDate(step.onDate, today, 'onDate');
      const bankId = await bankIdOf(actor);
      const access = await accessOf(actor);
      await tx(async (t) => {
        const loan = await findVisible(actor, id, t, access);
        const kind = actorKind(actor, bankId);
        const to = kind ? nextLoanStatus(loan.status, step.action, kind) : null;
        if (!to) {
          throw conflict(`贷款当前为“${loan.status}”，不能由本级执行“${STEP_LABELS[step.action]}”`);
        }
        const changes: Parameters<Repositories['credit']['updateLoanIfVersion']>[2] = { status: to };
        let amount: string | null = null;
        let cause: string | null = null;
        switch (step.action) {
          case 'rate':
            if (!step.creditGrade) {
              throw validation('请填写信用评级', { field: 'creditGrade' });
            }
            changes.credit_grade = step.creditGrade;
            break;
          case 'approve':
            if (!step.contractNo) {
              throw validation('请填写借款合同编号', { field: 'contractNo' });
            }
            if (step.ratePercent && millionths(step.ratePercent) > millionths(loan.lpr_percent)) {
              throw validation('执行利率不得高于同期 LPR', { field: 'ratePercent' });
            }
            changes.contract_no = step.contractNo;
            if (step.ratePercent) {
              changes.rate_percent = step.ratePercent;
            }
            break;
          case 'refuse':
            if (!step.note) {
              throw validation('请填写不予贷款的原因', { field: 'note' });
            }
            break;
          case 'disburse': {
            const maturityOn = addMonths(onDate, loan.term_months);
            changes.disbursed_on = onDate;
            changes.maturity_on = maturityOn;
            changes.principal_outstanding = loan.amount;
            changes.status_as_of = onDate;
            amount = loan.amount;
            await addLoanMeasure(t, loan, onDate, maturityOn);
            break;
          }
          case 'renew':
          case 'extend': {
            const isRenew = step.action === 'renew';
            if (!step.cause) {
              throw validation('续贷、展期须说明原因（因病、因灾、市场波动等客观原因）', { field: 'cause' });
            }
            if (isRenew ? loan.renewals >= MAX_RENEWALS : loan.extensions >= MAX_EXTENSIONS) {
              throw conflict(
                `每笔贷款最多${isRenew ? '续贷' : '展期'} ${isRenew ? MAX_RENEWALS : MAX_EXTENSIONS} 次`,
              );
            }
            if (!step.maturityOn || !loan.maturity_on || step.maturityOn <= loan.maturity_on) {
              throw validation('新的到期日须晚于原到期日', { field: 'maturityOn' });
            }
            changes.maturity_on = step.maturityOn;
            changes.days_past_due = 0;
            changes.dpd_bucket = 'current';
            changes.status_as_of = onDate;
            if (isRenew) {
              changes.renewals = loan.renewals + 1;
            } else {
              changes.extensions = loan.extensions + 1;
            }
            if (loan.dpd_bucket !== 'current') {
              await t.credit.insertDpdHistory({
                loanId: id,
                countyCode: loan.county_code,
                fromOn: onDate,
                days: 0,
                bucket: 'current',
              });
            }
            cause = `${RENEWAL_CAUSE_LABELS[step.cause]}`;
            break;
          }
          case 'compensate': {
            // The fund covers its share of the confirmed loss; the bank carries the rest (default 70 / 30).
            const share = millionths(CREDIT_RULES.riskFundShare);
            const due = (cents(loan.principal_outstanding) * share * 2n + 1_000_000n) / 2_000_000n;
            amount = formatCents(due);
            const balance = await t.credit.fundBalance(loan.county_code);
            if (compareMoney(balance, amount) < 0) {
              throw conflict(`风险补偿金余额 ${balance} 元，不足代偿 ${amount} 元`);
            }
            await t.credit.insertFundEntry({
              countyCode: loan.county_code,
              entryOn: onDate,
              kind: 'compensation',
              amount,
              loanId: id,
              note: step.note ?? null,
              createdBy: actor.userId,
            });
            break;
          }
          case 'recover':
            if (!step.amount || cents(step.amount) <= 0n) {
              throw validation('请填写追回金额', { field: 'amount' });
            }
            amount = step.amount;
            await t.credit.insertFundEntry({
              countyCode: loan.county_code,
              entryOn: onDate,
              kind: 'recovery',
              amount,
              loanId: id,
              note: step.note ?? null,
              createdBy: actor.userId,
            });
            break;
          default:
            break;
        }
        if (!(await t.credit.updateLoanIfVersion(id, step.version, changes))) {
          throw conflict('该贷款已被他人修改，请刷新后重试');
        }
        await event(t, actor, loan, {
          action: step.action,
          from: loan.status,
          to,
          onDate,
          amount,
          cause,
          note: step.note ?? null,
        });
        await recordAudit(t, actor, {
          action: `loan.${step.action}`,
          entityType: 'loan',
          entityId: id,
          regionCode: loan.region_code,
          old: { status: loan.status },
          new: { status: to, ...step },
        });
      });
      return this.get(actor, id);
    },

    /** A repayment the bank reports for one loan; the balance falls, and a loan repaid in full is settled. */
    async repay(
      actor: Actor,
      id: number,
      input: { version: number; paidOn: string; principal: string; interest: string },
    ) {
      const access: LoanAccess = { bankId: await requireBank(actor) };
      const today = clock().today();
      const paidOn = requireDate(input.paidOn, today, 'paidOn');
      await tx(async (t) => {
        const loan = await findVisible(actor, id, t, access);
        if (!OUTSTANDING_STATUSES.includes(loan.status)) {
          throw conflict('只有在贷的贷款可以登记还款');
        }
        if (loan.disbursed_on && paidOn < loan.disbursed_on) {
          throw validation('还款日期不能早于放款日期', { field: 'paidOn' });
        }
        if (compareMoney(input.principal, loan.principal_outstanding) > 0) {
          throw validation(`还款本金超过贷款余额 ${loan.principal_outstanding} 元`, { field: 'principal' });
        }
        if (
          !(await t.credit.insertRepayment({
            loanId: id,
            countyCode: loan.county_code,
            paidOn,
            principal: input.principal,
            interest: input.interest,
            createdBy: actor.userId,
          }))
        ) {
          throw conflict('这笔还款已经登记过');
        }
        const outstanding = formatCents(cents(loan.principal_outstanding) - cents(input.principal));
        const settled = cents(outstanding) === 0n;
        const changes: Parameters<Repositories['credit']['updateLoanIfVersion']>[2] = {
          principal_outstanding: outstanding,
          status_as_of: paidOn,
          ...(settled
            ? {
                status: 'settled' as const,
                settled_on: paidOn,
                days_past_due: 0,
                dpd_bucket: 'current' as const,
              }
            : {}),
        };
        if (!(await t.credit.updateLoanIfVersion(id, input.version, changes))) {
          throw conflict('该贷款已被他人修改，请刷新后重试');
        }
        await event(t, actor, loan, {
          action: 'repay',
          from: loan.status,
          to: settled ? 'settled' : loan.status,
          onDate: paidOn,
          amount: input.principal,
          note: `本金 ${input.principal} 元，利息 ${input.interest} 元`,
        });
        await recordAudit(t, actor, {
          action: 'loan.repay',
          entityType: 'loan',
          entityId: id,
          regionCode: loan.region_code,
          new: { ...input, outstanding },
        });
      });
      return this.get(actor, id);
    },

    /** Days past due the bank reports for one loan: the bucket and status follow, a bucket move is kept. */
    async reportDaysPastDue(
      actor: Actor,
      id: number,
      input: { version: number; asOf: string; daysPastDue: number },
    ) {
      const access: LoanAccess = { bankId: await requireBank(actor) };
      const asOf = requireDate(input.asOf, clock().today(), 'asOf');
      await tx(async (t) => {
        const loan = await findVisible(actor, id, t, access);
        if (!OUTSTANDING_STATUSES.includes(loan.status)) {
          throw conflict('只有在贷的贷款可以报送逾期情况');
        }
        const bucket = dpdBucket(input.daysPastDue);
        const status = statusForDaysPastDue(input.daysPastDue);
        if (
          !(await t.credit.updateLoanIfVersion(id, input.version, {
            days_past_due: input.daysPastDue,
            dpd_bucket: bucket,
            status,
            status_as_of: asOf,
          }))
        ) {
          throw conflict('该贷款已被他人修改，请刷新后重试');
        }
        if (bucket !== loan.dpd_bucket) {
          await t.credit.insertDpdHistory({
            loanId: id,
            countyCode: loan.county_code,
            fromOn: asOf,
            days: input.daysPastDue,
            bucket,
          });
        }
        if (status !== loan.status) {
          await event(t, actor, loan, {
            action: 'dpd',
            from: loan.status,
            to: status,
            onDate: asOf,
            note: `逾期 ${input.daysPastDue} 天`,
          });
        }
        await recordAudit(t, actor, {
          action: 'loan.dpd',
          entityType: 'loan',
          entityId: id,
          regionCode: loan.region_code,
          old: { daysPastDue: loan.days_past_due, status: loan.status },
          new: { ...input, bucket, status },
        });
      });
      return this.get(actor, id);
    },

    /**
     * A bank's repayment and status file: checked like the household import, staged and matched by ID number (and
     * contract) in SQL; any refused row refuses the file unless bad rows are skipped. The same file is taken once.
     */
    async importBankFile(
      actor: Actor,
      input: { file: Uint8Array; filename?: string | undefined; skipBadRows: boolean },
    ) {
      const bankId = await requireBank(actor);
      const bank = await repos.credit.findBank(bankId);
      if (!bank) {
        throw notFound('银行');
      }
      const sha256 = createHash('sha256').update(input.file).digest('hex');
      const earlier = await repos.credit.findAcceptedFile(bankId, sha256);
      if (earlier) {
        return { ...fileView({ ...earlier, bank_name: bank.name }), duplicate: true };
      }
      const sheet = await readSpreadsheet(input.file);
      if (sheet.length > MAX_ROWS + 10) {
        throw validation(`超过 ${MAX_ROWS} 行，请分批导入`);
      }
      const today = clock().today();
      const parsed = parseBankFileRows(sheet, today);
      const write = () =>
        tx(async (t) => {
          const totalRows = parsed.rows.length + parsed.problems.filter((p) => p.row > 1).length;
          const fileId = await t.credit.insertFile({
            bankId,
            countyCode: bank.county_code,
            filename: input.filename ?? null,
            sha256,
            status: 'refused',
            totalRows,
            acceptedRows: 0,
            refusedRows: parsed.problems.length,
            problems: parsed.problems,
            createdBy: actor.userId,
            createdByName: actor.username,
          });
          await t.credit.stageBankRows(
            parsed.rows.map((r) => ({
              rowNo: r.row,
              idHash: secrets.hash(r.idNumber),
              contractNo: r.contractNo,
              paidOn: r.paidOn,
              principal: r.principal,
              interest: r.interest,
              daysPastDue: r.daysPastDue,
              asOf: r.asOf,
            })),
          );
          const unmatched = await t.credit.matchBankRows(bankId);
          const problems = [...parsed.problems, ...unmatched].sort((a, b) => a.row - b.row);
          const bad = new Set(unmatched.map((p) => p.row));
          const accepted = parsed.rows.filter((r) => !bad.has(r.row)).length;
          const refuse = problems.length > 0 && (!input.skipBadRows || accepted === 0);
          const status = refuse ? 'refused' : problems.length > 0 ? 'partial' : 'imported';
          const applied = refuse
            ? { repayments: 0, loans: 0 }
            : await t.credit.applyBankRows(
                fileId,
                { id: actor.userId, name: actor.displayName || actor.username },
                [...bad],
                today,
              );
          await t.credit.setFileOutcome(fileId, {
            status,
            acceptedRows: refuse ? 0 : accepted,
            refusedRows: problems.length,
            problems,
            ...applied,
          });
          await recordAudit(t, actor, {
            action: 'bank_file.import',
            entityType: 'bank_file',
            entityId: fileId,
            regionCode: bank.county_code,
            new: {
              filename: input.filename ?? null,
              sha256,
              status,
              totalRows,
              refusedRows: problems.length,
              ...applied,
            },
          });
          return fileId;
        });
      try {
        const fileId = await write();
        const file = await repos.credit.findFile(fileId);
        if (!file) {
          throw notFound('银行文件');
        }
        return { ...fileView(file), duplicate: false };
      } catch (error) {
        const again =
          (error as { code?: string }).code === UNIQUE_VIOLATION
            ? await repos.credit.findAcceptedFile(bankId, sha256)
            : undefined;
        if (again) {
          return { ...fileView({ ...again, bank_name: bank.name }), duplicate: true };
        }
        throw error;
      }
    },

    async files(actor: Actor, page: { page: number; pageSize: number }) {
      const bankId = await bankIdOf(actor);
      const { rows, total } = await repos.credit.listFiles({
        bankId: actor.role === 'department' ? (bankId ?? -1) : null,
        scope: actor.scope,
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      });
      return { items: rows.map(fileView), total };
    },

    async file(actor: Actor, id: number) {
      const file = await repos.credit.findFile(id);
      const bankId = await bankIdOf(actor);
      const isVisible =
        file &&
        (actor.role === 'department'
          ? bankId !== null && Number(file.bank_id) === bankId
          : actor.scope.some((p) => file.county_code.startsWith(p.slice(0, 6))));
      if (!file || !isVisible) {
        throw notFound('银行文件');
      }
      return fileView(file);
    },

    template: () => `\uFEFF${BANK_FILE_TEMPLATE.join(',')}\r\n`,

    /** 获贷率, balance, 逾期率 and NPL rate per township and village, with the 5 % / 7 % breakers. */
    async indicators(actor: Actor, regionCode: string | undefined) {
      const prefix = regionCode?.replace(/(000)+$/, '');
      if (prefix !== undefined && !actor.scope.some((p) => prefix.startsWith(p))) {
        throw notFound('区划');
      }
      const scope = prefix === undefined ? actor.scope : [prefix];
      const rows = await repos.credit.indicators({ scope }, NPL_BREAKERS);
      return {
        breakers: { town: NPL_BREAKERS.town, village: NPL_BREAKERS.village },
        items: rows.map((r) => ({
          level: r.level,
          code: r.code,
          name: r.name,
          townCode: r.town_code,
          eligibleHouseholds: r.eligible,
          borrowerHouseholds: r.borrowers,
          balance: r.balance,
          overdueBalance: r.overdue_balance,
          nplBalance: r.npl_balance,
          loanRate: r.loan_rate,
          overdueRate: r.overdue_rate,
          nplRate: r.npl_rate,
          tripped: r.tripped,
        })),
      };
    },

    /** The 贴息台账 of one quarter (default: the current one), per loan, with the totals of the actor's reach. */
    async subsidyLedger(
      actor: Actor,
      input: { quarter?: string | undefined; page: number; pageSize: number },
    ) {
      const today = clock().today();
      const quarter = input.quarter ?? quartersBetween(today, today)[0]?.quarter ?? '';
      const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(5))];
      const period = quartersBetween(
        `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`,
        `${year}-12-31`,
      )[0];
      if (!period) {
        throw validation('季度格式如 2026Q3', { field: 'quarter' });
      }
      const toOn = period.toOn < today ? period.toOn : today;
      const access = await accessOf(actor);
      const rows = await repos.credit.subsidyLedger({
        access,
        fromOn: period.fromOn,
        toOn,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      const loans = new Map(
        (await repos.credit.loansByIds(rows.map((r) => Number(r.loan_id)))).map((l) => [Number(l.id), l]),
      );
      const first = rows[0];
      return {
        quarter: period.quarter,
        fromOn: period.fromOn,
        toOn,
        total: first?.total_rows ?? 0,
        totals: {
          interest: first?.total_interest ?? '0.00',
          subsidisableInterest: first?.total_subsidisable ?? '0.00',
          subsidy: first?.total_subsidy ?? '0.00',
        },
        items: rows.flatMap((r) => {
          const loan = loans.get(Number(r.loan_id));
          return loan
            ? [
                {
                  loanId: Number(r.loan_id),
                  borrowerName: loan.borrower_name,
                  borrowerIdMasked: loan.borrower_id_masked,
                  villageName: loan.village_name,
                  townName: loan.town_name,
                  bankName: loan.bank_name,
                  contractNo: loan.contract_no,
                  amount: loan.amount,
                  ratePercent: loan.rate_percent,
                  oldPolicy: loan.old_policy,
                  interest: r.interest,
                  subsidisableInterest: r.subsidisable,
                  subsidy: r.subsidy,
                },
              ]
            : [];
        }),
      };
    },

    async riskFund(actor: Actor, page: { page: number; pageSize: number }) {
      const counties = [...new Set(actor.scope.map((p) => p.slice(0, 6)))];
      const { rows, total, balances } = await repos.credit.riskFund(
        counties,
        page.pageSize,
        (page.page - 1) * page.pageSize,
      );
      return {
        balances: balances.map((b) => ({
          countyCode: b.county_code,
          name: b.name,
          deposits: b.deposits,
          compensations: b.compensations,
          recoveries: b.recoveries,
          balance: b.balance,
        })),
        items: rows.map((e) => ({
          id: Number(e.id),
          countyCode: e.county_code,
          entryOn: e.entry_on,
          kind: e.kind,
          amount: e.amount,
          loanId: e.loan_id === null ? null : Number(e.loan_id),
          borrowerName: e.borrower_name,
          contractNo: e.contract_no,
          note: e.note,
        })),
        total,
      };
    },

    /** 风险补偿金 paid in by the county (finance). */
    async deposit(
      actor: Actor,
      input: { amount: string; entryOn?: string | undefined; note?: string | null | undefined },
    ) {
      const countyCode = `${actor.regionCode.slice(0, 6)}000000`;
      const entryOn = requireDate(input.entryOn, clock().today(), 'entryOn');
      if (cents(input.amount) <= 0n) {
        throw validation('金额须大于 0', { field: 'amount' });
      }
      return tx(async (t) => {
        const id = await t.credit.insertFundEntry({
          countyCode,
          entryOn,
          kind: 'deposit',
          amount: input.amount,
          loanId: null,
          note: input.note ?? null,
          createdBy: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'risk_fund.deposit',
          entityType: 'risk_fund_entry',
          entityId: id,
          regionCode: countyCode,
          new: { ...input, entryOn },
        });
        return { id, balance: await t.credit.fundBalance(countyCode) };
      });
    },
  };

  function fileView(f: {
    id: number;
    bank_id: number;
    bank_name: string;
    filename: string | null;
    sha256: string;
    status: 'imported' | 'partial' | 'refused';
    total_rows: number;
    accepted_rows: number;
    refused_rows: number;
    repayments_added: number;
    loans_updated: number;
    problems: unknown;
    created_by_name: string;
    created_at: Date;
  }) {
    return {
      id: Number(f.id),
      bankId: Number(f.bank_id),
      bankName: f.bank_name,
      filename: f.filename,
      sha256: f.sha256,
      status: f.status,
      totalRows: f.total_rows,
      acceptedRows: f.accepted_rows,
      refusedRows: f.refused_rows,
      repaymentsAdded: f.repayments_added,
      loansUpdated: f.loans_updated,
      problems: f.problems as Array<{ row: number; reason: string }>,
      createdByName: f.created_by_name,
      createdAt: new Date(f.created_at).toISOString(),
    };
  }
}

export type CreditService = ReturnType<typeof createCreditService>;
