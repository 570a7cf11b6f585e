import { z } from 'zod';
import { isoDateOfUtcDay } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { fromCents, MONEY_PATTERN, toCents } from '../../shared/money.js';
import { incomeWindow, ZMonthWindow } from '../domain/income.js';
import { DEFAULT_SCREENING_RULES, type ScreeningRules, ZScreeningRules } from '../domain/screening-rules.js';
import { AppError, notFound, validation } from '../errors.js';
import { type JobRunner, jobActor, ZJobActor } from '../jobs/job-runner.js';
import type { Repositories } from '../repositories/index.js';
import type { ScreeningCounts } from '../repositories/screening.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { isRegionInScope, isRegionVisible, scopeForRegion } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

type RunRow = NonNullable<Awaited<ReturnType<Repositories['screeningConfig']['findRun']>>>;

export interface RunScreeningInput {
  scopeCode?: string | undefined;
  roundId?: number | undefined;
  /** The reference date; the income window is the 12 months before its month. Default: today. */
  date?: string | undefined;
}

const today = () => clock().today();

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A screening run's job input: everything the run was started with, so it can be read back later. */
const ZScreeningJobInput = z.object({
  runId: z.number().int(),
  actor: ZJobActor,
  regionCode: z.string(),
  /** One step per element: the region prefixes screened together (a county, or the whole small scope). */
  units: z.array(z.array(z.string())).min(1),
  rules: ZScreeningRules,
  line: z.string().regex(MONEY_PATTERN),
  today: ZIsoDate,
  current: ZMonthWindow,
  previous: ZMonthWindow,
  kind: z.enum(['routine', 'concentrated']),
  ruleVersion: z.number().int(),
});

