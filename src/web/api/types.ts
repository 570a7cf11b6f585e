// Response shapes, inferred from the server's zod schemas (type-only imports: nothing from the server is bundled).
import type { z } from 'zod';
import type { ZAuditEntry, ZAuditList } from '../../server/schemas/audit.schema.js';
import type { ZMe } from '../../server/schemas/auth.schema.js';
import type { ZRegion, ZRegionChild, ZRegionDetail, ZZone } from '../../server/schemas/region.schema.js';
import type { ZResetPasswordResult, ZUser, ZUserList } from '../../server/schemas/user.schema.js';

export type Me = z.infer<typeof ZMe>;
export type User = z.infer<typeof ZUser>;
export type UserList = z.infer<typeof ZUserList>;
export type Region = z.infer<typeof ZRegion>;
export type RegionChild = z.infer<typeof ZRegionChild>;
export type RegionDetail = z.infer<typeof ZRegionDetail>;
export type Zone = z.infer<typeof ZZone>;
export type AuditEntry = z.infer<typeof ZAuditEntry>;
export type AuditList = z.infer<typeof ZAuditList>;
export type ResetPasswordResult = z.infer<typeof ZResetPasswordResult>;

import type {
  ZAddMember,
  ZCreateHousehold,
  ZHistory,
  ZHouseholdDetail,
  ZHouseholdList,
  ZHouseholdSearch,
  ZIncomeInput,
  ZReveal,
  ZSplitResult,
  ZUpdateHousehold,
  ZUpdateMember,
} from '../../server/schemas/household.schema.js';
import type {
  ZLineView,
  ZRound,
  ZRoundInput,
  ZRoundProgress,
  ZRulesView,
  ZRun,
  ZRunRequest,
  ZScreeningRules,
} from '../../server/schemas/screening.schema.js';

export type HouseholdList = z.infer<typeof ZHouseholdList>;
export type HouseholdListItem = HouseholdList['items'][number];
export type HouseholdSearch = Omit<z.output<typeof ZHouseholdSearch>, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};
export type HouseholdDetail = z.infer<typeof ZHouseholdDetail>;
export type Household = HouseholdDetail['household'];
export type Member = HouseholdDetail['members'][number];
export type IncomeItem = HouseholdDetail['incomeItems'][number];
export type Judgement = HouseholdDetail['guarantees']['water'];
export type HistoryEntry = z.infer<typeof ZHistory>[number];
export type Reveal = z.infer<typeof ZReveal>;
export type SplitResult = z.infer<typeof ZSplitResult>;
export type CreateHouseholdBody = z.input<typeof ZCreateHousehold>;
export type UpdateHouseholdBody = z.input<typeof ZUpdateHousehold>;
export type AddMemberBody = z.input<typeof ZAddMember>;
export type UpdateMemberBody = z.input<typeof ZUpdateMember>;
export type IncomeBody = z.input<typeof ZIncomeInput>;
export type ScreeningRules = z.infer<typeof ZScreeningRules>;
export type RulesView = z.infer<typeof ZRulesView>;
export type MonitoringLine = z.infer<typeof ZLineView>;
export type ScreeningRun = z.infer<typeof ZRun>;
export type RunRequest = z.input<typeof ZRunRequest>;
export type Round = z.infer<typeof ZRound>;
export type RoundInput = z.input<typeof ZRoundInput>;
export type RoundProgress = z.infer<typeof ZRoundProgress>;

import type {
  ZAttachment,
  ZAttachmentInput,
  ZCaseAction,
  ZCaseClassify,
  ZCaseDetail,
  ZCaseElimination,
  ZCaseList,
  ZCaseSafetyNet,
  ZCaseSearch,
  ZCaseSummary,
  ZCycleRun,
  ZHelperAssign,
  ZHelperAssignResult,
  ZHelperUser,
  ZLeadClose,
  ZLeadCreate,
  ZLeadDetail,
  ZLeadList,
  ZLeadOpenCase,
  ZLeadSearch,
  ZMeasureInput,
  ZMeasureUpdate,
  ZQualityList,
  ZQualitySearch,
  ZTimeline,
  ZVisit,
  ZVisitDueList,
  ZVisitDueSearch,
  ZVisitInput,
  ZVisitSaved,
} from '../../server/schemas/case.schema.js';

