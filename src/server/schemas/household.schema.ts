import { z } from 'zod';
import { FIELD_LIMITS as L } from '../../shared/field-limits.js';
import {
  HOUSEHOLD_TYPES,
  HOUSING_GRADES,
  INCOME_CATEGORIES,
  RELATIONS,
} from '../../shared/household-codes.js';
import { IMPORT_STATUSES } from '../../shared/imports.js';
import { MONEY_PATTERN, toCents } from '../../shared/money.js';
import { ZBooleanQuery, ZMoney as ZDecimal, ZIdParam, ZPage } from './common.schema.js';

/** An amount in 元 as a decimal string ("12500.00"), 0 to 100,000,000. */
// zod runs a refinement after a failed pattern too: it judges well-formed amounts only.
const ZMoney = ZDecimal.refine(
  (a) => !MONEY_PATTERN.test(a) || toCents(a) <= 10_000_000_000n,
  '金额不能超过 100,000,000 元',
);
/** An amount the server gives: a decimal string with two decimals, computed exactly. */
const ZMoneyOut = z.string().describe('元, a decimal string with two decimals (exact; never a float)');
/** A net figure, which can be negative when production costs exceed income. */
const ZSignedMoneyOut = z
  .string()
  .describe('元, a decimal string with two decimals, negative when costs exceed income');
const ZDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const ZMemberParams = ZIdParam.extend({ personId: z.coerce.number().int().positive() });
export const ZIncomeParams = ZIdParam.extend({ itemId: z.coerce.number().int().positive() });

export const ZHouseholdSearch = ZPage.extend({
  regionCode: text(12).optional(),
  type: z.enum(HOUSEHOLD_TYPES).optional(),
  headName: text(20).optional(),
  idNumber: text(30).optional(),
  flag: z.enum(['open_lead', 'housing', 'water', 'medical_spending']).optional(),
});

export const ZHouseholdListItem = z.object({
  id: z.number().int(),
  householdNo: z.string().nullable(),
  householdType: z.enum(HOUSEHOLD_TYPES),
  headName: z.string(),
  memberCount: z.number().int(),
  regionCode: z.string(),
  villageName: z.string(),
  townName: z.string(),
  hasOpenLead: z.boolean(),
  version: z.number().int(),
});

