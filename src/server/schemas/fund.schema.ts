import { z } from 'zod';
import { ALLOCATION_SOURCES, ALLOCATION_TASKS, NOTICE_CHANNELS } from '../../shared/project-codes.js';
import { ZBooleanQuery, ZIsoDate, ZMoney } from './common.schema.js';

export const ZAllocationId = z.object({ id: z.coerce.number().int().positive() });

export const ZAllocationInput = z.object({
  countyCode: z
    .string()
    .trim()
    .length(12)
    .optional()
    .describe('The county the money is for; the user’s own county when left out'),
  docNumber: z.string().trim().min(3).max(80).describe('e.g. 豫财农综〔2026〕7号'),
  source: z.enum(ALLOCATION_SOURCES),
  year: z.number().int().min(2020).max(2100),
  batch: z.number().int().min(1).max(20).default(1),
  taskTag: z.enum(ALLOCATION_TASKS).default('巩固成果与乡村振兴'),
  amount: ZMoney,
  receivedOn: ZIsoDate,
});

export const ZAllocationQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ZAllocation = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  docNumber: z.string(),
  source: z.string(),
  sourceName: z.string(),
  year: z.number().int(),
  batch: z.number().int(),
  taskTag: z.string(),
  amount: ZMoney,
  receivedOn: z.string(),
  allocated: ZMoney.describe('Passed down to library projects so far'),
  unallocated: ZMoney,
  firstAllocatedOn: z.string().nullable(),
});

export const ZFundLineInput = z.object({
  projectId: z.number().int().positive(),
  amount: ZMoney,
  allocatedOn: ZIsoDate,
  notice: z
    .object({ channel: z.enum(NOTICE_CHANNELS), startsOn: ZIsoDate, endsOn: ZIsoDate })
    .nullish()
    .describe('The announcement of the allocation (资金安排公告), due within 5 working days'),
});
export const ZFundLineCreated = z.object({
  id: z.number().int(),
  allocation: ZAllocation,
  noticeDueOn: z.string().describe('The last day the allocation may be announced (5 working days)'),
});

export const ZPaymentInput = z.object({
  fundLineId: z.number().int().positive(),
  paidOn: ZIsoDate,
  amount: ZMoney,
  voucher: z.string().trim().max(80).nullish(),
});
export const ZPaymentCreated = z.object({ id: z.number().int(), projectPaidTotal: ZMoney, linePaid: ZMoney });

export const ZPaymentImportQuery = z.object({
  skipBadRows: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  dryRun: ZBooleanQuery.default(false).describe(
    'true: check the file (预检) and answer what an import would write (status checked); nothing is written',
  ),
});
export const ZPaymentImportResult = z.object({
  status: z
    .enum(['imported', 'partial', 'refused', 'checked'])
    .describe('checked: a dry run; refused: bad rows and not skipped, nothing written'),
  totalRows: z.number().int().describe('Data rows in the file (blank rows left out)'),
  acceptedRows: z
    .number()
    .int()
    .describe('Rows that pass every check: what an import skipping bad rows writes'),
  acceptedTotal: ZMoney.describe('The sum of the accepted rows'),
  imported: z.number().int(),
  total: ZMoney.describe('The sum of the imported payments'),
  problems: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  preview: z
    .array(
      z.object({
        row: z.number().int(),
        projectId: z.number().int(),
        projectName: z.string(),
        docNumber: z.string(),
        paidOn: z.string(),
        amount: ZMoney,
      }),
    )
    .describe('The first accepted rows with their project, in file order'),
});

export const ZFundOverviewQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('The fund year (the allocations’ year); this year when left out'),
});
export const ZFundOverview = z.object({
  year: z.number().int(),
  asOf: z.string().describe('Today (Asia/Shanghai)'),
  received: ZMoney.describe(
    'Allocations of the year received by the counties in scope (资金下达); 0 below county level',
  ),
  allocated: ZMoney.describe('Of the year’s allocations, passed down to projects in scope (安排到项目)'),
  paid: ZMoney.describe('Paid on those projects’ lines (已支付)'),
  spendRate: z
    .string()
    .nullable()
    .describe(
      'paid ÷ received in percent, two decimals (支出进度, as in the bulletin); null when nothing received',
    ),
  paidOfAllocated: z
    .string()
    .nullable()
    .describe('paid ÷ allocated in percent, two decimals; null when nothing allocated'),
  projects: z.number().int().describe('Projects in scope with money of the year'),
});

export const ZPeriodQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/, '期别格式为 2026-05（月通报）或 2026-Q2（季调度）')
    .describe('YYYY-MM for the monthly bulletin, YYYY-Qn for the quarterly dispatch'),
  countyCode: z.string().trim().length(12).optional().describe('One county only (a county user’s own)'),
});

const ZCountyFigures = z.object({
  rank: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  received: ZMoney,
  allocated: ZMoney,
  allocatedIndustry: ZMoney,
  paid: ZMoney,
  unpaid: ZMoney,
  spendRate: z.string().describe('percent, two decimals'),
  milestone: z.string(),
  milestoneDueOn: z.string(),
  gapToMilestone: z.string().describe('percentage points; negative = behind'),
  missedMilestone: z.string().nullable(),
  timeProportional: z.string(),
  gapToSchedule: z.string(),
  centralSpendRate: z.string(),
  industryShare: z.string(),
  lastYearIndustryShare: z.string().nullable(),
  industryShareMet: z.boolean(),
  avgAllocationWorkdays: z.number().int().nullable(),
  lateAllocations: z.number().int(),
});

export const ZFundBulletin = z.object({
  kind: z.enum(['monthly', 'quarterly']),
  period: z.string(),
  scopeCode: z.string(),
  scopeName: z.string(),
  issued: z.boolean().describe('Issued bulletins are frozen snapshots; others are computed now'),
  issuedOn: z.string().nullable(),
  asOf: z.string(),
  totals: z.object({
    received: ZMoney,
    allocated: ZMoney,
    allocatedIndustry: ZMoney,
    paid: ZMoney,
    unpaid: ZMoney,
    spendRate: z.string(),
    milestone: z.string(),
    gapToMilestone: z.string(),
    timeProportional: z.string(),
    industryShare: z.string(),
    countiesBehindMilestone: z.number().int(),
    countiesBelowIndustryShare: z.number().int(),
  }),
  counties: z.array(ZCountyFigures),
  sources: z.array(
    z.object({
      source: z.string(),
      sourceName: z.string(),
      received: ZMoney,
      paid: ZMoney,
      spendRate: z.string(),
    }),
  ),
  stalled: z.array(
    z.object({
      projectId: z.number().int(),
      countyName: z.string(),
      regionName: z.string(),
      name: z.string(),
      stage: z.string(),
      allocated: ZMoney,
      paid: ZMoney,
      firstAllocatedOn: z.string().nullable(),
      lastPaidOn: z.string().nullable(),
    }),
  ),
});

export const ZIssueBulletin = z.object({ period: ZPeriodQuery.shape.period });
export const ZBulletinList = z.array(
  z.object({
    id: z.number().int(),
    kind: z.enum(['monthly', 'quarterly']),
    period: z.string(),
    issuedOn: z.string(),
  }),
);
