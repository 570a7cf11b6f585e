import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { temporaryPassword } from '../server/adapters/passwords.js';
import { decodeText } from '../server/adapters/text-decoding.js';
import { type Config, loadConfig } from '../server/config.js';
import { backupDatabase, restoreDatabase } from '../server/db/backup.js';
import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import { REASON_LABELS } from '../server/domain/screening-rules.js';
import { AppError, SetupError } from '../server/errors.js';
import { openRuntime } from '../server/runtime.js';
import { startServer } from '../server/server.js';
import { systemActor } from '../server/services/actor.js';
import type { Services } from '../server/services/index.js';
import { previousMonth } from '../shared/calendar.js';
import { clock } from '../shared/clock.js';
import { HOUSEHOLD_TYPES, type HouseholdType } from '../shared/household-codes.js';
import { IMPORT_STATUS_LABELS } from '../shared/imports.js';
import { type Department, ROLES, type Role } from '../shared/roles.js';

const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const verbose = process.argv.includes('--verbose');

let loaded: Config | undefined;
/** Read when a command runs, so a bad variable is reported like any other error (one line, not a stack). */
const config = (): Config => {
  loaded ??= loadConfig();
  return loaded;
};

/**
 * Says which data folder a command uses when SHOUDI_DATA_DIR is not set, and refuses to create an empty one
 * for a command that needs existing data (a screening run on a new empty folder would silently do nothing).
 */
function checkDataDir(cfg: Config, createsData: boolean): void {
  if (cfg.databaseUrl) {
    return;
  }
  const exists = fs.existsSync(path.join(cfg.dataDir, 'pgdata'));
  if (!exists && !createsData) {
    throw new SetupError(
      `数据目录 ${cfg.dataDir} 中还没有数据库${cfg.dataDirFromEnv ? '' : '（未设置 SHOUDI_DATA_DIR，默认用当前目录下的 data）'}：请把 SHOUDI_DATA_DIR 设为已有的数据目录，或先运行 shoudi serve 或 shoudi seed --demo`,
    );
  }
  if (!cfg.dataDirFromEnv) {
    process.stderr.write(
      `使用数据目录 ${cfg.dataDir}${exists ? '' : '（新建）'}（未设置 SHOUDI_DATA_DIR）\n`,
    );
  }
}

/** Runs a batch command against the database, as the operator ('cli' in the audit trail). */
async function withServices<T>(
  command: string,
  fn: (services: Services) => Promise<T>,
  options: { createsData?: boolean } = {},
) {
  const cfg = config();
  checkDataDir(cfg, options.createsData ?? false);
  const { database, services } = await openRuntime(cfg, command);
  try {
    return await fn(services);
  } finally {
    await database.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError('应为非负整数');
  }
  return n;
};

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('应为日期 YYYY-MM-DD，例如 2026-11-15');
  }
  return value;
};

const yearMonth = (value: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw new InvalidArgumentError('应为月份 YYYY-MM，例如 2026-11');
  }
  return value;
};

/** Reads a file the user named; a missing one is said plainly. */
function readUserFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    throw new SetupError(`找不到文件 ${path.resolve(file)}`);
  }
  if (fs.statSync(file).isDirectory()) {
    throw new SetupError(`${path.resolve(file)} 是文件夹，不是文件`);
  }
  return fs.readFileSync(file);
}

const program = new Command()
  .name('shoudi')
  .description('Shoudi 守底 — monitoring and assistance to prevent return to poverty')
  .version(VERSION)
  .option('--verbose', 'on an error, print the whole stack trace too')
  .exitOverride()
  .configureOutput({ outputError: () => undefined });

program
  .command('serve')
  .description('start the server (API and web app)')
  .option('--no-demo', 'do not seed demo data into a fresh database')
  .action(async (options: { demo: boolean }) => {
    await startServer(config(), { demo: options.demo });
  });

program
  .command('backup')
  .argument('<file>', 'where to write the backup')
  .description(
    'back up the database: the embedded one (with the server stopped) or PostgreSQL (pg_dump, while running)',
  )
  .action(async (file: string) => {
    const result = await backupDatabase(config(), file);
    console.log(`backup of the ${result.kind} database written to ${file} (${result.bytes} bytes)`);
    console.log(
      "the encryption key is not in it: keep SHOUDI_SECRET_KEY or the data folder's secret.key apart",
    );
  });

program
  .command('restore')
  .argument('<file>', 'a file made by `shoudi backup`')
  .description(
    'restore a backup into a fresh data folder (SHOUDI_DATA_DIR) or an empty database (DATABASE_URL)',
  )
  .action(async (file: string) => {
    const result = await restoreDatabase(config(), file);
    console.log(`restored the ${result.kind} backup; start the server with the same encryption key`);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withServices('shoudi migrate', async () => undefined, { createsData: true });
    console.log('migrations applied');
  });

program
  .command('seed')
  .description('load data into the database')
  .requiredOption('--demo', 'demo regions and one user per role (refused when NODE_ENV=production)')
  .option('--households <n>', 'also generate this many demo households into an empty registry', positiveInt)
  .option('--date <yyyy-mm-dd>', 'reference date of the generated incomes (default: today)', isoDate)
  .action(async (options: { demo: boolean; households?: number; date?: string }) => {
    await withServices(
      'shoudi seed',
      async (s) => {
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
          referenceDate: options.date ?? clock().today(),
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
      },
      { createsData: true },
    );
  });

