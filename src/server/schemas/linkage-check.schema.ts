import { z } from 'zod';
import { LINKAGE_MODES } from '../../shared/linkage.js';
import {
  CHECK_RESULTS,
  FINDING_ACTIONS,
  FINDING_STATUSES,
  LEAD_STATUSES,
} from '../../shared/linkage-checks.js';
import { text, ZIsoDate, ZVersion } from './common.schema.js';
import { ZLinkageDetail } from './linkage.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);
const ZItems = z.array(text(20).min(1)).min(1).max(12);

export const ZCampaignInput = z.object({
  name: text(100).min(1, '请填写活动名称'),
  year: ZYear,
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  checkItems: ZItems.optional().describe('The check items; 查项目/查资产/查带农/查收益 when absent'),
  followUpItems: ZItems.optional().describe('The follow-up items; 促运营/促管护/促联结/促增收 when absent'),
  samplePercent: z
    .number()
    .int()
    .min(1, '抽查比例至少 1%')
    .max(100, '抽查比例不超过 100%')
    .optional()
    .describe('Percent of the county’s agreements of the year drawn (at least one); 20 when absent'),
});

export const ZCampaignUpdate = ZCampaignInput.omit({ year: true, samplePercent: true })
  .partial()
  .extend({ version: ZVersion });

export const ZCampaignQuery = z.object({ year: ZYear.optional() });
export const ZSampleAdd = z.object({ agreementId: z.number().int().positive() });

export const ZCampaignAgreementParams = z.object({
  id: z.coerce.number().int().positive(),
  agreementId: z.coerce.number().int().positive(),
});

const ZProgress = z.object({
  sampled: z.number().int(),
  addedByHand: z.number().int(),
  checked: z.number().int(),
  findingsOpen: z.number().int(),
  findingsRectified: z.number().int(),
  findingsVerified: z.number().int(),
  findingsOverdue: z.number().int().describe('Open findings past their deadline (Shanghai today)'),
});

export const ZCampaign = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  name: z.string(),
  year: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  checkItems: z.array(z.string()),
  followUpItems: z.array(z.string()),
  samplePercent: z.number().int(),
  progress: ZProgress.describe('Counted over the sample within the caller’s scope'),
  version: z.number().int(),
});

export const ZCampaignList = z.object({ items: z.array(ZCampaign) });

