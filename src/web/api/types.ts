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
