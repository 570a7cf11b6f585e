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
