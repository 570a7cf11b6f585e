import { describe, expect, it } from 'vitest';
import { splitStatements } from './run-script.js';

describe('splitStatements', () => {
  it('splits at semicolons that end a line, skipping comments', () => {
    const script = 'create table a (x int);\n-- a comment; not a statement\ncreate index i on a (x);\n';
    expect(splitStatements(script)).toEqual(['create table a (x int);', 'create index i on a (x);']);
  });

  it('keeps dollar-quoted bodies whole', () => {
    const script = 'create function f() returns int as $$\n  select 1;\n$$ language sql;\nselect 2;';
    expect(splitStatements(script)).toEqual([
      'create function f() returns int as $$\n  select 1;\n$$ language sql;',
      'select 2;',
    ]);
  });
});
