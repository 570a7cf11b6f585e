import { addDays } from '../../shared/calendar.js';
import { DEFAULT_CHECK_ITEMS } from '../../shared/linkage-checks.js';
import { isWithinScope } from '../../shared/region-code.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { LinkageCheckService } from '../services/linkage-check.service.js';
import { demoActor } from './demo-actor.js';

type Result = 'conforms' | 'mostly' | 'fails';

/** The demo checks, in sample order: each item's result, and the findings of the failed ones. */
const CHECKS: readonly {
  results: Record<(typeof DEFAULT_CHECK_ITEMS)[number], Result>;
  note: string;
  findings: { item: string; problem: string; followUpItem: string; due: 'overdue' | 'later' }[];
}[] = [
  {
    results: { 查项目: 'conforms', 查资产: 'conforms', 查带农: 'fails', 查收益: 'fails' },
    note: '现场核对带农名单和收益发放凭证',
    findings: [
      {
        item: '查收益',
        problem: '部分带动农户本年未见收益发放记录，与协议约定不符',
        followUpItem: '促增收',
        due: 'overdue',
      },
      { item: '查带农', problem: '带农名单与村级台账不一致', followUpItem: '促联结', due: 'later' },
    ],
  },
  {
    results: { 查项目: 'mostly', 查资产: 'fails', 查带农: 'conforms', 查收益: 'fails' },
    note: '查阅资产台账、管护记录，走访带动农户',
    findings: [
      { item: '查资产', problem: '资产管护责任人未明确', followUpItem: '促管护', due: 'later' },
      { item: '查收益', problem: '收益分配方案未公示', followUpItem: '促运营', due: 'later' },
    ],
  },
];

/**
 * The demo's 四查四促: 宛城区 sets up this year's campaign (the sample drawn, the rest of the county's agreements
 * added by hand), the township and county check all but one sampled agreement, and the findings stand at every
 * stage: one open past its deadline, one reopened, one rectified awaiting the county, one verified. Before that,
 * 宛农食品's 吸纳就业 jobs are named on its workers' records, so it meets the lead-enterprise criteria.
 */
export function createDemoLinkageCheckService(deps: {
  repos: Repositories;
  linkageChecks: LinkageCheckService;
}) {
  const { repos, linkageChecks } = deps;
  return {
    async seedLinkageChecks(seeder: Actor, today: string): Promise<number> {
      const county = await demoActor(repos, 'county_wancheng');
      const town = await demoActor(repos, 'town_guanzhuang');
      if (!county || !town) {
        return 0;
      }
      const year = Number(today.slice(0, 4));
      const agreements = await repos.linkage.search({ scope: county.scope, year });
      const jobs = agreements.items.find((a) => a.mode === 'employment');
      const workers = jobs
        ? await repos.demoLinkageChecks.assignWorkers({
            operatorId: Number(jobs.operator_id),
            agreementId: Number(jobs.id),
            limit: 36,
            year,
          })
        : 0;
      if (agreements.items.length === 0) {
        return 0;
      }
      const yearStart = `${year}-01-01`;
      const startsOn = addDays(today, -45) < yearStart ? yearStart : addDays(today, -45);
      let campaign = await linkageChecks.createCampaign(county, {
        name: `${year}年联农带农“四查四促”核查`,
        year,
        startsOn,
        endsOn: `${year}-12-31`,
      });
      for (const a of agreements.items) {
        if (!campaign.sample.some((s) => s.agreementId === Number(a.id))) {
          campaign = await linkageChecks.addToSample(county, campaign.id, { agreementId: Number(a.id) });
        }
      }
      const checkedOn = startsOn;
      const overdue = checkedOn < today ? checkedOn : today;
      const findingIds: number[] = [];
      for (const [i, spec] of CHECKS.entries()) {
        const s = campaign.sample[i];
        // One sampled agreement is left unchecked, so the campaign shows what is still to do.
        if (!s || i >= campaign.sample.length - 1) {
          break;
        }
        const actor = isWithinScope(s.regionCode, town.scope) ? town : county;
        const saved = await linkageChecks.saveCheck(actor, campaign.id, s.agreementId, {
          checkedOn,
          note: spec.note,
          results: DEFAULT_CHECK_ITEMS.map((item) => ({ item, result: spec.results[item] })),
          findings: spec.findings.map((f) => ({
            item: f.item,
            problem: f.problem,
            followUpItem: f.followUpItem,
            responsibleUnit: actor === town ? '官庄镇人民政府' : '宛城区乡村振兴局',
            deadline: f.due === 'overdue' ? overdue : addDays(today, 30),
          })),
        });
        findingIds.push(...saved.findings.map((f) => f.id));
      }
      // Steps: the second finding rectified and reopened, the third rectified, the fourth verified.
      const steps: [number, ('rectify' | 'verify' | 'reopen')[]][] = [
        [1, ['rectify', 'reopen']],
        [2, ['rectify']],
        [3, ['rectify', 'verify']],
      ];
      const notes = {
        rectify: '已补齐带农名单和收益发放凭证',
        reopen: '凭证不全，请补充银行转账记录',
        verify: null,
      };
      for (const [index, actions] of steps) {
        const id = findingIds[index];
        if (id === undefined) {
          continue;
        }
        const detail = await linkageChecks.getCampaign(county, campaign.id);
        let finding = detail.findings.find((f) => f.id === id);
        for (const action of actions) {
          if (!finding) {
            break;
          }
          const sampled = detail.sample.find((s) => s.agreementId === finding?.agreementId);
          const actor =
            action === 'rectify' && sampled && isWithinScope(sampled.regionCode, town.scope) ? town : county;
          finding = await linkageChecks.actOnFinding(actor, id, action, {
            version: finding.version,
            note: notes[action],
            actedOn: today,
          });
        }
      }
      await recordAudit(repos, seeder, {
        action: 'demo.linkage_checks',
        entityType: 'system',
        new: { campaign: campaign.id, sampled: campaign.sample.length, findings: findingIds.length, workers },
      });
      return findingIds.length;
    },
  };
}
