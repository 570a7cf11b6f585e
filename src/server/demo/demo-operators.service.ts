import type { OperatorType } from '../../shared/operators.js';
import { usccCheckCharacter } from '../../shared/operators.js';
import type { Repositories } from '../repositories/index.js';
import type { OperatorService } from '../services/operator.service.js';
import { demoActor } from './demo-actor.js';
import { DEMO_CASE_VILLAGE } from './demo-cases.service.js';

interface DemoOperator {
  by: 'county_wancheng' | 'county_wolong' | 'town_guanzhuang';
  /** A region code, or 'village:n' for the n-th demo village of the county (real divisions differ by file). */
  where: string;
  name: string;
  operatorType: OperatorType;
  /** The 统一社会信用代码 prefix (登记管理部门 + 机构类别): 91 enterprise, 93 co-operative, 92 individual. */
  kind?: '91' | '92' | '93';
  legalPerson: string;
  leadLevel?: 'national' | 'provincial' | 'city' | 'county';
  leadCertifiedOn?: string;
}

const OPERATORS: readonly DemoOperator[] = [
  {
    by: 'county_wancheng',
    where: '411302000000',
    name: '南阳宛农食品有限公司',
    operatorType: 'lead_enterprise',
    kind: '91',
    legalPerson: '周建国',
    leadLevel: 'city',
    leadCertifiedOn: '2024-09-20',
  },
  {
    by: 'county_wancheng',
    where: '411302000000',
    name: '宛城区艾草制品有限公司',
    operatorType: 'lead_enterprise',
    kind: '91',
    legalPerson: '孙丽',
    leadLevel: 'county',
    leadCertifiedOn: '2025-03-18',
  },
  {
    by: 'town_guanzhuang',
    where: DEMO_CASE_VILLAGE,
    name: '官庄镇香菇种植专业合作社',
    operatorType: 'cooperative',
    kind: '93',
    legalPerson: '李春生',
  },
  {
    by: 'town_guanzhuang',
    where: DEMO_CASE_VILLAGE,
    name: '股份经济合作社',
    operatorType: 'village_collective',
    legalPerson: '王德明',
  },
  {
    by: 'town_guanzhuang',
    where: 'village:1',
    name: '绿源家庭农场',
    operatorType: 'family_farm',
    kind: '92',
    legalPerson: '赵长河',
  },
  {
    by: 'town_guanzhuang',
    where: 'village:2',
    name: '陈大牛肉牛养殖场',
    operatorType: 'large_grower',
    legalPerson: '陈大牛',
  },
  {
    by: 'county_wolong',
    where: '411303000000',
    name: '卧龙区月季花卉有限公司',
    operatorType: 'lead_enterprise',
    kind: '91',
    legalPerson: '刘芳',
    leadLevel: 'provincial',
    leadCertifiedOn: '2023-11-02',
  },
  {
    by: 'county_wolong',
    where: 'village:1',
    name: '卧龙区中药材种植专业合作社',
    operatorType: 'cooperative',
    kind: '93',
    legalPerson: '黄志强',
  },
];

/**
 * The operators of the demo counties, registered through the operator service as the county and town users:
 * lead enterprises (certified), co-operatives, a family farm, a grower and a village collective, next to the
 * workshop the employment step registered.
 */
export function createDemoOperatorService(deps: { repos: Repositories; operators: OperatorService }) {
  const { repos, operators } = deps;
  return {
    async seedOperators(): Promise<number> {
      const villages = await repos.regions.listByLevel('village');
      let written = 0;
      for (const [index, o] of OPERATORS.entries()) {
        const actor = await demoActor(repos, o.by);
        if (!actor) {
          continue;
        }
        const region = o.where.startsWith('village:')
          ? villages.filter((v) => actor.scope.some((p) => v.code.startsWith(p)))[Number(o.where.slice(8))]
          : await repos.regions.findByCode(o.where);
        if (!region) {
          continue;
        }
        const regionCode = region.code;
        // A village collective is named after its village (张茨园村股份经济合作社).
        const prefix = o.operatorType === 'village_collective' ? region.name : '';
        const first17 = o.kind
          ? `${o.kind}${regionCode.slice(0, 6)}MA4${String(index + 1).padStart(6, '0')}`
          : null;
        await operators.create(actor, {
          regionCode,
          name: `${prefix}${o.name}`,
          operatorType: o.operatorType,
          uscc: first17 ? `${first17}${usccCheckCharacter(first17)}` : null,
          legalPerson: o.legalPerson,
          leadLevel: o.leadLevel ?? null,
          leadCertifiedOn: o.leadCertifiedOn ?? null,
        });
        written += 1;
      }
      return written;
    },
  };
}
