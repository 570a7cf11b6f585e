// Response shapes, inferred from the server's zod schemas (type-only imports: nothing from the server is bundled).
import type { z } from 'zod';
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
export type ResetPasswordResult = z.infer<typeof ZResetPasswordResult>;

import type {
  ZAddMember,
  ZCreateHousehold,
  ZHouseholdDetail,
  ZHouseholdList,
  ZHouseholdSearch,
  ZIncomeInput,
  ZReveal,
  ZSplitResult,
  ZUpdateHousehold,
  ZUpdateMember,
} from '../../server/schemas/household.schema.js';
import type { ZRulesView } from '../../server/schemas/screening.schema.js';

export type HouseholdList = z.infer<typeof ZHouseholdList>;
export type HouseholdSearch = Omit<z.output<typeof ZHouseholdSearch>, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};
export type HouseholdDetail = z.infer<typeof ZHouseholdDetail>;
export type Household = HouseholdDetail['household'];
export type Member = HouseholdDetail['members'][number];
export type IncomeItem = HouseholdDetail['incomeItems'][number];
export type Judgement = HouseholdDetail['guarantees']['water'];
export type Reveal = z.infer<typeof ZReveal>;
export type SplitResult = z.infer<typeof ZSplitResult>;
export type CreateHouseholdBody = z.input<typeof ZCreateHousehold>;
export type UpdateHouseholdBody = z.input<typeof ZUpdateHousehold>;
export type AddMemberBody = z.input<typeof ZAddMember>;
export type UpdateMemberBody = z.input<typeof ZUpdateMember>;
export type IncomeBody = z.input<typeof ZIncomeInput>;
export type RulesView = z.infer<typeof ZRulesView>;

import type { ZAttachment, ZAttachmentInput } from '../../server/schemas/attachment.schema.js';
import type {
  ZCaseAction,
  ZCaseClassify,
  ZCaseDetail,
  ZCaseElimination,
  ZCaseList,
  ZCaseSafetyNet,
} from '../../server/schemas/case.schema.js';
import type { ZMeasureInput, ZMeasureUpdate } from '../../server/schemas/measure.schema.js';

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
export type MeasureBody = z.input<typeof ZMeasureInput>;
export type MeasureUpdateBody = z.input<typeof ZMeasureUpdate>;
export type AttachmentBody = z.input<typeof ZAttachmentInput>;
export type Attachment = z.infer<typeof ZAttachment>;

import type { ZDashboard } from '../../server/schemas/report.schema.js';

export type Dashboard = z.infer<typeof ZDashboard>;
