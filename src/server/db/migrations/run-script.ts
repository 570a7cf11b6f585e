import { type Kysely, sql } from 'kysely';

/**
 * Splits a migration script into statements and runs them one by one. PGlite runs queries through the
 * extended protocol, which refuses several commands in one query, so a script cannot be sent whole.
 * Semicolons inside dollar-quoted bodies ($$ ... $$) do not split.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (!inDollarQuote && (trimmed.startsWith('--') || trimmed === '')) {
      continue;
    }
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) {
      inDollarQuote = !inDollarQuote;
    }
    if (!inDollarQuote && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') {
    statements.push(current.trim());
  }
  return statements;
}

export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
