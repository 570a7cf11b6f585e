#!/usr/bin/env node
// One clock: "today" comes from src/shared/clock.ts and reaches SQL as a parameter. This check fails when a
// business date is taken any other way in src/: SQL current_date / now()::date (the database's UTC day) or
// toISOString().slice(0, 10) (the UTC day, which is yesterday before 08:00 Beijing time).
import fs from 'node:fs';
import path from 'node:path';

const FORBIDDEN = [
  {
    pattern: /\bcurrent_date\b/i,
    what: 'SQL current_date (the UTC day): pass clock().today() as a parameter',
  },
  { pattern: /now\(\)\s*::\s*date/i, what: 'now()::date (the UTC day): pass clock().today() as a parameter' },
  {
    pattern: /toISOString\(\)\.slice\(\s*0\s*,\s*(10|7)\s*\)/,
    what: 'toISOString().slice (the UTC day): use clock().today()',
  },
  {
    pattern: /\bdayjs\(\)/,
    what: "dayjs() (the browser's day): use today() from src/web/util/today.ts",
  },
  {
    pattern: /new Date\(\)\.get(FullYear|Month|Date)\(\)/,
    what: "the machine time zone's date: use clock().today()",
  },
];

// Where the patterns are allowed, and why.
const ALLOWED = new Map([
  ['src/shared/clock.ts', 'the clock itself (and its comment naming the forbidden forms)'],
  ['src/shared/calendar.ts', 'date arithmetic on ISO dates at UTC midnight, never "today"'],
  // Released, forward-only migrations: these two column defaults were business dates (lead.found_on,
  // helper_assignment.starts_on) and are dropped by 202612011920_drop_utc_date_defaults.
  ['src/server/db/migrations/202611291000_create_registry.ts', 'default dropped by 202612011920'],
  ['src/server/db/migrations/202611291300_create_cases.ts', 'default dropped by 202612011920'],
  ['src/server/db/migrations/202612011920_drop_utc_date_defaults.ts', 'its comment explains the drop'],
]);

const root = path.resolve(import.meta.dirname, '..');
const problems = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) {
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (ALLOWED.has(rel)) {
        continue;
      }
      const lines = fs.readFileSync(full, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { pattern, what } of FORBIDDEN) {
          if (pattern.test(line)) {
            problems.push(`${rel}:${i + 1}: ${what}\n    ${line.trim()}`);
          }
        }
      });
    }
  }
}
walk(path.join(root, 'src'));
if (problems.length > 0) {
  console.error(`One clock: ${problems.length} place(s) take a business date without src/shared/clock.ts:`);
  for (const p of problems) {
    console.error(`  ${p}`);
  }
  process.exit(1);
}
console.log('one clock: no current_date or UTC-day slicing in src/');
