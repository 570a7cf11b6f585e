import { z } from 'zod';
import {
  DPD_BUCKETS,
  LOAN_ACTIONS,
  LOAN_PURPOSES,
  LOAN_STATUSES,
  RENEWAL_CAUSES,
} from '../../shared/credit.js';
import { text, ZBooleanQuery, ZIsoDate, ZPage } from './common.schema.js';

const ZDate = z.iso.date();
/** Money as a decimal string of 元 with at most two decimals (exact; never a float). */
export const ZMoneyString = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, '金额格式如 50000 或 50000.00')
  .transform((v) => (v.includes('.') ? v.padEnd(v.indexOf('.') + 3, '0') : `${v}.00`));
const ZMoneyOut = z.string().describe('元, decimal string');
const ZPercent = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,4})?$/, '利率为年利率百分数，如 3.45');

export const ZBank = z.object({ id: z.number().int(), countyCode: z.string(), name: z.string() });
export const ZBankInput = z.object({
  countyCode: z.string().trim().length(12),
  name: z.string().trim().min(2).max(60),
});

export const ZSubsidyEpochInput = z.object({
  appliesTo: z.enum(['new', 'old']).describe('new: loans under the 2021 policy; old: earlier 扶贫小额信贷'),
  fromOn: ZIsoDate,
  toOn: ZIsoDate.nullable().describe('null: runs on'),
  rate: z
    .string()
    .trim()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '贴息比例应为 0 至 1 之间的小数，如 0.7')
    .describe('Share of the interest subsidised, 0–1'),
  principalCap: ZMoneyString.describe('Principal the subsidy applies to, 元'),
  note: text(200).nullable().optional(),
});
export const ZSubsidyScheduleUpdate = z.object({
  version: z.number().int().positive().describe('The version the user saw; a newer one gets 409'),
  epochs: z.array(ZSubsidyEpochInput).min(2).max(20),
});

export const ZSubsidyEpoch = z.object({
  version: z.number().int(),
  appliesTo: z.enum(['new', 'old']),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  rate: z.string(),
  principalCap: z.string(),
  note: z.string().nullable(),
});

export const ZLoan = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  householdType: z.string(),
  borrowerName: z.string(),
  borrowerIdMasked: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  townName: z.string(),
  bankId: z.number().int(),
  bankName: z.string(),
  contractNo: z.string().nullable(),
  amount: ZMoneyOut,
  subsidisedAmount: ZMoneyOut.describe('The part of the amount that can be subsidised (≤ 50,000)'),
  ratePercent: z.string(),
  lprPercent: z.string(),
  termMonths: z.number().int(),
  purposeCode: z.string(),
  purpose: z.string().nullable(),
  oldPolicy: z.boolean(),
  status: z.enum(LOAN_STATUSES),
  creditGrade: z.string().nullable(),
  appliedOn: z.string(),
  disbursedOn: z.string().nullable(),
  maturityOn: z.string().nullable(),
  settledOn: z.string().nullable(),
  principalOutstanding: ZMoneyOut,
  daysPastDue: z.number().int(),
  dpdBucket: z.enum(DPD_BUCKETS),
  statusAsOf: z.string().nullable(),
  renewals: z.number().int(),
  extensions: z.number().int(),
  version: z.number().int(),
});

export const ZLoanList = z.object({ items: z.array(ZLoan), total: z.number().int() });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((v) => v.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)));

export const ZLoanListQuery = ZPage.extend({
  status: csv(LOAN_STATUSES).optional().describe('Comma-separated statuses'),
  bucket: csv(DPD_BUCKETS).optional().describe('Comma-separated days-past-due buckets'),
  regionCode: z.string().max(12).optional(),
  q: z.string().trim().max(64).optional(),
});

export const ZLoanDetail = ZLoan.extend({
  allowedActions: z.array(z.enum(LOAN_ACTIONS)),
  canReport: z.boolean().describe('The actor is the bank and may report repayments and days past due'),
  subsidyThisYear: z
    .object({
      fromOn: z.string(),
      toOn: z.string(),
      interest: ZMoneyOut,
      subsidisableInterest: ZMoneyOut,
      subsidy: ZMoneyOut,
    })
    .nullable(),
  events: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      actionLabel: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      onDate: z.string(),
      amount: z.string().nullable(),
      cause: z.string().nullable(),
      note: z.string().nullable(),
      actorName: z.string(),
    }),
  ),
  repayments: z.array(
    z.object({
      id: z.number().int(),
      paidOn: z.string(),
      principal: ZMoneyOut,
      interest: ZMoneyOut,
      bankFileId: z.number().int().nullable(),
    }),
  ),
  dpdHistory: z.array(
    z.object({ fromOn: z.string(), daysPastDue: z.number().int(), bucket: z.enum(DPD_BUCKETS) }),
  ),
});

export const ZLoanId = z.object({ id: z.coerce.number().int().positive() });

