import type { HouseholdType } from '../../shared/household-codes.js';
import type { Role } from '../../shared/roles.js';
import { api, buildQuery } from './client.js';
import type {
  AddMemberBody,
  Attachment,
  AttachmentBody,
  AuditList,
  Bulletin,
  BulletinSection,
  CaseActionBody,
  CaseClassifyBody,
  CaseDetail,
  CaseEliminationBody,
  CaseList,
  CaseSafetyNetBody,
  CaseSearch,
  CaseSummary,
  CreateHouseholdBody,
  CycleRun,
  Dashboard,
  HelperAssignBody,
  HelperAssignResult,
  HelperUser,
  HistoryEntry,
  HouseholdDetail,
  HouseholdList,
  HouseholdSearch,
  IncomeBody,
  LeadCloseBody,
  LeadCreateBody,
  LeadDetail,
  LeadList,
  LeadOpenCaseBody,
  LeadSearch,
  Me,
  MeasureBody,
  MeasureUpdateBody,
  MonitoringLine,
  MonthlySummary,
  QualityList,
  QualitySearch,
  Ranking,
  RankingWeights,
  Region,
  RegionChild,
  RegionDetail,
  ResetPasswordResult,
  Reveal,
  Round,
  RoundInput,
  RoundProgress,
  RulesView,
  RunRequest,
  Sample,
  ScreeningRules,
  ScreeningRun,
  SelfCheck,
  SplitResult,
  TimelineEvent,
  UpdateHouseholdBody,
  UpdateMemberBody,
  User,
  UserList,
  Visit,
  VisitBody,
  VisitDueList,
  VisitDueSearch,
  VisitSaved,
  Zone,
} from './types.js';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<Me>('/auth/login', { username, password }, { isLoginRequest: true }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
};

export interface UserQuery {
  q?: string | undefined;
  role?: Role | undefined;
  regionCode?: string | undefined;
  disabled?: boolean | undefined;
  page: number;
  pageSize: number;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  department?: string | null;
  regionCode: string;
  phone?: string | null;
  unit?: string | null;
}

export interface UpdateUserBody {
  version: number;
  displayName?: string;
  role?: Role;
  department?: string | null;
  regionCode?: string;
  phone?: string | null;
  unit?: string | null;
  disabled?: boolean;
}

export const userApi = {
  list: (query: UserQuery) => api.get<UserList>('/users', { query: { ...query } }),
  get: (id: number) => api.get<User>(`/users/${id}`),
  create: (body: CreateUserBody) => api.post<User>('/users', body),
  update: (id: number, body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: number) => api.post<ResetPasswordResult>(`/users/${id}/reset-password`),
};

export const regionApi = {
  roots: () => api.get<Region[]>('/regions'),
  get: (code: string) => api.get<RegionDetail>(`/regions/${encodeURIComponent(code)}`),
  children: (code: string) => api.get<RegionChild[]>(`/regions/${encodeURIComponent(code)}/children`),
  zones: () => api.get<Zone[]>('/zones'),
};

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditList>('/audit', { query: { ...query } }),
  actions: () => api.get<string[]>('/audit/actions'),
};

const hh = (id: number) => `/households/${id}`;

export const householdApi = {
  search: (query: HouseholdSearch) => api.get<HouseholdList>('/households', { query: { ...query } }),
  get: (id: number) => api.get<HouseholdDetail>(hh(id)),
  create: (body: CreateHouseholdBody) => api.post<HouseholdDetail>('/households', body),
  update: (id: number, body: UpdateHouseholdBody) => api.patch<HouseholdDetail>(hh(id), body),
  history: (id: number) => api.get<HistoryEntry[]>(`${hh(id)}/history`),
  addMember: (id: number, body: AddMemberBody) => api.post<HouseholdDetail>(`${hh(id)}/members`, body),
  updateMember: (id: number, personId: number, body: UpdateMemberBody) =>
    api.patch<HouseholdDetail>(`${hh(id)}/members/${personId}`, body),
  removeMember: (id: number, personId: number, body: { version: number; reason: string }) =>
    api.post<HouseholdDetail>(`${hh(id)}/members/${personId}/remove`, body),
  reveal: (id: number, personId: number) => api.post<Reveal>(`${hh(id)}/members/${personId}/reveal`),
  changeHead: (id: number, body: { version: number; personId: number; formerHeadRelation: string }) =>
    api.post<HouseholdDetail>(`${hh(id)}/head`, body),
  split: (
    id: number,
    body: { version: number; personIds: number[]; newHeadId: number; householdType?: HouseholdType },
  ) => api.post<SplitResult>(`${hh(id)}/split`, body),
  addIncome: (id: number, body: IncomeBody) => api.post<HouseholdDetail>(`${hh(id)}/income`, body),
  removeIncome: (id: number, itemId: number) => api.delete<HouseholdDetail>(`${hh(id)}/income/${itemId}`),
  timeline: (id: number) => api.get<TimelineEvent[]>(`${hh(id)}/timeline`),
  visits: (id: number) => api.get<Visit[]>(`${hh(id)}/visits`),
};

export const screeningApi = {
  rules: () => api.get<RulesView>('/screening/rules'),
  updateRules: (rules: ScreeningRules) => api.put<RulesView>('/screening/rules', rules),
  lines: () => api.get<MonitoringLine[]>('/screening/lines'),
  setLine: (line: MonitoringLine) => api.put<MonitoringLine>('/screening/lines', line),
  /** Starts a run (the server answers at once) and polls it until it has finished or failed. */
  async run(body: RunRequest): Promise<ScreeningRun> {
    let run = await api.post<ScreeningRun>('/screening/runs', body);
    while (run.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      run = await api.get<ScreeningRun>(`/screening/runs/${run.id}`);
    }
    if (run.status === 'failed') {
      throw new Error(run.error ?? 'screening failed');
    }
    return run;
  },
  runs: () => api.get<ScreeningRun[]>('/screening/runs'),
  rounds: () => api.get<Round[]>('/screening/rounds'),
  createRound: (body: RoundInput) => api.post<Round>('/screening/rounds', body),
  roundProgress: (id: number) => api.get<RoundProgress>(`/screening/rounds/${id}/progress`),
};

