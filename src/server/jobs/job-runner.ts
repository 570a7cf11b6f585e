import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Repositories } from '../repositories/index.js';
import type { AuditActor } from '../services/audit.js';

/** What a running job may tell the runner. */
export interface JobContext {
  /** Records progress (units done of total) for the web app, and refreshes the job's heartbeat. */
  progress(done: number, total: number): Promise<void>;
}

/**
 * A kind of background work: a name, the schema of its input (stored with the job, so a run can be read
 * afterwards and checked before it starts), the handler, and what to do with the job's own domain row (a
 * screening run, a month) when it fails — by an error, or because its server stopped in the middle.
 */
export interface JobDefinition<I> {
  name: string;
  input: z.ZodType<I>;
  run(input: I, context: JobContext): Promise<void>;
  failed(input: I, message: string): Promise<void>;
}

/** Who started a job, as its input stores it (the audit record written when it ends names them). */
export const ZJobActor = z.object({
  userId: z.number().int().nullable(),
  username: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const jobActor = (actor: AuditActor): z.infer<typeof ZJobActor> => ({
  userId: actor.userId,
  username: actor.username,
  ip: actor.ip,
  requestId: actor.requestId,
});

export const ABANDONED_MESSAGE = '服务器在任务运行中停止，任务未完成，请重新运行';

/** How often a process refreshes its running jobs' heartbeat, and after how long a silent one is abandoned. */
const HEARTBEAT_MS = 30_000;
const QUIET_SECONDS = 120;

/**
 * Runs jobs off the request: `start` records the job and answers with its id; the handler runs after the
 * current request (or to the end, with `wait`, for the CLI and the scheduler). `recover` fails the jobs a
 * killed server left `running`: at start-up and then every heartbeat. On PGlite one process owns the data
 * folder (db/data-dir-lock.ts), so every running job found at start-up is abandoned; on PostgreSQL only those
 * whose server has been silent for two minutes.
 */
export function createJobRunner(deps: { repos: Repositories; soleProcess: boolean }) {
  const { repos } = deps;
  const owner = randomUUID();
  const definitions = new Map<string, JobDefinition<never>>();

  async function execute<I>(definition: JobDefinition<I>, id: number, input: I) {
    try {
      await definition.run(input, { progress: (done, total) => repos.jobs.progress(id, done, total) });
      await repos.jobs.finish(id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await repos.jobs.fail(id, message);
      await definition.failed(input, message);
      throw error;
    }
  }

  /** Fails the jobs a stopped server left running; returns how many. */
  async function recover(): Promise<number> {
    const quietSeconds = deps.soleProcess ? null : QUIET_SECONDS;
    const abandoned = await repos.jobs.failAbandoned(owner, quietSeconds, ABANDONED_MESSAGE);
    for (const job of abandoned) {
      const definition = definitions.get(job.name);
      const input = definition?.input.safeParse(job.input);
      if (definition && input?.success) {
        await definition.failed(input.data as never, ABANDONED_MESSAGE);
      }
    }
    return abandoned.length;
  }

  return {
    define<I>(definition: JobDefinition<I>): JobDefinition<I> {
      definitions.set(definition.name, definition as unknown as JobDefinition<never>);
      return definition;
    },

    /** Records and starts a job; with `wait`, runs it to the end (its error is thrown). */
    async start<I>(
      definition: JobDefinition<I>,
      input: I,
      options: { startedBy: string; wait: boolean; recorded?: (jobId: number) => Promise<void> },
    ): Promise<number> {
      const parsed = definition.input.parse(input);
      const id = await repos.jobs.insert({
        name: definition.name,
        input: parsed,
        startedBy: options.startedBy,
        owner,
      });
      // The caller links its domain row to the job before the work starts, so the link exists even if it fails.
      await options.recorded?.(id);
      if (options.wait) {
        await execute(definition, id, parsed);
      } else {
        // The failure is on the job and its domain row for the poller to see.
        setImmediate(() => {
          execute(definition, id, parsed).catch(() => undefined);
        });
      }
      return id;
    },

    recover,

    /** Keeps this process's jobs alive and fails abandoned ones, until the returned stop is called. */
    keepAlive(onError: (error: unknown) => void): () => void {
      const timer = setInterval(() => {
        repos.jobs.beat(owner).then(recover).catch(onError);
      }, HEARTBEAT_MS).unref();
      return () => clearInterval(timer);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
