import { sql } from 'kysely';
import type { Secrets } from '../adapters/secrets.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import {
  generatePopulation,
  HOUSEHOLD_COLUMNS,
  INCOME_COLUMNS,
  PERSON_COLUMNS,
  type PopulationBatch,
} from '../population/generator.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

export interface SeedProgress {
  households: number;
  persons: number;
  incomeItems: number;
  total: number;
}

/** Loads a generated demo or benchmark population into an empty registry, by bulk COPY. */
export function createPopulationService(deps: {
  database: Database;
  repos: Repositories;
  config: Config;
  secrets: Secrets;
}) {
  const { database, repos, config, secrets } = deps;

  return {
    async seedHouseholds(
      actor: Actor,
      options: {
        households: number;
        referenceDate: string;
        /** Only these villages (the demo's); default every village. */
        villageCodes?: readonly string[];
        onProgress?: (p: SeedProgress) => void;
      },
    ) {
      if (config.isProduction) {
        throw new AppError(
          'FORBIDDEN',
          '生产环境（NODE_ENV=production）禁止生成演示数据 / demo data is refused in production',
        );
      }
      const existing = await database.db
        .selectFrom('household')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      if (existing.n > 0) {
        throw new AppError(
          'CONFLICT',
          `农户档案已有 ${existing.n} 户，演示数据只能生成到空的档案中（请使用新的数据目录或数据库）`,
        );
      }
      let villageQuery = database.db
        .selectFrom('region')
        .select(['code', 'parent_code', 'county_code'])
        .where('level', '=', 'village');
      if (options.villageCodes && options.villageCodes.length > 0) {
        villageQuery = villageQuery.where('code', 'in', [...options.villageCodes]);
      }
      const villages = await villageQuery.orderBy('code').execute();
      if (villages.length === 0) {
        throw new AppError('VALIDATION', '没有村级区划：请先导入区划文件或运行 shoudi seed --demo');
      }
      const batches = generatePopulation({
        villages: villages.map((v) => ({
          code: v.code,
          townCode: v.parent_code ?? '',
          countyCode: v.county_code ?? '',
        })),
        households: options.households,
        referenceDate: options.referenceDate,
        secrets,
      });
      return this.loadPopulation(actor, batches, {
        total: options.households,
        onProgress: options.onProgress,
      });
    },

    /**
     * Bulk-loads population batches (CSV lines for COPY) into an empty registry in one transaction.
     * Separate from generation so the benchmark can time the load path alone.
     */
    async loadPopulation(
      actor: Actor,
      batches: Iterable<PopulationBatch> | AsyncIterable<PopulationBatch>,
      options: { total: number; onProgress?: ((p: SeedProgress) => void) | undefined },
    ) {
      const progress: SeedProgress = { households: 0, persons: 0, incomeItems: 0, total: options.total };
      await database.bulkLoad(async ({ copy, exec }) => {
        // Foreign keys are checked once, set-based, after the load instead of row by row during it;
        // the registry is empty (checked by the caller), so nothing else is affected.
        await exec('alter table person drop constraint person_household_id_fkey');
        await exec('alter table income_item drop constraint income_item_household_id_fkey');
        // The next batch is produced while the database ingests the previous one.
        let inFlight: Promise<void> = Promise.resolve();
        for await (const batch of batches) {
          await inFlight;
          inFlight = (async () => {
            await copy('household', HOUSEHOLD_COLUMNS, batch.households);
            await copy('person', PERSON_COLUMNS, batch.persons);
            await copy('income_item', INCOME_COLUMNS, batch.incomes);
            progress.households += batch.households.length;
            progress.persons += batch.persons.length;
            progress.incomeItems += batch.incomes.length;
            options.onProgress?.({ ...progress });
          })();
        }
        await inFlight;
        await exec(
          'alter table person add constraint person_household_id_fkey foreign key (household_id) references household (id)',
        );
        await exec(
          'alter table income_item add constraint income_item_household_id_fkey foreign key (household_id) references household (id)',
        );
      });
      // COPY wrote explicit ids; move the identity sequences past them.
      await sql`select setval(pg_get_serial_sequence('household', 'id'), coalesce((select max(id) from household), 0) + 1, false)`.execute(
        database.db,
      );
      await sql`select setval(pg_get_serial_sequence('person', 'id'), coalesce((select max(id) from person), 0) + 1, false)`.execute(
        database.db,
      );
      await sql`analyze household`.execute(database.db);
      await sql`analyze person`.execute(database.db);
      await sql`analyze income_item`.execute(database.db);
      await recordAudit(repos, actor, {
        action: 'registry.seed',
        entityType: 'household',
        new: {
          households: progress.households,
          persons: progress.persons,
          incomeItems: progress.incomeItems,
        },
      });
      return progress;
    },
  };
}

export type PopulationService = ReturnType<typeof createPopulationService>;
