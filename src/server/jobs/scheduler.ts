import type { FastifyBaseLogger } from 'fastify';
import { previousMonth } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { systemActor } from '../services/actor.js';
import type { Services } from '../services/index.js';

const HOUR_MS = 60 * 60 * 1000;
const REFRESH_MS = 10 * 60 * 1000;

/**
 * Runs last month's cycle once it has ended, then closes that month's figures: checked a minute after start
 * and every hour after. With more than one server, the run row is the lock (the second is refused); a
 * finished month is not run again. The open month's report figures are refreshed every ten minutes.
 */
export function scheduleJobs(services: Services, log: FastifyBaseLogger): () => void {
  const tick = async () => {
    // 稳岗: jobs ended with no new one within the gap become leads (once per record, so hourly is harmless).
    const scan = await services.employment.scanJobEnds(systemActor('scheduler'));
    if (scan.leadsRaised > 0) {
      log.info(scan, 'job-end leads raised');
    }
    const month = previousMonth(clock().today());
    const runs = await services.cycle.list();
    if (!runs.some((r) => r.month === month && r.status !== 'failed')) {
      log.info({ month }, 'monthly cycle starting');
      const run = await services.cycle.run(systemActor('scheduler'), month, { wait: true });
      log.info(run, 'monthly cycle finished');
    }
    const period = await services.reports.summary(systemActor('scheduler'), month, undefined);
    if (period.status === 'open') {
      await services.reports.closeMonth(systemActor('scheduler'), month);
      log.info({ month }, 'report month closed');
    }
  };
  const refresh = () => {
    services.reports.refresh().catch((error) => log.error({ err: error }, 'report refresh failed'));
  };
  const safeTick = () => {
    tick().catch((error) => log.error({ err: error }, 'monthly cycle failed'));
  };
  const first = setTimeout(safeTick, HOUR_MS / 60).unref();
  const every = setInterval(safeTick, HOUR_MS).unref();
  const figures = setInterval(refresh, REFRESH_MS).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
    clearInterval(figures);
  };
}
