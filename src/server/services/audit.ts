import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  old?: unknown;
  new?: unknown;
}

/** Records a write in the audit trail, inside the caller's transaction so both land or neither. */
export type AuditActor = Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'>;

export async function recordAudit(repos: Repositories, actor: AuditActor, event: AuditEvent): Promise<void> {
  await repos.audit.insert({
    actorId: actor.userId,
    actorName: actor.username,
    ip: actor.ip,
    requestId: actor.requestId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    regionCode: event.regionCode ?? null,
    oldValues: event.old ?? null,
    newValues: event.new ?? null,
  });
}

/** The fields of `after` that differ from `before`, as {old, new} maps for the audit record. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const old: Record<string, unknown> = {};
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    // Numeric columns come back from the database as strings: 12.5 and '12.5' are the same value.
    const isSameNumber =
      typeof value === 'number' && typeof before[key] === 'string' && Number(before[key]) === value;
    if (value !== undefined && before[key] !== value && !isSameNumber) {
      old[key] = before[key];
      changed[key] = value;
    }
  }
  return { old, new: changed, isEmpty: Object.keys(changed).length === 0 };
}
