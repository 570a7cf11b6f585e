import { z } from 'zod';
import { DEPARTMENTS, REGION_LEVELS, ROLES } from '../../shared/roles.js';
import { ZBooleanQuery, ZPage } from './common.schema.js';

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  department: z.enum(DEPARTMENTS).nullable(),
  bankId: z.number().int().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.enum(REGION_LEVELS),
  phone: z.string().nullable(),
  unit: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZUserListQuery = ZPage.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  regionCode: z.string().max(12).optional(),
  disabled: ZBooleanQuery.optional(),
});

export const ZUserList = z.object({
  items: z.array(ZUser),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确');

export const ZCreateUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  role: z.enum(ROLES),
  department: z.enum(DEPARTMENTS).nullable().optional(),
  bankId: z.number().int().positive().nullable().optional().describe('Required for a 银行 department user'),
  regionCode: z.string().trim().min(1).max(12),
  phone: ZPhone.nullable().optional(),
  unit: z.string().trim().max(100).nullable().optional(),
});

export const ZUpdateUser = z.object({
  version: z
    .number()
    .int()
    .positive()
    .describe('The version the client read; a stale one gets 409 CONFLICT.'),
  displayName: z.string().trim().min(1).max(64).optional(),
  role: z.enum(ROLES).optional(),
  department: z.enum(DEPARTMENTS).nullable().optional(),
  bankId: z.number().int().positive().nullable().optional(),
  regionCode: z.string().trim().min(1).max(12).optional(),
  phone: ZPhone.nullable().optional(),
  unit: z.string().trim().max(100).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const ZResetPasswordResult = z.object({
  temporaryPassword: z.string().describe('Shown once; the user must change it at next login.'),
});
