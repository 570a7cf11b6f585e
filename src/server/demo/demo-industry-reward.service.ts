import type { SchemeUnit } from '../../shared/industry-rewards.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { IndustryRewardService } from '../services/industry-reward.service.js';
import { demoActor } from './demo-actor.js';

interface DemoScheme {
  by: 'county_wancheng' | 'county_wolong';
  item: string;
  unit: SchemeUnit;
  ratePercent: string;
  unitCap: string | null;
  householdCap: string;
}

/** This year's schemes of the two demo counties, on the lines of 汝州's 2023 scheme (domain-cdefg §C1). */
const SCHEMES: readonly DemoScheme[] = [
  {
    by: 'county_wancheng',
    item: '香菇种植',
    unit: 'mu',
    ratePercent: '20',
    unitCap: '500.00',
    householdCap: '5000.00',
  },
  {
    by: 'county_wancheng',
    item: '肉牛养殖',
    unit: 'head',
    ratePercent: '20',
    unitCap: '1000.00',
    householdCap: '5000.00',
  },
  {
    by: 'county_wolong',
    item: '月季种植',
    unit: 'mu',
    ratePercent: '25',
    unitCap: '600.00',
    householdCap: '4000.00',
  },
  {
    by: 'county_wolong',
    item: '庭院养殖',
    unit: 'household',
    ratePercent: '30',
    unitCap: null,
    householdCap: '1500.00',
  },
];

/**
 * The demo's industry rewards: the counties set their schemes through the service (so its rules hold), then the
 * claims of one in two eligible households are written set-based at every stage, with their notices, their
 * steps and, once paid, the household's industry measure.
 */
export function createDemoIndustryRewardService(deps: {
  repos: Repositories;
  industryRewards: IndustryRewardService;
}) {
  const { repos, industryRewards } = deps;
  return {
    async seedIndustryRewards(seeder: Actor, today: string): Promise<number> {
      const year = Number(today.slice(0, 4));
      const schemeIds: number[] = [];
      for (const s of SCHEMES) {
        const actor = await demoActor(repos, s.by);
        if (!actor) {
          continue;
        }
        const scheme = await industryRewards.createScheme(actor, {
          year,
          item: s.item,
          unit: s.unit,
          ratePercent: s.ratePercent,
          unitCap: s.unitCap,
          householdCap: s.householdCap,
          windowStart: `${year}-01-01`,
          windowEnd: `${year}-12-31`,
        });
        schemeIds.push(scheme.id);
      }
      const claims = await repos.demoIndustryRewards.seedClaims(schemeIds, today);
      await recordAudit(repos, seeder, {
        action: 'demo.industry_rewards',
        entityType: 'system',
        new: { schemes: schemeIds.length, claims },
      });
      return claims;
    },
  };
}
