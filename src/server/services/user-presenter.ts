import type { Department, RegionLevel } from '../../shared/roles.js';
import type { UserWithRegion } from '../repositories/user.repository.js';

/** The user as the API shows it: never the password hash. */
export function presentUser(user: UserWithRegion) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    department: user.department as Department | null,
    bankId: user.bank_id,
    regionCode: user.region_code,
    regionName: user.region_name,
    regionLevel: user.region_level as RegionLevel,
    phone: user.phone,
    unit: user.unit,
    disabled: user.disabled,
    mustChangePassword: user.must_change_password,
    version: user.version,
    lastLoginAt: user.last_login_at ? new Date(user.last_login_at).toISOString() : null,
    createdAt: new Date(user.created_at).toISOString(),
    updatedAt: new Date(user.updated_at).toISOString(),
  };
}

export type UserView = ReturnType<typeof presentUser>;

export function toActorFields(user: UserWithRegion) {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    department: user.department as Department | null,
    regionCode: user.region_code,
    regionName: user.region_name,
    regionLevel: user.region_level as RegionLevel,
  };
}
