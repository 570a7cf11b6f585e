import type { Role } from '../../shared/roles.js';
import { api } from './client.js';
import type {
  AuditList,
  Me,
  Region,
  RegionChild,
  RegionDetail,
  ResetPasswordResult,
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