export const leadApi = {
  search: (query: LeadSearch) => api.get<LeadList>('/leads', { query: { ...query } }),
  get: (id: number) => api.get<LeadDetail>(`/leads/${id}`),
  create: (body: LeadCreateBody) => api.post<LeadDetail>('/leads', body),
  close: (id: number, body: LeadCloseBody) => api.post<LeadDetail>(`/leads/${id}/close`, body),
  openCase: (id: number, body: LeadOpenCaseBody) => api.post<CaseDetail>(`/leads/${id}/case`, body),
};

export const caseApi = {
  search: (query: CaseSearch) => api.get<CaseList>('/cases', { query: { ...query } }),
  summary: (regionCode?: string) => api.get<CaseSummary>('/cases/summary', { query: { regionCode } }),
  get: (id: number) => api.get<CaseDetail>(`/cases/${id}`),
  classify: (id: number, body: CaseClassifyBody) => api.patch<CaseDetail>(`/cases/${id}`, body),
  act: (id: number, body: CaseActionBody) => api.post<CaseDetail>(`/cases/${id}/actions`, body),
  requestElimination: (id: number, body: CaseEliminationBody) =>
    api.post<CaseDetail>(`/cases/${id}/elimination`, body),
  markSafetyNet: (id: number, body: CaseSafetyNetBody) =>
    api.post<CaseDetail>(`/cases/${id}/safety-net`, body),
  addMeasure: (id: number, body: MeasureBody) => api.post<CaseDetail>(`/cases/${id}/measures`, body),
  updateMeasure: (measureId: number, body: MeasureUpdateBody) =>
    api.patch<CaseDetail>(`/measures/${measureId}`, body),
  removeMeasure: (measureId: number, version: number) =>
    api.delete<CaseDetail>(`/measures/${measureId}`, { query: { version } }),
};

export const helperApi = {
  list: (regionCode?: string) => api.get<HelperUser[]>('/helpers', { query: { regionCode } }),
  assign: (body: HelperAssignBody) => api.post<HelperAssignResult>('/helper-assignments', body),
};

export const visitApi = {
  due: (query: VisitDueSearch) => api.get<VisitDueList>('/visits/due', { query: { ...query } }),
  save: (body: VisitBody) => api.post<VisitSaved>('/visits', body),
};

export const attachmentApi = {
  upload: (body: AttachmentBody) => api.post<Attachment>('/attachments', body),
  /** Where the browser fetches the file itself (same-origin cookie). */
  url: (id: string) => `/api/attachments/${encodeURIComponent(id)}`,
};

export const qualityApi = {
  list: (query: QualitySearch) => api.get<QualityList>('/quality', { query: { ...query } }),
};

export const cycleApi = {
  runs: () => api.get<CycleRun[]>('/cycle/monthly'),
  start: (month: string) => api.post<CycleRun>('/cycle/monthly', { month }),
};

export const reportApi = {
  dashboard: (regionCode?: string) => api.get<Dashboard>('/dashboard', { query: { regionCode } }),
  selfCheck: (month: string, regionCode?: string) =>
    api.get<SelfCheck>('/self-checks', { query: { month, regionCode } }),
  signSelfCheck: (month: string, note: string | null) => api.post<SelfCheck>('/self-checks', { month, note }),
  bulletins: () => api.get<Bulletin[]>('/bulletins'),
  bulletin: (id: number) => api.get<Bulletin>(`/bulletins/${id}`),
  draftBulletin: (quarter: string) => api.post<Bulletin>('/bulletins', { quarter }),
  updateBulletin: (id: number, body: { version: number; title: string; sections: BulletinSection[] }) =>
    api.patch<Bulletin>(`/bulletins/${id}`, body),
  issueBulletin: (id: number, version: number) => api.post<Bulletin>(`/bulletins/${id}/issue`, { version }),
  bulletinDocxUrl: (id: number) => `/api/bulletins/${id}/docx`,
  monthly: (month: string, regionCode?: string) =>
    api.get<MonthlySummary>('/reports/monthly', { query: { month, regionCode } }),
  monthlyXlsxUrl: (month: string, regionCode?: string) =>
    `/api/reports/monthly.xlsx${buildQuery({ month, regionCode })}`,
  refreshMonthly: (month: string) => api.post<MonthlySummary>('/reports/monthly/refresh', { month }),
  closeMonthly: (month: string) => api.post<MonthlySummary>('/reports/monthly/close', { month }),
  ranking: (quarter: string, regionCode?: string) =>
    api.get<Ranking>('/rankings', { query: { quarter, regionCode } }),
  weights: () => api.get<RankingWeights>('/rankings/weights'),
  saveWeights: (weights: RankingWeights) => api.put<RankingWeights>('/rankings/weights', weights),
  samples: (month: string, regionCode?: string) =>
    api.get<Sample[]>('/verification-samples', { query: { month, regionCode } }),
  drawSamples: (month: string, perTown: number) =>
    api.post<{ drawn: number }>('/verification-samples', { month, perTown }),
  recordSample: (
    id: number,
    body: { version: number; outcome: 'confirmed' | 'problem'; note: string | null },
  ) => api.patch<{ ok: true }>(`/verification-samples/${id}`, body),
};
export { alertApi, declarationApi, feedApi } from './department.js';
