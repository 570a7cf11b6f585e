import { conflict } from '../errors.js';

/** PostgreSQL's SQLSTATE for a unique index refusing a row (PGlite reports the same). */
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a write whose unique index guards a rule (one household number, one person per ID number, one user
 * name, one copy of a feed) and turns the index's refusal into CONFLICT with the user's message: the one
 * place that knows the SQLSTATE, so services see only AppError.
 */
export async function conflictOnDuplicate<T>(
  write: () => Promise<T>,
  message: string,
  details?: unknown,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === UNIQUE_VIOLATION
    ) {
      throw conflict(message, details);
    }
    throw error;
  }
}
