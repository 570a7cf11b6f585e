import { countyCodeOf } from '../../shared/region-code.js';
import {
  BANK_DEPARTMENT,
  type Department,
  LEVEL_LABELS,
  ROLE_LABELS,
  ROLE_REGION_LEVELS,
  type Role,
} from '../../shared/roles.js';
import { passwordProblem, passwords, temporaryPassword } from '../adapters/passwords.js';
import type { RegionRow } from '../db/schema.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import { isRegionInScope, scopeForRegion } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';
import { presentUser } from './user-presenter.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  department?: Department | null | undefined;
  /** The bank of a 银行 department user. */
  bankId?: number | null | undefined;
  regionCode: string;
  phone?: string | null | undefined;
  unit?: string | null | undefined;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string | undefined;
  role?: Role | undefined;
  department?: Department | null | undefined;
  bankId?: number | null | undefined;
  regionCode?: string | undefined;
  phone?: string | null | undefined;
  unit?: string | null | undefined;
  disabled?: boolean | undefined;
}

export interface ListUsersInput {
  q?: string | undefined;
  role?: Role | undefined;
  regionCode?: string | undefined;
  disabled?: boolean | undefined;
  page: number;
  pageSize: number;
}

export function createUserService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  /** Called when a user's sessions end, so cached sessions go too. */
  onSessionsEnded: (userId: number) => void;
}) {
  const { repos, tx, onSessionsEnded } = deps;

  /** The region a user may be placed on by this actor: it exists, is in scope and suits the role. */
  async function requirePlaceableRegion(actor: Actor, regionCode: string, role: Role): Promise<RegionRow> {
    const region = await repos.regions.findByCode(regionCode);
    if (!region || !isRegionInScope(region, actor.scope)) {
      throw notFound('区划');
    }
    if (!ROLE_REGION_LEVELS[role].includes(region.level)) {
      throw validation(`${ROLE_LABELS[role].zh}不能设在${LEVEL_LABELS[region.level]}级区划上`, {
        field: 'regionCode',
        allowedLevels: ROLE_REGION_LEVELS[role],
      });
    }
    return region;
  }

  function checkDepartment(role: Role, department: Department | null | undefined) {
    if (role === 'department' && !department) {
      throw validation('行业部门用户必须选择所属部门', { field: 'department' });
    }
    if (role !== 'department' && department) {
      throw validation('只有行业部门用户有所属部门', { field: 'department' });
    }
  }

  /** A 银行 user belongs to one bank lending in the region the user is placed on; other users to none. */
  async function bankFor(
    department: Department | null | undefined,
    bankId: number | null | undefined,
    region: RegionRow,
  ) {
    if (department !== BANK_DEPARTMENT) {
      if (bankId) {
        throw validation('只有银行用户有所属银行', { field: 'bankId' });
      }
      return null;
    }
    const bank = bankId ? await repos.credit.findBank(bankId) : undefined;
    const regionPrefix = region.level === 'city' ? region.code.slice(0, 4) : region.code.slice(0, 6);
    if (!bank?.county_code.startsWith(regionPrefix)) {
      throw validation('银行用户必须选择所在区划内的一家银行', { field: 'bankId' });
    }
    return bank.id;
  }

  /** Finds a user the actor may see; a user outside the scope is reported exactly like a missing one. */
  async function findInScope(actor: Actor, id: number) {
    const user = await repos.users.findById(id);
    if (!user || !isRegionInScope({ code: user.region_code, level: user.region_level }, actor.scope)) {
      throw notFound('用户');
    }
    return user;
  }

  return {
    async list(actor: Actor, input: ListUsersInput) {
      let regionPrefixes: string[] | undefined;
      if (input.regionCode !== undefined) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
        regionPrefixes = scopeForRegion(region, zoneTowns);
      }
      const { items, total } = await repos.users.list({
        scope: actor.scope,
        q: input.q,
        role: input.role,
        regionPrefixes,
        disabled: input.disabled,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: items.map(presentUser), total, page: input.page, pageSize: input.pageSize };
    },

    /** The actor's own record, whatever their permissions. */
    async getSelf(actor: Actor) {
      const user = actor.userId === null ? undefined : await repos.users.findById(actor.userId);
      if (!user) {
        throw notFound('用户');
      }
      return presentUser(user);
    },

    async get(actor: Actor, id: number) {
      return presentUser(await findInScope(actor, id));
    },

    async create(actor: Actor, input: CreateUserInput) {
      const region = await requirePlaceableRegion(actor, input.regionCode, input.role);
      checkDepartment(input.role, input.department);
      const bankId = await bankFor(input.department, input.bankId, region);
      const problem = passwordProblem(input.password, input.username);
      if (problem) {
        throw validation(problem, { field: 'password' });
      }
      const passwordHash = await passwords.hash(input.password);
      const id = await tx(async (t) => {
        const newId = await t.users.insert({
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          department: input.department ?? null,
          bank_id: bankId,
          region_code: region.code,
          county_code: countyCodeOf(region.code, region.level),
          phone: input.phone ?? null,
          unit: input.unit ?? null,
          password_hash: passwordHash,
          must_change_password: true,
        });
        await recordAudit(t, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: newId,
          regionCode: region.code,
          new: {
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            department: input.department ?? null,
            bank_id: bankId,
            region_code: region.code,
            phone: input.phone ?? null,
            unit: input.unit ?? null,
          },
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdateUserInput) {
      const user = await findInScope(actor, id);
      const isSelf = actor.userId === id;
      if (isSelf && (input.role !== undefined || input.regionCode !== undefined || input.disabled === true)) {
        throw forbidden('不能修改自己的角色、区划或停用自己');
      }
      const role = input.role ?? user.role;
      const department =
        input.department !== undefined ? input.department : (user.department as Department | null);
      const region = await requirePlaceableRegion(actor, input.regionCode ?? user.region_code, role);
      checkDepartment(role, role === 'department' ? department : null);
      const bankId = await bankFor(
        role === 'department' ? department : null,
        input.bankId !== undefined ? input.bankId : user.bank_id,
        region,
      );
      const changes = diff(user as unknown as Record<string, unknown>, {
        display_name: input.displayName,
        role: input.role,
        department: role === 'department' ? department : null,
        bank_id: bankId,
        region_code: input.regionCode,
        county_code: input.regionCode ? countyCodeOf(region.code, region.level) : undefined,
        phone: input.phone,
        unit: input.unit,
        disabled: input.disabled,
      });
      if (user.version !== input.version) {
        throw conflict('该用户已被他人修改，请刷新后重试', { currentVersion: user.version });
      }
      if (changes.isEmpty) {
        return presentUser(user);
      }
      await tx(async (t) => {
        const isUpdated = await t.users.updateIfVersion(id, input.version, changes.new);
        if (!isUpdated) {
          throw conflict('该用户已被他人修改，请刷新后重试');
        }
        // Disabling or moving a user ends their sessions: access follows the new record at once.
        if (
          input.disabled === true ||
          changes.new.role !== undefined ||
          changes.new.region_code !== undefined
        ) {
          await t.sessions.deleteForUser(id);
        }
        await recordAudit(t, actor, {
          action:
            input.disabled === true
              ? 'user.disable'
              : input.disabled === false
                ? 'user.enable'
                : 'user.update',
          entityType: 'user',
          entityId: id,
          regionCode: region.code,
          old: changes.old,
          new: changes.new,
        });
      });
      onSessionsEnded(id);
      return this.get(actor, id);
    },

    /** Sets a new temporary password the user must change at next login; returns it once. */
    async resetPassword(actor: Actor, id: number) {
      const user = await findInScope(actor, id);
      const password = temporaryPassword();
      const passwordHash = await passwords.hash(password);
      await tx(async (t) => {
        await t.users.setPassword(id, passwordHash, true);
        await t.sessions.deleteForUser(id);
        await recordAudit(t, actor, {
          action: 'user.reset_password',
          entityType: 'user',
          entityId: id,
          regionCode: user.region_code,
        });
      });
      onSessionsEnded(id);
      return { temporaryPassword: password };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
