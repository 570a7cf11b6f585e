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
  serverTime: z
    .string()
    .describe(
      'The server’s clock when it answered (an ISO instant). The web app dates what it records by it, not by the phone’s own clock, which in a village may be wrong.',
    ),
});

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const ZLoginLockout = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  failures: z.number().int().describe('Failed logins in the last 15 minutes.'),
  addresses: z.number().int().describe('How many addresses they came from.'),
  lastFailureAt: z.string(),
  slowedUntil: z
    .string()
    .nullable()
    .describe('Until when logins from unknown devices must wait; null when they need not.'),
});
export const ZLoginLockoutList = z.object({ items: z.array(ZLoginLockout) });
export const ZLockoutReset = z.object({ username: z.string().trim().min(1).max(64) });
export const ZLockoutResetResult = z.object({ cleared: z.number().int() });