/** A list query as the pages hold it: page and pageSize always set. */
type Paged<T> = Omit<T, 'page' | 'pageSize'> & { page: number; pageSize: number };

export type LeadSearch = Paged<z.input<typeof ZLeadSearch>>;
export type LeadList = z.infer<typeof ZLeadList>;
export type LeadItem = LeadList['items'][number];
export type LeadDetail = z.infer<typeof ZLeadDetail>;
export type LeadSignal = LeadDetail['signals'][number];
export type LeadCreateBody = z.input<typeof ZLeadCreate>;
export type LeadCloseBody = z.input<typeof ZLeadClose>;
export type LeadOpenCaseBody = z.input<typeof ZLeadOpenCase>;
export type CaseSearch = Paged<z.input<typeof ZCaseSearch>>;
export type CaseGroup = NonNullable<CaseSearch['group']>;
export type CaseList = z.infer<typeof ZCaseList>;
export type CaseItem = CaseList['items'][number];
export type CaseDetail = z.infer<typeof ZCaseDetail>;
export type CaseStep = CaseDetail['steps'][number];
export type CaseRisk = CaseItem['risks'][number];
export type CaseAllowedAction = CaseDetail['allowedActions'][number];
export type Criterion = NonNullable<CaseDetail['criteria']>['assisted'][number];
export type Measure = CaseDetail['measures'][number];
export type CaseHelper = CaseDetail['helpers'][number];
export type CaseClassifyBody = z.input<typeof ZCaseClassify>;
export type CaseActionBody = z.input<typeof ZCaseAction>;
export type CaseEliminationBody = z.input<typeof ZCaseElimination>;
export type CaseSafetyNetBody = z.input<typeof ZCaseSafetyNet>;
export type CaseSummary = z.infer<typeof ZCaseSummary>;
export type CaseSummaryRow = CaseSummary['total'];
export type MeasureBody = z.input<typeof ZMeasureInput>;
export type MeasureUpdateBody = z.input<typeof ZMeasureUpdate>;
export type HelperUser = z.infer<typeof ZHelperUser>;
export type HelperAssignBody = z.input<typeof ZHelperAssign>;
export type HelperAssignResult = z.infer<typeof ZHelperAssignResult>;
export type VisitDueSearch = Paged<Omit<z.input<typeof ZVisitDueSearch>, 'helperUserId'>> & {
  helperUserId?: number | undefined;
};
export type VisitDueList = z.infer<typeof ZVisitDueList>;
export type VisitDueItem = VisitDueList['items'][number];
export type VisitBody = z.input<typeof ZVisitInput>;
export type Visit = z.infer<typeof ZVisit>;
export type VisitSaved = z.infer<typeof ZVisitSaved>;
export type AttachmentBody = z.input<typeof ZAttachmentInput>;
export type Attachment = z.infer<typeof ZAttachment>;
export type QualitySearch = Paged<z.input<typeof ZQualitySearch>>;
export type QualityList = z.infer<typeof ZQualityList>;
export type QualityItem = QualityList['items'][number];
export type QualityRule = QualityItem['rule'];
export type CycleRun = z.infer<typeof ZCycleRun>;
export type TimelineEvent = z.infer<typeof ZTimeline>[number];

import type {
  ZBulletin,
  ZDashboard,
  ZMonthlySummary,
  ZRanking,
  ZSample,
  ZSelfCheck,
  ZWeights,
} from '../../server/schemas/report.schema.js';

export type Dashboard = z.infer<typeof ZDashboard>;
export type MonthlySummary = z.infer<typeof ZMonthlySummary>;
export type Figures = Dashboard['total'];
export type SelfCheck = z.infer<typeof ZSelfCheck>;
export type Bulletin = z.infer<typeof ZBulletin>;
export type BulletinSection = Bulletin['sections'][number];
export type Ranking = z.infer<typeof ZRanking>;
export type RankingRow = Ranking['rows'][number];
export type RankingWeights = z.infer<typeof ZWeights>;
export type Sample = z.infer<typeof ZSample>;