export const ZFinding = z.object({
  id: z.number().int(),
  checkId: z.number().int(),
  campaignId: z.number().int(),
  agreementId: z.number().int(),
  operatorName: z.string(),
  regionName: z.string(),
  checkedOn: z.string(),
  item: z.string(),
  problem: z.string(),
  followUpItem: z.string(),
  responsibleUnit: z.string(),
  deadline: z.string(),
  status: z.enum(FINDING_STATUSES),
  overdue: z.boolean(),
  rectificationNote: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  reopenReason: z.string().nullable(),
  allowedActions: z.array(z.enum(FINDING_ACTIONS)),
  version: z.number().int(),
  events: z.array(
    z.object({
      action: z.enum(['create', ...FINDING_ACTIONS]),
      actedOn: z.string(),
      note: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});

export const ZCampaignDetail = ZCampaign.extend({
  sample: z.array(
    z.object({
      agreementId: z.number().int(),
      addedByHand: z.boolean().describe('Added by the county by hand rather than drawn'),
      operatorId: z.number().int(),
      operatorName: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      mode: z.enum(LINKAGE_MODES),
      projectName: z.string().nullable(),
      linked: z.number().int(),
      paidHouseholds: z.number().int(),
      unpaidHouseholds: z.number().int(),
      totalBenefit: z.string(),
      checkId: z.number().int().nullable(),
      checkedOn: z.string().nullable(),
      failedItems: z.number().int(),
      findingsOpen: z.number().int(),
      findingsOverdue: z.number().int(),
    }),
  ),
  findings: z.array(ZFinding),
});

const ZFindingInput = z.object({
  item: text(20).min(1),
  problem: text(500).min(1, '请写明发现的问题'),
  followUpItem: text(20).min(1, '请选择促进事项'),
  responsibleUnit: text(100).min(1, '请填写责任单位'),
  deadline: ZIsoDate.describe('整改期限: not before the check date'),
});

export const ZCheckInput = z.object({
  checkedOn: ZIsoDate,
  results: z
    .array(
      z.object({
        item: text(20).min(1),
        result: z.enum(CHECK_RESULTS),
        note: text(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(12),
  note: text(1000).nullable().optional(),
  findings: z
    .array(ZFindingInput)
    .max(50)
    .optional()
    .describe('New findings for the items that do not conform'),
  version: ZVersion.optional().describe('The version of the check being edited; absent for the first check'),
});

export const ZCheckDetail = z.object({
  campaign: ZCampaign,
  addedByHand: z.boolean(),
  agreement: ZLinkageDetail.describe(
    'What the system recorded for the year: linked, paid and unpaid households',
  ),
  workRecords: z
    .array(
      z.object({
        workRecordId: z.number().int(),
        householdId: z.number().int(),
        headName: z.string().nullable(),
        personName: z.string(),
        householdType: z.string(),
        startMonth: z.string(),
        endMonth: z.string().nullable(),
        monthlyIncome: z.string().nullable(),
      }),
    )
    .nullable()
    .describe('吸纳就业: the operator’s work records of the year for members of linked households'),
  linkedWithoutWork: z
    .number()
    .int()
    .nullable()
    .describe('吸纳就业: linked households with no such work record'),
  check: z
    .object({
      id: z.number().int(),
      checkedOn: z.string(),
      results: z.array(
        z.object({ item: z.string(), result: z.enum(CHECK_RESULTS), note: z.string().nullable() }),
      ),
      note: z.string().nullable(),
      checkedByName: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  findings: z.array(ZFinding),
  canCheck: z.boolean(),
});

export const ZFindingParams = z.object({
  id: z.coerce.number().int().positive(),
  action: z.enum(FINDING_ACTIONS),
});

export const ZFindingAction = z.object({
  version: ZVersion,
  note: text(500).nullable().optional().describe('rectify: what was done; reopen: why (both required)'),
  actedOn: ZIsoDate.optional().describe('rectify: the day it was done; today when absent'),
  deadline: ZIsoDate.optional().describe('reopen: a new deadline'),
});

export const ZLeadQuery = z.object({
  year: ZYear.optional(),
  regionCode: text(12).optional(),
  operatorId: z.coerce.number().int().positive().optional(),
});

const ZFigures = z.object({
  households: z.number().int(),
  workers: z.number().int(),
  agreements: z.number().int(),
});

export const ZLeadList = z.object({
  year: z.number().int(),
  criteria: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      minHouseholds: z.number().int(),
      minWorkers: z.number().int(),
      requireAgreement: z.boolean(),
      isDefault: z.boolean().describe('The county set none: the §C9 defaults'),
      version: z.number().int().describe('0 until the county saves its own'),
    }),
  ),
  items: z.array(
    ZFigures.extend({
      operatorId: z.number().int(),
      operatorName: z.string(),
      operatorType: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      countyCode: z.string(),
      leadLevel: z.string().nullable(),
      leadCertifiedOn: z.string().nullable(),
      year: z.number().int(),
      payments: z.string().describe('元 paid to linked households in the year'),
      lastYear: ZFigures,
      status: z.enum(LEAD_STATUSES),
    }),
  ),
});

export const ZCriteriaInput = z.object({
  minHouseholds: z.number().int().min(0).max(100000),
  minWorkers: z.number().int().min(0).max(100000),
  requireAgreement: z.boolean(),
  version: z.number().int().min(0).describe('0 the first time the county saves its criteria'),
});
