import { z } from 'zod';
import { PERMISSIONS } from '../../shared/permissions.js';
import { DEPARTMENTS, REGION_LEVELS, ROLES } from '../../shared/roles.js';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const ZMe = z.object({
  userId: z.number().int().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  department: z.enum(DEPARTMENTS).nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.enum(REGION_LEVELS),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
});

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
