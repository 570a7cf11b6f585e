import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../server/config.js';
import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import { REASON_LABELS } from '../server/domain/screening-rules.js';
import { AppError } from '../server/errors.js';
import { openRuntime } from '../server/runtime.js';
import { startServer } from '../server/server.js';
import { systemActor } from '../server/services/actor.js';
import type { Services } from '../server/services/index.js';
import { temporaryPassword } from '../server/services/passwords.js';
import { decodeText } from '../server/services/text-decoding.js';
import { previousMonth, shanghaiToday } from '../shared/calendar.js';
import { type Department, ROLES, type Role } from '../shared/roles.js';

const config = loadConfig();
const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Runs a batch command against the database, as the operator ('cli' in the audit trail). */
async function withServices<T>(command: string, fn: (services: Services) => Promise<T>) {
  const { database, services } = await openRuntime(config, command);
  try {
    return await fn(services);
  } finally {
    await database.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError('must be a non-negative integer');
  }
  return n;
};

const program = new Command()
  .name('shoudi')
  .description('Shoudi 守底 — monitoring and assistance to prevent return to poverty')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('start the server (API and web app)')
  .option('--no-demo', 'do not seed demo data into a fresh database')
  .action(async (options: { demo: boolean }) => {
    await startServer(config, { demo: options.demo });
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withServices('shoudi migrate', async () => undefined);
    console.log('migrations applied');
  });

program
  .command('seed')
  .description('load data into the database')
  .requiredOption('--demo', 'demo regions and one user per role (refused when NODE_ENV=production)')
  .option('--households <n>', 'also generate this many demo households into an empty registry', positiveInt)
  .option('--date <yyyy-mm-dd>', 'reference date of the generated incomes (default: today)')
  .action(async (options: { demo: boolean; households?: number; date?: string }) => {
    await withServices('shoudi seed', async (s) => {
      const result = await s.demoSeed.seedDemo(systemActor());
      console.log(
        `demo data: ${result.generatedRegions} generated regions, users created: ${result.createdUsers.join(', ') || 'none (already present)'}`,
      );
      if (options.households === undefined) {
        return;
      }
      const started = Date.now();
      let lastPrinted = 0;
      const loaded = await s.population.seedHouseholds(systemActor(), {
        households: options.households,
        referenceDate: options.date ?? new Date().toISOString().slice(0, 10),
        onProgress: (p) => {
          if (Date.now() - lastPrinted > 1000 || p.households === p.total) {
            lastPrinted = Date.now();
            const percent = ((p.households / p.total) * 100).toFixed(1);
            process.stdout.write(
              `\r  households ${p.households}/${p.total} (${percent}%), persons ${p.persons}`,
            );
          }
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `\nloaded ${loaded.households} households, ${loaded.persons} persons, ${loaded.incomeItems} income items in ${seconds} s`,
      );
    });
  });

program
  .command('screen')
  .description('run the screening rules over every household in a scope and raise leads (常态/集中排查)')
  .option('--scope <code>', 'region code to screen (default: the whole city)')
  .option('--round <id>', 'concentrated round this run belongs to', positiveInt)
  .option('--date <yyyy-mm-dd>', 'reference date; income is the 12 months before its month (default: today)')
  .action(async (options: { scope?: string; round?: number; date?: string }) => {
    const run = await withServices('shoudi screen', (s) =>
      s.screening.run(systemActor(), {
        scopeCode: options.scope,
        roundId: options.round,
        date: options.date,
      }),
    );
    console.log(
      `screening run #${run.id} over ${run.scopeName}: ${run.householdsScreened} households, ` +
        `line ${run.line} 元, income ${run.windowStart}..${run.windowEnd}, rules v${run.ruleVersion}`,
    );
    console.log(`leads: ${run.leadsCreated} new, ${run.leadsUpdated} refreshed`);
    for (const [reason, count] of Object.entries(run.reasonCounts)) {
      console.log(`  ${(REASON_LABELS as Record<string, string>)[reason] ?? reason}: ${count}`);
    }
  });

const cycle = program.command('cycle').description('scheduled cycles of the mechanism');
cycle
  .command('monthly')
  .description(
    'evaluate every live case and re-screen eliminated households for a month; rolls back returned risk (月度研判)',
  )
  .option('--month <yyyy-mm>', 'the month (default: last month)')
  .action(async (options: { month?: string }) => {
    const month = options.month ?? previousMonth(shanghaiToday());
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new Error(`--month must be YYYY-MM, not ${month}`);
    }
    const run = await withServices('shoudi cycle monthly', (s) =>
      s.cycle.run(systemActor(), month, { wait: true }),
    );
    console.log(
      `monthly cycle ${run.month}: ${run.casesEvaluated} live cases evaluated, ` +
        `${run.eliminatedRescreened} eliminated households re-screened, ${run.rolledBack} rolled back into monitoring`,
    );
  });

const regions = program.command('regions').description('administrative divisions');
regions
  .command('import')
  .description('import a division file (CSV: code,name,level,parent_code; UTF-8 or GBK)')
  .argument('<file>', 'path of the division file')
  .action(async (file: string) => {
    const { text } = decodeText(fs.readFileSync(file));
    const result = await withServices('shoudi regions import', (s) =>
      s.regionImport.importDivisions(systemActor(), text, file),
    );
    console.log(`imported ${result.rows} regions: ${result.added} added, ${result.renamed} renamed`);
  });

const users = program.command('users').description('user accounts');
users
  .command('create')
  .description('create a user (prints a temporary password unless --password is given)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <displayName>', 'display name')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .requiredOption('--region <code>', 'region code (12 digits, or a zone code such as 4113Z1)')
  .option('--department <dept>', 'department, for the department role (民政, 医保, ...)')
  .option('--phone <phone>', 'phone number')
  .option('--password <password>', 'initial password (must be changed at first login)')
  .action(
    async (options: {
      username: string;
      name: string;
      role: string;
      region: string;
      department?: string;
      phone?: string;
      password?: string;
    }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new AppError('VALIDATION', `未知角色“${options.role}”，应为 ${ROLES.join(', ')} 之一`);
      }
      const password = options.password ?? temporaryPassword();
      const user = await withServices('shoudi users create', (s) =>
        s.users.create(systemActor(), {
          username: options.username,
          displayName: options.name,
          password,
          role: options.role as Role,
          department: (options.department as Department | undefined) ?? null,
          regionCode: options.region,
          phone: options.phone ?? null,
        }),
      );
      console.log(`created user ${user.username} (#${user.id}, ${user.role}, ${user.regionName})`);
      if (!options.password) {
        console.log(`temporary password: ${password}`);
      }
    },
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  if (error instanceof AppError) {
    console.error(`错误：${error.message}`);
    const problems = (error.details as { problems?: Array<{ row: number; code: string; reason: string }> })
      ?.problems;
    for (const p of problems ?? []) {
      console.error(`  line ${p.row}${p.code ? ` (${p.code})` : ''}: ${p.reason}`);
    }
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
