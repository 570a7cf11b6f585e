import { clock } from '../../shared/clock.js';
import type { Config } from '../config.js';
import type { Actor } from '../services/actor.js';
import type { Services } from '../services/index.js';
import { DEMO_CASE_VILLAGE } from './demo-cases.service.js';

/**
 * About thirty households in each of the demo's 135 villages: every level has figures, the demo village has
 * a household for each example stage, and start-up stays quick.
 */
export const DEMO_HOUSEHOLDS = 4000;

export interface DemoContext {
  actor: Actor;
  /** Today (Asia/Shanghai): every date of the demo's year is counted back from it. */
  today: string;
  /** Households in the demo registry. */
  households: number;
  province: string;
}

export interface DemoStep {
  /** What the step seeds, as printed at start-up. */
  name: string;
  seed(services: Services, context: DemoContext): Promise<unknown>;
}

/**
 * The demo city, built in order, one step per module: a module that lands adds its own step (a function that
 * seeds its demo data into the demo counties, through its own service) at the end of this list, or after the
 * step whose data it builds on. Each step runs once, on a fresh database.
 */
export const DEMO_STEPS: readonly DemoStep[] = [
  {
    name: 'regions (the real Nanyang divisions) and one user per role',
    seed: (s, c) => s.demoSeed.seedDemo(c.actor, { divisions: 'real' }),
  },
  {
    name: 'households',
    seed: async (s, c) =>
      s.population.seedHouseholds(c.actor, {
        households: c.households,
        referenceDate: c.today,
        villageCodes: await s.demoSeed.demoVillages(),
      }),
  },
  {
    name: 'monitoring lines up to this year',
    seed: (s, c) => s.demoHistory.seedLines(c.actor, c.today, c.province),
  },
  { name: 'a case at every stage in the demo village', seed: (s, c) => s.demoCases.seedCases(c.actor) },
  {
    name: 'a year of cases, leads, helpers and visits',
    seed: (s, c) => s.demoHistory.seedYear(c.actor, c.today, DEMO_CASE_VILLAGE),
  },
  {
    // 宛城区 and 卧龙区: the 民政 and 人社 bureaus' lists of the year, their alerts verified, and declarations.
    name: 'department feeds, their alerts and self-declarations',
    seed: (s, c) => s.demoFeeds.seedFeeds(c.actor, c.today, DEMO_CASE_VILLAGE),
  },
  {
    // 宛城区 and 卧龙区 (the demo users' counties): work records for their 脱贫/监测 labourers.
    name: 'work records, a workshop and public-welfare post jobs',
    seed: (s, c) => s.employment.seedDemo(c.actor, ['411302000000', '411303000000'], DEMO_CASE_VILLAGE),
  },
  {
    name: 'operators (lead enterprises, co-operatives, farms, collectives) in 宛城区 and 卧龙区',
    seed: (s) => s.demoOperators.seedOperators(),
  },
  {
    name: 'projects, allocations and payments in every demo county',
    seed: (s, c) => s.demoProjects.seedProjects(c.actor),
  },
  {
    name: 'farmer linkage: agreements, linked households and their payments in 宛城区 and 卧龙区',
    seed: (s, c) => s.demoLinkage.seedLinkage(c.actor, c.today),
  },
  {
    // After the linkage step: the campaign samples its agreements; the lead enterprise's workers come first.
    name: '四查四促: a campaign of 宛城区 with its sample, checks and findings at every stage; lead-enterprise workers',
    seed: (s, c) => s.demoLinkageChecks.seedLinkageChecks(c.actor, c.today),
  },
  {
    name: 'consumer assistance: products at every stage, two brands and a year of sales in 宛城区 and 卧龙区',
    seed: (s, c) => s.demoConsumer.seedConsumer(c.actor, c.today),
  },
  {
    name: 'industry rewards: this year’s schemes of 宛城区 and 卧龙区 and claims at every stage',
    seed: (s, c) => s.demoIndustryRewards.seedIndustryRewards(c.actor, c.today),
  },
  {
    name: 'courtyard economy: demo villages and households of 宛城区 and 卧龙区 at every stage, the named with income',
    seed: (s, c) => s.demoCourtyard.seedCourtyard(c.actor, c.today),
  },
  {
    name: 'banks, the risk fund and microcredit loans in 宛城区',
    seed: (s, c) => s.demoCredit.seedCredit(c.actor),
  },
  {
    name: 'closed months, ranked quarters and issued bulletins',
    seed: (s, c) => s.demoHistory.seedReports(c.actor, c.today),
  },
];

/** Seeds the whole demo city; `log` hears each step and how long it took. */
export async function seedDemoCity(
  services: Services,
  config: Config,
  options: { actor: Actor; households: number; log?: (line: string) => void },
): Promise<void> {
  const context: DemoContext = {
    actor: options.actor,
    today: clock().today(),
    households: options.households,
    province: config.province,
  };
  for (const step of DEMO_STEPS) {
    const started = Date.now();
    await step.seed(services, context);
    options.log?.(`demo: ${step.name} (${Date.now() - started} ms)`);
  }
}