export function createScreeningService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  jobs: JobRunner;
  province: string;
}) {
  const { repos, tx, jobs, province } = deps;

  const screeningJob = jobs.define({
    name: 'screening.run',
    input: ZScreeningJobInput,
    async run(input, context) {
      const counts: ScreeningCounts = { households: 0, created: 0, updated: 0, reasonCounts: {} };
      await context.progress(0, input.units.length);
      for (const [i, scopePrefixes] of input.units.entries()) {
        const part = await repos.screening.screen({
          runId: input.runId,
          scopePrefixes,
          rules: input.rules,
          line: input.line,
          today: input.today,
          current: input.current,
          previous: input.previous,
        });
        counts.households += part.households;
        counts.created += part.created;
        counts.updated += part.updated;
        for (const [reason, n] of Object.entries(part.reasonCounts)) {
          counts.reasonCounts[reason] = (counts.reasonCounts[reason] ?? 0) + n;
        }
        await context.progress(i + 1, input.units.length);
      }
      await tx(async (t) => {
        await t.screeningConfig.finishRun(input.runId, counts);
        await recordAudit(t, input.actor, {
          action: 'screening.run',
          entityType: 'screening_run',
          entityId: input.runId,
          regionCode: input.regionCode,
          new: {
            kind: input.kind,
            ruleVersion: input.ruleVersion,
            line: input.line,
            households: counts.households,
            leadsCreated: counts.created,
          },
        });
      });
    },
    failed: (input, message) => repos.screeningConfig.failRun(input.runId, message),
  });
  // Rules and lines are read on every household page; they change a few times a year. Cached briefly,
  // dropped on change here; another server sees a change within CACHE_MS.
  const CACHE_MS = 10_000;
  let rulesCache: { value: { version: number; rules: ScreeningRules }; until: number } | null = null;
  const lineCache = new Map<number, { value: { year: number; amount: string } | null; until: number }>();

  /**
   * The monitoring line in force on a date and the year it was set for: that year's, or — when the year has
   * none yet — the latest earlier one (the household page and the administrators' warning say which).
   */
  async function lineInForce(date: string): Promise<{ year: number; amount: string } | null> {
    const year = Number(date.slice(0, 4));
    let cached = lineCache.get(year);
    if (!cached || cached.until <= Date.now()) {
      const row = await repos.screeningConfig.findLineFor(province, year);
      cached = {
        value: row ? { year: row.year, amount: String(row.amount) } : null,
        until: Date.now() + CACHE_MS,
      };
      lineCache.set(year, cached);
    }
    return cached.value;
  }

  async function currentRules(): Promise<{ version: number; rules: ScreeningRules }> {
    if (rulesCache && rulesCache.until > Date.now()) {
      return rulesCache.value;
    }
    const latest = await repos.screeningConfig.latestRules();
    const value = latest
      ? { version: latest.version, rules: ZScreeningRules.parse(latest.rules) }
      : { version: 0, rules: DEFAULT_SCREENING_RULES };
    rulesCache = { value, until: Date.now() + CACHE_MS };
    return value;
  }

  async function regionInScope(actor: Actor, code: string) {
    const region = await repos.regions.findByCode(code);
    if (!region || !isRegionInScope(region, actor.scope)) {
      throw notFound('区划');
    }
    return region;
  }

  async function presentRun(id: number) {
    const run = await repos.screeningConfig.findRun(id);
    if (!run) {
      throw notFound('排查记录');
    }
    const region = await repos.regions.findByCode(run.scope_code);
    return runView(run, region?.name);
  }

  /** A run as the API shows it. */
  function runView(run: RunRow, scopeName: string | undefined) {
    return {
      id: run.id,
      kind: run.kind as 'routine' | 'concentrated',
      roundId: run.round_id,
      scopeCode: run.scope_code,
      scopeName: scopeName ?? run.scope_code,
      ruleVersion: run.rule_version,
      line: String(run.line_amount),
      windowStart: String(run.window_start).slice(0, 10),
      windowEnd: String(run.window_end).slice(0, 10),
      status: run.status as 'running' | 'finished' | 'failed',
      householdsScreened: run.households_screened,
      leadsCreated: run.leads_created,
      leadsUpdated: run.leads_updated,
      reasonCounts: (run.reason_counts ?? {}) as Record<string, number>,
      error: run.error,
      startedBy: run.started_by,
      startedAt: new Date(run.started_at).toISOString(),
      finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
      progress: run.job_total === null ? null : { done: run.job_done ?? 0, total: run.job_total },
    };
  }

  return {
    rules: currentRules,

    async updateRules(actor: Actor, rules: ScreeningRules) {
      rulesCache = null;
      const current = await currentRules();
      const version = current.version + 1;
      await tx(async (t) => {
        await t.screeningConfig.insertRules(version, rules, actor.username);
        rulesCache = null;
        await recordAudit(t, actor, {
          action: 'screening.rules_update',
          entityType: 'screening_rules',
          entityId: version,
          old: current.rules,
          new: rules,
        });
      });
      return { version, rules };
    },

    async lines() {
      const rows = await repos.screeningConfig.listLines();
      return rows.map((r) => ({
        province: r.province,
        year: r.year,
        amount: String(r.amount),
        note: r.note,
      }));
    },

    async setLine(
      actor: Actor,
      input: { province: string; year: number; amount: string; note?: string | null },
    ) {
      lineCache.clear();
      const before = await repos.screeningConfig.findLine(input.province, input.year);
      await tx(async (t) => {
        await t.screeningConfig.upsertLine(input.province, input.year, input.amount, input.note ?? null);
        lineCache.clear();
        await recordAudit(t, actor, {
          action: 'screening.line_set',
          entityType: 'monitoring_line',
          entityId: `${input.province}/${input.year}`,
          old: before ? { amount: String(before.amount), note: before.note } : null,
          new: { amount: input.amount, note: input.note ?? null },
        });
      });
      return {
        province: input.province,
        year: input.year,
        amount: fromCents(toCents(input.amount)),
        note: input.note ?? null,
      };
    },

    lineInForce,

    /** The monitoring line in force on a date (that year's, or the latest earlier one). */
    async lineOn(date: string): Promise<string> {
      const line = await lineInForce(date);
      if (line === null) {
        throw new AppError(
          'VALIDATION',
          `没有 ${province} ${date.slice(0, 4)} 年或更早的监测范围标准，请先在系统设置中录入`,
        );
      }
      return line.amount;
    },

    /**
     * Screens every household in the scope (default: the actor's region) with the current rules and
     * line, raising or refreshing one open lead per flagged household. Recorded as a run.
     */
    /**
     * With `background`, answers as soon as the run is recorded (status running) and screens afterwards,
     * so a request never waits for a city-wide run; the caller polls getRun. The CLI waits.
     */
    async run(actor: Actor, input: RunScreeningInput, options: { background?: boolean } = {}) {
      const date = input.date ?? today();
      let scopeCode = input.scopeCode ?? actor.regionCode;
      let kind: 'routine' | 'concentrated' = 'routine';
      if (input.roundId !== undefined) {
        const round = await this.getRound(actor, input.roundId);
        kind = 'concentrated';
        // A county screens its own part of a city-wide round.
        scopeCode =
          input.scopeCode ??
          (isRegionInScope({ code: round.scopeCode, level: 'county' }, actor.scope)
            ? round.scopeCode
            : actor.regionCode);
      }
      if (actor.userId === null && input.scopeCode === undefined && input.roundId === undefined) {
        const roots = await repos.regions.listRoots();
        scopeCode = roots[0]?.code ?? '';
      }
      const region = await regionInScope(actor, scopeCode);
      const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
      const { version, rules } = await currentRules();
      const ruleVersion = version === 0 ? 1 : version;
      if (version === 0) {
        // The defaults become version 1 on first use, so every run names a stored rule set.
        await repos.screeningConfig.insertRules(1, rules, 'system');
        rulesCache = null;
      }
      const line = await this.lineOn(date);
      const current = incomeWindow(date);
      const previous = incomeWindow(date, 12);
      const runId = await repos.screeningConfig.insertRun({
        kind,
        roundId: input.roundId ?? null,
        scopeCode: region.code,
        ruleVersion,
        line,
        window: current,
        startedBy: actor.username,
      });
      // A city-wide run screens county by county: the same statement per county, so the page can show
      // how far it is (one county per step). A county or smaller scope is one step.
      const scope = scopeForRegion(region, zoneTowns);
      const units =
        region.level === 'city'
          ? (await repos.regions.listByLevel('county'))
              .map((county) => scopeForRegion(county, []))
              .filter((prefixes) => prefixes.every((p) => scope.some((s) => p.startsWith(s))))
          : [scope];
      await jobs.start(
        screeningJob,
        {
          runId,
          actor: jobActor(actor),
          regionCode: region.code,
          units: units.length > 0 ? units : [scope],
          rules,
          line,
          today: date,
          current,
          previous,
          kind,
          ruleVersion,
        },
        {
          startedBy: actor.username,
          wait: !options.background,
          recorded: (jobId) => repos.screeningConfig.linkJob(runId, jobId),
        },
      );
      return presentRun(runId);
    },

    async getRun(actor: Actor, id: number) {
      const run = await presentRun(id);
      if (!isRegionInScope({ code: run.scopeCode, level: 'county' }, actor.scope)) {
        throw notFound('排查记录');
      }
      return run;
    },

    async listRuns(actor: Actor) {
      const rows = await repos.screeningConfig.listRuns(actor.scope, 50);
      const names = new Map(
        (await repos.regions.findByCodes([...new Set(rows.map((r) => r.scope_code))])).map((r) => [
          r.code,
          r.name,
        ]),
      );
      return rows.map((r) => runView(r, names.get(r.scope_code)));
    },

    async createRound(
      actor: Actor,
      input: {
        name: string;
        scopeCode: string;
        startsOn: string;
        screenBy: string;
        proceduresBy?: string | null;
        entryBy?: string | null;
      },
    ) {
      await regionInScope(actor, input.scopeCode);
      if (input.screenBy < input.startsOn) {
        throw validation('排查截止日期不能早于开始日期', { field: 'screenBy' });
      }
      const id = await tx(async (t) => {
        const roundId = await t.screeningConfig.insertRound({
          name: input.name,
          scopeCode: input.scopeCode,
          startsOn: input.startsOn,
          screenBy: input.screenBy,
          proceduresBy: input.proceduresBy ?? null,
          entryBy: input.entryBy ?? null,
          createdBy: actor.username,
        });
        await recordAudit(t, actor, {
          action: 'screening.round_create',
          entityType: 'screening_round',
          entityId: roundId,
          regionCode: input.scopeCode,
          new: input,
        });
        return roundId;
      });
      return this.getRound(actor, id);
    },

    /** Rounds that cover the actor's region or lie within it. */
    async listRounds(actor: Actor) {
      const rounds = await repos.screeningConfig.listRounds();
      const regions = new Map(
        (await repos.regions.findByCodes(rounds.map((r) => r.scope_code))).map((r) => [r.code, r]),
      );
      return rounds
        .filter((r) => {
          const region = regions.get(r.scope_code);
          return region !== undefined && isRegionVisible(region, actor.scope);
        })
        .map(presentRound);
    },

    async getRound(actor: Actor, id: number) {
      const round = await repos.screeningConfig.findRound(id);
      const region = round ? await repos.regions.findByCode(round.scope_code) : undefined;
      if (!round || !region || !isRegionVisible(region, actor.scope)) {
        throw notFound('集中排查轮次');
      }
      return presentRound(round);
    },

    /** Progress of a round per county and town, limited to the part of its scope the actor sees. */
    async roundProgress(actor: Actor, id: number) {
      const round = await this.getRound(actor, id);
      const region = await repos.regions.findByCode(round.scopeCode);
      const [prefix] = region ? scopeForRegion(region) : [];
      const rows = await repos.screeningConfig.roundProgress(id, prefix ?? round.scopeCode);
      const visible = rows.filter((r) => isRegionInScope({ code: r.town_code, level: 'town' }, actor.scope));
      const names = new Map(
        (
          await repos.regions.findByCodes([...new Set(visible.flatMap((r) => [r.county_code, r.town_code]))])
        ).map((r) => [r.code, r.name]),
      );
      return {
        round,
        towns: visible.map((r) => ({
          countyCode: r.county_code,
          countyName: names.get(r.county_code) ?? r.county_code,
          townCode: r.town_code,
          townName: names.get(r.town_code) ?? r.town_code,
          households: r.households,
          leads: r.leads,
          openLeads: r.open_leads,
        })),
      };
    },
  };
}

function presentRound(r: {
  id: number;
  name: string;
  scope_code: string;
  starts_on: string;
  screen_by: string;
  procedures_by: string | null;
  entry_by: string | null;
  created_by: string;
}) {
  const day = (d: string | null) => (d === null ? null : isoDateOfUtcDay(new Date(d)));
  return {
    id: r.id,
    name: r.name,
    scopeCode: r.scope_code,
    startsOn: day(r.starts_on) ?? '',
    screenBy: day(r.screen_by) ?? '',
    proceduresBy: day(r.procedures_by),
    entryBy: day(r.entry_by),
    createdBy: r.created_by,
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
