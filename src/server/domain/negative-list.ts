import { toCents } from '../../shared/money.js';

/**
 * The negative list (负面清单) of connection funds (domain-cdefg §D1, from [C61]): uses the funds may not pay
 * for. Checked automatically at township review on the project's name, tasks and categories; a hit is shown
 * to the reviewer and blocks approval until the project is changed or sent back.
 */
export interface NegativeListItem {
  code: string;
  label: string;
  /** Words in the project's text that indicate the use. */
  keywords: readonly string[];
}

export const NEGATIVE_LIST: readonly NegativeListItem[] = [
  {
    code: 'basic_spending',
    label: '行政事业单位基本支出',
    keywords: ['人员经费', '办公经费', '工资发放', '日常公用经费'],
  },
  { code: 'bonus', label: '发放奖金、津贴、福利', keywords: ['奖金', '津贴', '福利发放', '补发工资'] },
  { code: 'enterprise_loss', label: '弥补企业亏损', keywords: ['企业亏损', '弥补亏损'] },
  {
    code: 'buildings',
    label: '修建楼堂馆所及服务大厅、村级活动场所',
    keywords: [
      '办公楼',
      '办公用房',
      '楼堂馆所',
      '宾馆',
      '礼堂',
      '服务大厅',
      '村部',
      '党群服务中心',
      '活动室',
      '文化活动中心',
    ],
  },
  {
    code: 'debt',
    label: '弥补预算缺口、偿还债务',
    keywords: ['偿还债务', '还债', '化债', '预算缺口', '偿还贷款'],
  },
  { code: 'large_construction', label: '大中型基本建设项目', keywords: ['大中型基本建设'] },
  {
    code: 'vehicles',
    label: '购置交通工具及通讯设备',
    keywords: ['车辆', '汽车', '轿车', '公务用车', '通讯设备', '手机'],
  },
  {
    code: 'city_infrastructure',
    label: '城市基础设施建设',
    keywords: ['城市道路', '城区', '市政', '城市基础设施', '城市绿化'],
  },
  { code: 'guarantee_deposit', label: '企业担保金', keywords: ['担保金', '担保保证金'] },
  { code: 'non_agricultural', label: '非农业用途', keywords: ['房地产', '商品房', '工业园区'] },
];

/**
 * Estimated investment at or above which a project counts as a large or medium capital-construction project
 * (UNCONFIRMED threshold; configurable here): 3,000 万元.
 */
export const LARGE_CONSTRUCTION_CENTS = 30_000_000n * 100n;

export interface NegativeListHit {
  code: string;
  label: string;
  matched: string;
}

/** The negative-list items a project's text or size hits; empty when it is clean. */
export function checkNegativeList(project: {
  name: string;
  tasks: ReadonlyArray<{ item: string }>;
  categoryL1: string;
  categoryL2: string;
  estimatedInvestment: string;
}): NegativeListHit[] {
  const text = [
    project.name,
    project.categoryL1,
    project.categoryL2,
    ...project.tasks.map((t) => t.item),
  ].join(' ');
  const hits: NegativeListHit[] = [];
  for (const item of NEGATIVE_LIST) {
    const matched = item.keywords.find((k) => text.includes(k));
    if (matched) {
      hits.push({ code: item.code, label: item.label, matched });
    }
  }
  if (
    toCents(project.estimatedInvestment) >= LARGE_CONSTRUCTION_CENTS &&
    !hits.some((h) => h.code === 'large_construction')
  ) {
    hits.push({ code: 'large_construction', label: '大中型基本建设项目', matched: '投资概算≥3000万元' });
  }
  return hits;
}