export const ZHouseholdList = z.object({
  items: z.array(ZHouseholdListItem),
  total: z.number().int(),
  isTotalCapped: z.boolean().describe('True when more households match than were counted (10,000).'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const householdFields = {
  householdNo: text(L.householdNo).nullable().optional(),
  householdType: z.enum(HOUSEHOLD_TYPES).optional(),
  regionCode: text(L.regionCode).optional(),
  address: text(L.address).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^$/, '户联系电话应为 11 位手机号')
    .nullable()
    .optional(),
  isRelocated: z.boolean().optional(),
  housingGrade: z.enum(HOUSING_GRADES).nullable().optional(),
  houseArea: z.number().min(0).max(10000).nullable().optional(),
  hasSafeHouseElsewhere: z.boolean().optional(),
  waterQuantityOk: z.boolean().nullable().optional(),
  waterQualityOk: z.boolean().nullable().optional(),
  waterConvenienceOk: z.boolean().nullable().optional(),
  waterReliabilityOk: z.boolean().nullable().optional(),
  cultivatedLandMu: z.number().min(0).max(100000).nullable().optional(),
  roadType: text(L.roadType).nullable().optional(),
  fuelType: text(L.fuelType).nullable().optional(),
  hasElectricity: z.boolean().nullable().optional(),
  medicalOutOfPocket: ZMoney.optional(),
  insuranceClaims: ZMoney.optional(),
};

const personFields = {
  name: text(L.name).min(1).optional(),
  relation: z.enum(RELATIONS).optional(),
  idNumber: text(30).optional().describe('Validated (GB 11643); sex and birth date are derived from it.'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^$/, '联系电话应为 11 位手机号')
    .nullable()
    .optional(),
  ethnicity: text(L.ethnicity).nullable().optional(),
  politicalStatus: text(L.politicalStatus).nullable().optional(),
  education: text(L.education).nullable().optional(),
  schooling: text(L.schooling).nullable().optional(),
  dropoutReason: text(L.dropoutReason).nullable().optional(),
  health: text(L.health).nullable().optional(),
  labourSkill: text(L.labourSkill).nullable().optional(),
  workMonths: z.number().int().min(0).max(12).nullable().optional(),
  workPlace: text(L.workPlace).nullable().optional(),
  medicalInsured: z.boolean().optional(),
  seriousIllnessInsured: z.boolean().optional(),
  pensionInsured: z.boolean().optional(),
  isDibao: z.boolean().optional(),
  isTekun: z.boolean().optional(),
  disabilityCategory: text(L.disabilityCategory).nullable().optional(),
  disabilityGrade: z.number().int().min(1).max(4).nullable().optional(),
};

const ZVersion = z
  .number()
  .int()
  .positive()
  .describe('The version the client read; a stale one gets 409 CONFLICT.');

export const ZUpdateHousehold = z.object({ version: ZVersion, ...householdFields });
export const ZPersonInput = z.object(personFields);
export const ZCreateHousehold = z.object({
  ...householdFields,
  regionCode: text(L.regionCode),
  householdType: z.enum(HOUSEHOLD_TYPES),
  head: ZPersonInput,
});
export const ZAddMember = z.object({ version: ZVersion, ...personFields });
export const ZUpdateMember = z.object({ version: ZVersion, ...personFields });
export const ZRemoveMember = z.object({ version: ZVersion, reason: text(200).min(1) });
export const ZChangeHead = z.object({
  version: ZVersion,
  personId: z.number().int().positive(),
  formerHeadRelation: z.enum(RELATIONS),
});
export const ZSplit = z.object({
  version: ZVersion,
  personIds: z.array(z.number().int().positive()).min(1),
  newHeadId: z.number().int().positive(),
  householdType: z.enum(HOUSEHOLD_TYPES).optional(),
});
export const ZIncomeInput = z.object({
  category: z.enum(INCOME_CATEGORIES),
  item: text(50),
  amount: ZMoney,
  isCounted: z.boolean().optional(),
  periodStart: ZDate,
  periodEnd: ZDate,
  note: text(200).nullable().optional(),
});

export const ZHousehold = z.object({
  id: z.number().int(),
  householdNo: z.string().nullable(),
  householdType: z.enum(HOUSEHOLD_TYPES),
  countyCode: z.string(),
  countyName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  headPersonId: z.number().int().nullable(),
  headName: z.string(),
  memberCount: z.number().int(),
  address: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  isRelocated: z.boolean(),
  housingGrade: z.enum(HOUSING_GRADES).nullable(),
  houseArea: z.number().nullable(),
  hasSafeHouseElsewhere: z.boolean(),
  waterQuantityOk: z.boolean().nullable(),
  waterQualityOk: z.boolean().nullable(),
  waterConvenienceOk: z.boolean().nullable(),
  waterReliabilityOk: z.boolean().nullable(),
  cultivatedLandMu: z.number().nullable(),
  roadType: z.string().nullable(),
  fuelType: z.string().nullable(),
  hasElectricity: z.boolean().nullable(),
  medicalOutOfPocket: ZMoneyOut,
  insuranceClaims: ZMoneyOut,
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ZPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  relation: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  education: z.string().nullable(),
  schooling: z.string().nullable(),
  dropoutReason: z.string().nullable(),
  health: z.string().nullable(),
  labourSkill: z.string().nullable(),
  workMonths: z.number().int().nullable(),
  workPlace: z.string().nullable(),
  medicalInsured: z.boolean(),
  seriousIllnessInsured: z.boolean(),
  pensionInsured: z.boolean(),
  isDibao: z.boolean(),
  isTekun: z.boolean(),
  disabilityCategory: z.string().nullable(),
  disabilityGrade: z.number().int().nullable(),
});

const ZJudgement = z.enum(['ok', 'problem', 'unknown']);
const ZCategoryAmounts = z.object({
  wage: ZMoneyOut,
  business: ZMoneyOut,
  property: ZMoneyOut,
  transfer: ZMoneyOut,
  production_cost: ZMoneyOut,
});

export const ZHouseholdDetail = z.object({
  household: ZHousehold,
  members: z.array(ZPerson),
  window: z.object({ start: z.string(), end: z.string() }),
  income: z.object({
    byCategory: ZCategoryAmounts,
    netIncome: ZSignedMoneyOut,
    perCapita: ZSignedMoneyOut.nullable().describe('Net income ÷ members, rounded half up to the fen.'),
  }),
  previousPerCapita: ZSignedMoneyOut.nullable(),
  line: ZMoneyOut.nullable(),
  lineYear: z
    .number()
    .int()
    .nullable()
    .describe('The year the applied line was set for: earlier than lineForYear when that year has none yet.'),
  lineForYear: z.number().int().describe('The year whose line applies (of the date the figures are for).'),
  guarantees: z.object({
    education: ZJudgement,
    medical: ZJudgement,
    housing: ZJudgement,
    water: ZJudgement,
  }),
  screeningReasons: z.array(z.string()),
  hasLabourCapacity: z.boolean(),
  incomeItems: z.array(
    z.object({
      id: z.number().int(),
      category: z.enum(INCOME_CATEGORIES),
      item: z.string(),
      amount: ZMoneyOut,
      isCounted: z.boolean(),
      periodStart: z.string(),
      periodEnd: z.string(),
      note: z.string().nullable(),
    }),
  ),
  openLead: z
    .object({ id: z.number().int(), source: z.string(), reasons: z.array(z.string()), createdAt: z.string() })
    .nullable(),
});

export const ZSplitResult = z.object({ original: ZHouseholdDetail, created: ZHouseholdDetail });

export const ZHistory = z.array(
  z.object({
    id: z.string(),
    at: z.string(),
    actorName: z.string(),
    action: z.string(),
    oldValues: z.record(z.string(), z.unknown()).nullable(),
    newValues: z.record(z.string(), z.unknown()).nullable(),
  }),
);

export const ZReveal = z.object({ idNumber: z.string(), phone: z.string().nullable() });

export const ZImportQuery = z.object({
  filename: z.string().trim().min(1).max(200),
  skipBadRows: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  dryRun: ZBooleanQuery.default(false).describe(
    'true: check the file and answer what an import would do (status checked), writing no household.',
  ),
});

const ZRowNote = z.object({ row: z.number().int(), reason: z.string() });

export const ZImportResult = z.object({
  jobId: z.number().int(),
  status: z
    .enum(IMPORT_STATUSES)
    .describe(
      'refused: nothing was imported because some rows are bad. checked: a dry run; households and persons are what the import would write.',
    ),
  totalRows: z.number().int(),
  households: z.number().int(),
  persons: z.number().int(),
  problems: z.array(ZRowNote),
  notes: z
    .array(ZRowNote)
    .describe(
      'What was taken with a change to check or not read: IDs converted from 15 digits, ignored columns.',
    ),
  preview: z
    .array(
      z.object({
        row: z.number().int(),
        householdNo: z.string().nullable(),
        headName: z.string().nullable(),
        village: z.string(),
        members: z.number().int(),
      }),
    )
    .describe('The first households the import writes (or would write, for a check), in file order.'),
});

export const ZImportJobSearch = ZPage.extend({
  status: z.enum(IMPORT_STATUSES).optional(),
});

export const ZImportJobList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      filename: z.string(),
      actorName: z.string(),
      regionCode: z.string().nullable(),
      status: z.enum(IMPORT_STATUSES),
      totalRows: z.number().int(),
      households: z.number().int(),
      persons: z.number().int(),
      problemCount: z.number().int(),
      noteCount: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

/** The household list's search (without paging): an export holds what the list shows. */
export const ZExportQuery = ZHouseholdSearch.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  unmasked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
