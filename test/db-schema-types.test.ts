import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/database.js';
import { createTestDatabase } from './helpers/test-db.js';

/**
 * The Kysely table types in `src/server/db/schema.ts` are written by hand (so enum columns carry the unions of
 * `src/shared/`, which a generator cannot know from a text column with a check constraint). This test keeps them
 * honest against the migrated database: every table and column of the one is in the other, and a column is
 * nullable in the types exactly when it is nullable in SQL.
 */

const SCHEMA_FILE = new URL('../src/server/db/schema.ts', import.meta.url);
/** Kysely's own bookkeeping, not part of the product's schema. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface TypedColumn {
  name: string;
  nullable: boolean;
  /** Read as `unknown` (jsonb the code checks when it reads it): says nothing about null. */
  opaque?: boolean;
}

function typedTables(): Map<string, TypedColumn[]> {
  const source = ts.createSourceFile('schema.ts', readFileSync(SCHEMA_FILE, 'utf8'), ts.ScriptTarget.Latest);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      interfaces.set(statement.name.text, statement);
    } else if (ts.isTypeAliasDeclaration(statement)) {
      aliases.set(statement.name.text, statement.type);
    }
  }
  // What a select returns may be null: Generated<T> and ColumnType<S, I, U> select T and S; local aliases
  // (Num, DateCol, …) are followed; anything else (an imported union such as CaseStage) is never null.
  const nullable = (node: ts.TypeNode): boolean => {
    if (ts.isUnionTypeNode(node)) {
      return node.types.some(nullable);
    }
    if (ts.isLiteralTypeNode(node)) {
      return node.literal.kind === ts.SyntaxKind.NullKeyword;
    }
    if (ts.isParenthesizedTypeNode(node)) {
      return nullable(node.type);
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      const first = node.typeArguments?.[0];
      if ((name === 'Generated' || name === 'ColumnType') && first) {
        return nullable(first);
      }
      const alias = aliases.get(name);
      return alias ? nullable(alias) : false;
    }
    return false;
  };
  const selectsUnknown = (node: ts.TypeNode): boolean => {
    if (node.kind === ts.SyntaxKind.UnknownKeyword) {
      return true;
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const first = node.typeArguments?.[0];
      if ((node.typeName.text === 'Generated' || node.typeName.text === 'ColumnType') && first) {
        return selectsUnknown(first);
      }
      const alias = aliases.get(node.typeName.text);
      return alias ? selectsUnknown(alias) : false;
    }
    return false;
  };
  const db = interfaces.get('DB');
  if (!db) {
    throw new Error('schema.ts has no DB interface');
  }
  const tables = new Map<string, TypedColumn[]>();
  for (const member of db.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) {
      continue;
    }
    const table = (member.name as ts.Identifier).text;
    const declaration = interfaces.get((member.type.typeName as ts.Identifier).text);
    if (!declaration) {
      throw new Error(`schema.ts: DB.${table} names an interface the file does not declare`);
    }
    tables.set(
      table,
      declaration.members.filter(ts.isPropertySignature).map((column) => ({
        name: (column.name as ts.Identifier).text,
        nullable: column.type ? nullable(column.type) : false,
        opaque: column.type !== undefined && selectsUnknown(column.type),
      })),
    );
  }
  return tables;
}

let database: Database;
let sqlTables: Map<string, TypedColumn[]>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
    select c.table_name, c.column_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(database.db);
  sqlTables = new Map();
  for (const row of rows) {
    if (MIGRATION_TABLES.has(row.table_name)) {
      continue;
    }
    const columns = sqlTables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, nullable: row.is_nullable === 'YES' });
    sqlTables.set(row.table_name, columns);
  }
});
afterAll(async () => {
  await database.close();
});

describe('the hand-written table types match the migrated database', () => {
  it('has the same tables', () => {
    const typed = [...typedTables().keys()].sort();
    expect(typed.length).toBeGreaterThan(50);
    expect(typed).toEqual([...sqlTables.keys()].sort());
  });

  it('has the same columns in every table, nullable exactly where SQL allows null', () => {
    const typed = typedTables();
    const mismatches: string[] = [];
    for (const [table, columns] of sqlTables) {
      const typedColumns = new Map((typed.get(table) ?? []).map((c) => [c.name, c]));
      for (const column of columns) {
        const t = typedColumns.get(column.name);
        if (!t) {
          mismatches.push(`${table}.${column.name}: in SQL, missing from schema.ts`);
        } else if (!t.opaque && t.nullable !== column.nullable) {
          mismatches.push(
            `${table}.${column.name}: ${column.nullable ? 'nullable' : 'not null'} in SQL, ${t.nullable ? 'nullable' : 'not null'} in schema.ts`,
          );
        }
        typedColumns.delete(column.name);
      }
      for (const extra of typedColumns.keys()) {
        mismatches.push(`${table}.${extra}: in schema.ts, no such column in SQL`);
      }
    }
    expect(sqlTables.size).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});
