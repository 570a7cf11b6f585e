import { z } from 'zod';
import { addMonths, monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { MONEY_PATTERN } from '../../shared/money.js';
import { incomeWindow, ZMonthWindow } from '../domain/income.js';
import { conflict, validation } from '../errors.js';
import { type JobRunner, jobActor, ZJobActor } from '../jobs/job-runner.js';
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
    progress: r.job_total === null ? null : { done: r.job_done ?? 0, total: r.job_total },
  };
}

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A month's cycle job input: the parameters it was started with. */
const ZCycleJobInput = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  referenceDate: ZIsoDate,
  current: ZMonthWindow,
  halfYearAgo: ZMonthWindow,
  line: z.string().regex(MONEY_PATTERN),
  lineHalfYearAgo: z.string().regex(MONEY_PATTERN),
  actorName: z.string(),
  actor: ZJobActor,
});

/**
 * The monthly cycle (point 4 of the plan): evaluate every live case, re-screen every eliminated household
 * and roll back those whose risk returned. Idempotent per month; a second server asking for a month that is
 * running is refused (the run row is the lock).
 */
export function createCycleService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  jobs: JobRunner;
  screening: ScreeningService;
}) {
  const { repos, tx, jobs, screening } = deps;

  // One step: the month is evaluated in one transaction (its progress could not be written from inside it).
  const cycleJob = jobs.define({
    name: 'cycle.monthly',
    input: ZCycleJobInput,
    async run(input, context) {
      await context.progress(0, 1);
      await tx(async (t) => {
        const evaluated = await t.cycle.evaluateLive(input);
        const { rescreened, rolledBack } = await t.cycle.rescreenEliminated(input);
        const result = { evaluated, rescreened, rolledBack };
        await t.cycle.finish(input.month, result);
        await recordAudit(t, input.actor, {
          action: 'cycle.monthly',
          entityType: 'monthly_cycle',
          entityId: input.month,
          new: { referenceDate: input.referenceDate, line: input.line, ...result },
        });
      });
    },
    failed: (input, message) => repos.cycle.fail(input.month, message),
  });

  return {
    async list() {
      return (await repos.cycle.list()).map(presentRun);
    },

    /** Starts the month; `wait` runs it to the end (CLI), otherwise it runs in the background (API). */
    async run(actor: Actor, month: string, options: { wait: boolean }) {
      const { last } = monthBounds(month);
      const today = clock().today();
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
      await jobs.start(
        cycleJob,
        {
          month,
          referenceDate,
          current: incomeWindow(referenceDate),
          halfYearAgo: incomeWindow(referenceDate, 6),
          line,
          lineHalfYearAgo,
          actorName: actor.displayName,
          actor: jobActor(actor),
        },
        {
          startedBy: actor.username,
          // The CLI and the scheduler wait; the API answers at once and the page polls the run.
          wait: options.wait,
          recorded: (jobId) => repos.cycle.linkJob(month, jobId),
        },
      );
      const run = await repos.cycle.find(month);
      if (!run) {
        throw new Error('cycle run vanished');
      }
      return presentRun(run);
    },
  };
}

export type CycleService = ReturnType<typeof createCycleService>;
