/**
 * Code lists of the project library and connection funds (domain-cdefg §D1–D2). Level-2 categories are
 * the proposed list of §D1 (partly UNCONFIRMED); the industry flag of a category drives the ≥ 60 % rule.
 */
export const PROJECT_CATEGORIES: ReadonlyArray<{
  l1: string;
  l2: ReadonlyArray<{ name: string; isIndustry: boolean }>;
}> = [
  {
    l1: '产业发展',
    l2: [
      { name: '生产', isIndustry: true },
      { name: '加工流通', isIndustry: true },
      { name: '配套设施', isIndustry: true },
      { name: '产业服务支撑', isIndustry: true },
      { name: '金融保险配套', isIndustry: true },
      { name: '新型农村集体经济', isIndustry: true },
    ],
  },
  {
    l1: '就业创业',
    l2: [
      { name: '务工补助', isIndustry: false },
      { name: '就业帮扶车间', isIndustry: true },
      { name: '公益性岗位', isIndustry: false },
      { name: '技能培训', isIndustry: false },
      { name: '创业', isIndustry: true },
    ],
  },
  {
    l1: '乡村建设',
    l2: [
      { name: '农村基础设施', isIndustry: false },
      { name: '人居环境整治', isIndustry: false },
      { name: '公共服务设施', isIndustry: false },
      { name: '村庄规划编制', isIndustry: false },
    ],
  },
  { l1: '易地搬迁后扶', l2: [{ name: '后续扶持', isIndustry: false }] },
  {
    l1: '巩固三保障成果',
    l2: [
      { name: '住房', isIndustry: false },
      { name: '教育', isIndustry: false },
      { name: '健康', isIndustry: false },
      { name: '饮水', isIndustry: false },
    ],
  },
  { l1: '乡村治理和精神文明', l2: [{ name: '乡村治理', isIndustry: false }] },
  { l1: '项目管理费', l2: [{ name: '项目管理费', isIndustry: false }] },
  { l1: '其他', l2: [{ name: '其他', isIndustry: false }] },
];

/** The industry flag of a category pair, or undefined when the pair is not in the list. */
export function categoryIndustryFlag(l1: string, l2: string): boolean | undefined {
  return PROJECT_CATEGORIES.find((c) => c.l1 === l1)?.l2.find((c) => c.name === l2)?.isIndustry;
}

export const PROJECT_NATURES = ['新建', '改扩建', '续建'] as const;
export type ProjectNature = (typeof PROJECT_NATURES)[number];

/** The level a project is declared at: village projects pass the township; township and county ones do not. */
export const PROJECT_LEVELS = ['village', 'town', 'county'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, string> = {
  village: '村级',
  town: '乡镇级',
  county: '县级',
};

/**
 * Funding sources of a project's mix and of allocations. The first four are 衔接资金 by level; the table
 * `funding_source` holds the same list so other modules (pairing: 定点帮扶) can point at a code.
 */
export const FUNDING_SOURCES = [
  'central',
  'provincial',
  'city',
  'county',
  'integrated',
  'east_west',
  'pairing',
  'social',
  'self_raised',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  central: '中央衔接资金',
  provincial: '省级衔接资金',
  city: '市级衔接资金',
  county: '县级衔接资金',
  integrated: '统筹整合资金',
  east_west: '东西部协作资金',
  pairing: '定点帮扶资金',
  social: '社会帮扶资金',
  self_raised: '群众自筹',
};
/** The sources an allocation (资金下达) can come from: connection funds by level. */
export const ALLOCATION_SOURCES = ['central', 'provincial', 'city', 'county'] as const;
export type AllocationSource = (typeof ALLOCATION_SOURCES)[number];

export const ALLOCATION_TASKS = [
  '巩固成果与乡村振兴',
  '以工代赈',
  '少数民族发展',
  '国有农场',
  '国有林场',
] as const;

/** 联农带农 modes (§C3, P5). */
export const LINKAGE_MODES = [
  '订单生产',
  '托养托管',
  '产品代销',
  '保护价收购',
  '吸纳就业',
  '资产收益',
] as const;

/** The township's review checklist (审核, §D1 step 4); every item must be confirmed to pass. */
export const TOWN_REVIEW_CHECKS = [
  '真实性',
  '必要性',
  '科学性',
  '完整性',
  '可行性',
  '投资概算',
  '资金来源',
  '联农带农机制',
  '绩效目标',
] as const;
/** The county's joint assessment (论证) adds these. */
export const COUNTY_ASSESSMENT_CHECKS = ['合规性', '概算准确性', '资金来源可靠性', '土地使用'] as const;

export const NOTICE_CHANNELS = ['村务公开栏', '乡镇公示栏', '项目现场', '县政府网站'] as const;
/** A project or fund notice stays posted at least this many days (start and end day included). */
export const NOTICE_MIN_DAYS = 10;