program
  .command('screen')
  .description('run the screening rules over every household in a scope and raise leads (常态/集中排查)')
  .option('--scope <code>', 'region code to screen (default: the whole city)')
  .option('--round <id>', 'concentrated round this run belongs to', positiveInt)
  .option(
    '--date <yyyy-mm-dd>',
    'reference date; income is the 12 months before its month (default: today)',
    isoDate,
  )
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
  .option('--month <yyyy-mm>', 'the month (default: last month)', yearMonth)
  .action(async (options: { month?: string }) => {
    const month = options.month ?? previousMonth(clock().today());
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
    const { text } = decodeText(readUserFile(file));
    const result = await withServices(
      'shoudi regions import',
      (s) => s.regionImport.importDivisions(systemActor(), text, file),
      { createsData: true },
    );
    console.log(`imported ${result.rows} regions: ${result.added} added, ${result.renamed} renamed`);
  });

const households = program.command('households').description('the household registry (农户档案)');
households
  .command('import')
  .description(
    'import households and members in the national layout (.xlsx, or CSV in UTF-8 or GBK); with any bad row nothing is imported unless --skip-bad-rows',
  )
  .argument('<file>', 'the spreadsheet')
  .option('--skip-bad-rows', 'import the households whose rows are all good and report the rest')
  .option('--problems <file>', 'write the refused rows with their reasons to this CSV file')
  .option('--check', 'only check the file (预检): report what the import would do, write no household')
  .action(async (file: string, options: { skipBadRows?: boolean; problems?: string; check?: boolean }) => {
    const data = readUserFile(file);
    const result = await withServices('shoudi households import', async (s) => {
      const imported = await s.householdImport.importFile(systemActor(), {
        data,
        filename: path.basename(file),
        skipBadRows: options.skipBadRows ?? false,
        dryRun: options.check ?? false,
      });
      if (options.problems && imported.problems.length > 0) {
        const report = await s.householdImport.problemReport(systemActor(), imported.jobId);
        fs.writeFileSync(options.problems, report.csv);
      }
      return imported;
    });
    const verdict = IMPORT_STATUS_LABELS[result.status].zh;
    const done = result.status === 'checked' ? 'would be imported' : 'imported';
    console.log(
      `import #${result.jobId} ${verdict}: ${result.totalRows} rows, ${result.households} households and ${result.persons} persons ${done}, ${result.problems.length} rows refused`,
    );
    for (const p of result.problems.slice(0, 50)) {
      console.log(`  第 ${p.row} 行：${p.reason}`);
    }
    if (result.problems.length > 50) {
      console.log(
        `  ……另有 ${result.problems.length - 50} 行${options.problems ? `，见 ${options.problems}` : '（用 --problems 写出全部）'}`,
      );
    }
    if (result.status === 'refused') {
      process.exitCode = 2;
    }
  });
households
  .command('export')
  .description('export households and members in the import layout (ID numbers and phones masked)')
  .option('--out <file>', 'where to write (default: 农户档案-<date>.<format> here)')
  .option('--format <format>', 'xlsx or csv', 'xlsx')
  .option('--region <code>', 'only this region (a county, town or village code)')
  .option('--type <type>', `only this household type: ${HOUSEHOLD_TYPES.join(', ')}`)
  .action(async (options: { out?: string; format: string; region?: string; type?: string }) => {
    if (options.format !== 'xlsx' && options.format !== 'csv') {
      throw new SetupError(`--format 应为 xlsx 或 csv，不是“${options.format}”`);
    }
    if (options.type && !(HOUSEHOLD_TYPES as readonly string[]).includes(options.type)) {
      throw new SetupError(`--type 应为 ${HOUSEHOLD_TYPES.join('、')} 之一，不是“${options.type}”`);
    }
    const format = options.format;
    const written = await withServices('shoudi households export', async (s) => {
      const file = await s.householdExport.export(systemActor(), {
        format,
        regionCode: options.region,
        type: options.type as HouseholdType | undefined,
      });
      const out = options.out ?? file.filename;
      await pipeline(file.stream, fs.createWriteStream(out));
      return out;
    });
    console.log(`exported to ${written} (${fs.statSync(written).size} bytes)`);
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

/** The lines an error is reported in: one line in Chinese (a refused file also lists its rows). */
function describeError(error: unknown): { lines: string[]; exitCode: number } {
  if (error instanceof CommanderError) {
    const text = error.message.replace(/^error: /, '');
    return { lines: [`错误：命令行参数有误：${text}（用 --help 查看用法）`], exitCode: 2 };
  }
  if (error instanceof DataDirLockedError) {
    return { lines: [error.message], exitCode: 3 };
  }
  if (error instanceof AppError) {
    const problems =
      (error.details as { problems?: Array<{ row: number; code?: string; reason: string }> } | undefined)
        ?.problems ?? [];
    const shown = problems
      .slice(0, 50)
      .map((p) => `  第 ${p.row} 行${p.code ? `（${p.code}）` : ''}：${p.reason}`);
    if (problems.length > shown.length) {
      shown.push(`  ……另有 ${problems.length - shown.length} 行`);
    }
    return { lines: [`错误：${error.message}`, ...shown], exitCode: 2 };
  }
  if (error instanceof SetupError) {
    return { lines: [`错误：${error.message}`], exitCode: 2 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { lines: [`错误：${message}${verbose ? '' : '（加 --verbose 显示详细信息）'}`], exitCode: 1 };
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError && error.exitCode === 0) {
    process.exit(0); // --help, --version
  }
  const { lines, exitCode } = describeError(error);
  console.error(lines.join('\n'));
  if (verbose && error instanceof Error) {
    console.error(error.stack);
  }
  process.exit(exitCode);
});