export const ZLoanApplication = z.object({
  idNumber: z
    .string()
    .trim()
    .min(15)
    .max(20)
    .describe('The borrower’s ID number (a member of the household)'),
  bankId: z.number().int().positive(),
  amount: ZMoneyString,
  termMonths: z.number().int().min(1).max(36),
  ratePercent: ZPercent,
  lprPercent: ZPercent,
  purposeCode: z
    .enum(LOAN_PURPOSES, { error: `贷款用途应为：${LOAN_PURPOSES.join('、')}` })
    .describe('Industry code of the use (种植、养殖、加工…): production and business only'),
  purpose: z.string().trim().max(200).nullable().optional(),
  appliedOn: ZDate.optional(),
  oldPolicy: z.boolean().optional(),
});

export const ZLoanStep = z.object({
  action: z.enum(LOAN_ACTIONS),
  version: z.number().int().positive(),
  onDate: ZDate.optional(),
  creditGrade: z.string().trim().min(1).max(20).optional(),
  contractNo: z.string().trim().min(1).max(60).optional(),
  ratePercent: ZPercent.optional(),
  cause: z.enum(RENEWAL_CAUSES).optional(),
  maturityOn: ZDate.optional(),
  amount: ZMoneyString.optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const ZRepayment = z.object({
  version: z.number().int().positive(),
  paidOn: ZDate,
  principal: ZMoneyString,
  interest: ZMoneyString,
});

export const ZDaysPastDue = z.object({
  version: z.number().int().positive(),
  asOf: ZDate,
  daysPastDue: z.number().int().min(0).max(10_000),
});

export const ZBankFile = z.object({
  id: z.number().int(),
  bankId: z.number().int(),
  bankName: z.string(),
  filename: z.string().nullable(),
  sha256: z.string(),
  status: z.enum(['imported', 'partial', 'refused']),
  totalRows: z.number().int(),
  acceptedRows: z.number().int(),
  refusedRows: z.number().int(),
  repaymentsAdded: z.number().int(),
  loansUpdated: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const ZBankFileResult = ZBankFile.extend({
  duplicate: z.boolean().describe('The same file was already taken: nothing changed'),
});
export const ZBankFileList = z.object({ items: z.array(ZBankFile), total: z.number().int() });
export const ZBankFileQuery = z.object({
  filename: z.string().max(200).optional(),
  skipBadRows: ZBooleanQuery.default(false),
});

export const ZIndicatorQuery = z.object({ regionCode: z.string().max(12).optional() });
export const ZIndicators = z.object({
  breakers: z.object({ town: z.string(), village: z.string() }).describe('NPL rate limits in per cent'),
  items: z.array(
    z.object({
      level: z.enum(['town', 'village']),
      code: z.string(),
      name: z.string(),
      townCode: z.string(),
      eligibleHouseholds: z.number().int(),
      borrowerHouseholds: z.number().int(),
      balance: ZMoneyOut,
      overdueBalance: ZMoneyOut,
      nplBalance: ZMoneyOut,
      loanRate: z.string().nullable().describe('获贷率 %'),
      overdueRate: z.string().nullable().describe('逾期率 % of balance'),
      nplRate: z.string().nullable().describe('不良率 % of balance'),
      tripped: z.boolean().describe('The NPL rate is above the breaker of its level'),
    }),
  ),
});

export const ZSubsidyLedgerQuery = ZPage.extend({
  quarter: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, '季度格式如 2026Q3')
    .optional(),
});
export const ZSubsidyLedger = z.object({
  quarter: z.string(),
  fromOn: z.string(),
  toOn: z.string(),
  total: z.number().int(),
  totals: z.object({ interest: ZMoneyOut, subsidisableInterest: ZMoneyOut, subsidy: ZMoneyOut }),
  items: z.array(
    z.object({
      loanId: z.number().int(),
      borrowerName: z.string(),
      borrowerIdMasked: z.string(),
      villageName: z.string(),
      townName: z.string(),
      bankName: z.string(),
      contractNo: z.string().nullable(),
      amount: ZMoneyOut,
      ratePercent: z.string(),
      oldPolicy: z.boolean(),
      interest: ZMoneyOut,
      subsidisableInterest: ZMoneyOut,
      subsidy: ZMoneyOut,
    }),
  ),
});

export const ZRiskFund = z.object({
  balances: z.array(
    z.object({
      countyCode: z.string(),
      name: z.string(),
      deposits: ZMoneyOut,
      compensations: ZMoneyOut,
      recoveries: ZMoneyOut,
      balance: ZMoneyOut,
    }),
  ),
  items: z.array(
    z.object({
      id: z.number().int(),
      countyCode: z.string(),
      entryOn: z.string(),
      kind: z.enum(['deposit', 'compensation', 'recovery']),
      amount: ZMoneyOut,
      loanId: z.number().int().nullable(),
      borrowerName: z.string().nullable(),
      contractNo: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
export const ZRiskFundDeposit = z.object({
  amount: ZMoneyString,
  entryOn: ZDate.optional(),
  note: z.string().trim().max(200).nullable().optional(),
});
export const ZRiskFundDeposited = z.object({ id: z.number().int(), balance: ZMoneyOut });
