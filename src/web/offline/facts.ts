/**
 * Household facts corrected offline, and the choice when the household changed on the server meanwhile.
 * Pure functions (unit-tested in facts.test.ts). Only the fields the user changed are sent, so "keep mine"
 * overwrites those and nothing else another user edited in the meantime.
 */
import type { WorksetHousehold } from '../../shared/workset.js';

/** The facts offered offline: carried by the work set and accepted as they are by PATCH /api/households/:id. */
export const FACT_FIELDS = ['address', 'housingGrade', 'waterQuantityOk', 'waterQualityOk'] as const;
export type FactField = (typeof FACT_FIELDS)[number];
export type Facts = Partial<Pick<WorksetHousehold, FactField>>;

/** A blank text is "not recorded" (null), as the online form stores it. */
const norm = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

/** The fields the user actually changed from what the phone holds; empty when nothing changed. */
export function changedFacts(before: Facts, edited: Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const field of FACT_FIELDS) {
    if (field in edited && norm(edited[field]) !== norm(before[field])) {
      out[field] = norm(edited[field]);
    }
  }
  return out as Facts;
}

/** The user's fields beside the server's current ones, for the conflict dialog. */
export function sideBySide(
  mine: Facts,
  server: Facts,
): Array<{ field: FactField; mine: unknown; server: unknown }> {
  return FACT_FIELDS.filter((f) => f in mine).map((field) => ({
    field,
    mine: mine[field] ?? null,
    server: server[field] ?? null,
  }));
}

/**
 * 保留我的: the same fields again, under the server's current version. Returns null when the server
 * already holds exactly the user's values (nothing left to send: the conflict resolves itself).
 */
export function keepMine(
  mine: Facts & { version: number },
  server: Facts & { version: number },
): (Facts & { version: number }) | null {
  const { version: _stale, ...fields } = mine;
  if (Object.keys(changedFacts(server, fields)).length === 0) {
    return null;
  }
  return { ...fields, version: server.version };
}
