import type { HouseholdType } from '../../shared/household-codes.js';
import type { Role } from '../../shared/roles.js';
import { api } from './client.js';
import type {
  AddMemberBody,
  Attachment,
  AttachmentBody,
  CaseActionBody,
  CaseClassifyBody,
  CaseDetail,
  CaseEliminationBody,
  CaseSafetyNetBody,
  CreateHouseholdBody,
  Dashboard,
  HouseholdDetail,
  HouseholdList,
  HouseholdSearch,
  IncomeBody,
  Me,
  MeasureBody,
  MeasureUpdateBody,
  Region,
  RegionChild,
  RegionDetail,
  ResetPasswordResult,
  Reveal,
  RulesView,
  SplitResult,
  UpdateHouseholdBody,
  UpdateMemberBody,
  User,
  UserList,
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

const hh = (id: number) => `/households/${id}`;

export const householdApi = {
  search: (query: HouseholdSearch) => api.get<HouseholdList>('/households', { query: { ...query } }),
  get: (id: number) => api.get<HouseholdDetail>(hh(id)),
  create: (body: CreateHouseholdBody) => api.post<HouseholdDetail>('/households', body),
  update: (id: number, body: UpdateHouseholdBody) => api.patch<HouseholdDetail>(hh(id), body),
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
};

export const screeningApi = {
  rules: () => api.get<RulesView>('/screening/rules'),
};

export const caseApi = {
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

export const attachmentApi = {
  upload: (body: AttachmentBody) => api.post<Attachment>('/attachments', body),
  /** Where the browser fetches the file itself (same-origin cookie). */
  url: (id: string) => `/api/attachments/${encodeURIComponent(id)}`,
};

export const reportApi = {
  dashboard: (regionCode?: string) => api.get<Dashboard>('/dashboard', { query: { regionCode } }),
};
