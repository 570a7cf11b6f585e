import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column LIKE 'prefix%' OR ...` for a region scope. Region codes nest by prefix, so a scope is a
 * list of prefixes; the empty prefix (the system actor) matches everything, and an empty list nothing.
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<string | null>,
  prefixes: readonly string[],
): Expression<SqlBool> {
  if (prefixes.includes('')) {
    return sql<boolean>`true`;
  }
  if (prefixes.length === 0) {
    return sql<boolean>`false`;
  }
  return eb.or(prefixes.map((prefix) => sql<boolean>`${column} like ${`${escapeLike(prefix)}%`}`));
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
