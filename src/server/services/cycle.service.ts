import { addMonths, monthBounds, shanghaiToday } from '../../shared/calendar.js';
import { incomeWindow } from '../domain/income.js';
import { conflict, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { ScreeningService } from './screening.service.js';
import type { RunInTransaction } from './transaction.js';

type RunRow = NonNullable<Awaited<ReturnType<Repositories['cycle']['find']>>>;

function presentRun(r: RunRow) {
  return {
    month: r.month,
    status: r.status as 'running' | 'finished' | 'failed',
    casesEvaluated: r.cases_evaluated,
    eliminatedRescreened: r.eliminated_rescreened,
    rolledBack: r.rolled_back,
    error: r.error,
    startedBy: r.started_by,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

/**
 * The monthly cycle (point 4 of the plan): evaluate every live case, re-screen every eliminated household
 * and roll back those whose risk returned. Idempotent per month; a second server asking for a month that is
 * running is refused (the run row is the lock).
 */
export function createCycleService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  screening: ScreeningService;
}) {
  const { repos, tx, screening } = deps;

  return {
    async list() {
      return (await repos.cycle.list()).map(presentRun);
    },

    /** Starts the month; `wait` runs it to the end (CLI), otherwise it runs in the background (API). */
    async run(actor: Actor, month: string, options: { wait: boolean }) {
      const { last } = monthBounds(month);
      const today = shanghaiToday();
      if (`${month}-01` > today) {
        throw validation('不能研判尚未开始的月份', { field: 'month' });
      }
      const referenceDate = last < today ? last : today; // ISO dates compare as strings
      const line = await screening.lineOn(referenceDate);
      const halfYearRef = addMonths(referenceDate, -6);
      const lineHalfYearAgo = await screening.lineOn(halfYearRef).catch(() => line);
      if (!(await repos.cycle.claim(month, actor.username))) {
        throw conflict(`${month} 的月度研判正在运行`);
      }
      const params = {
        month,
        referenceDate,
        current: incomeWindow(referenceDate),
        halfYearAgo: incomeWindow(referenceDate, 6),
        line,
        lineHalfYearAgo,
        actorName: actor.displayName,
      };
      const execute = async () => {
        try {
          const counts = await tx(async (t) => {
            const evaluated = await t.cycle.evaluateLive(params);
            const { rescreened, rolledBack } = await t.cycle.rescreenEliminated(params);
            const result = { evaluated, rescreened, rolledBack };
            await t.cycle.finish(month, result);
            await recordAudit(t, actor, {
              action: 'cycle.monthly',
              entityType: 'monthly_cycle',
              entityId: month,
              new: { referenceDate, line, ...result },
            });
            return result;
          });
          return counts;
        } catch (error) {
          await repos.cycle.fail(month, error instanceof Error ? error.message : String(error));
          throw error;
        }
      };
      if (options.wait) {
        await execute();
      } else {
        // Keep the batch off the request: answer at once, the page polls the run.
        setImmediate(() => {
          execute().catch(() => undefined);
        });
      }
      const run = await repos.cycle.find(month);
      if (!run) {
        throw new Error('cycle run vanished');
      }
      return presentRun(run);
    },
  };
}

export type CycleService = ReturnType<typeof createCycleService>;
