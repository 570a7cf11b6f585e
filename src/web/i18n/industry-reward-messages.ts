/** The words of industry rewards (产业奖补), merged into `zh` and `en` in messages.ts. */
export const industryRewardZh = {
  'perm.industry.read': '查看产业奖补',
  'perm.industry.declare': '申报产业奖补（含走访时登记）',
  'perm.industry.act': '核查、公示、审核、验收和兑付产业奖补',
  'perm.industry.configure': '设立产业奖补项目',
  'nav.industryRewards': '产业奖补',
};

export const industryRewardEn: Record<keyof typeof industryRewardZh, string> = {
  'perm.industry.read': 'View industry rewards',
  'perm.industry.declare': 'Declare industry rewards (also at a visit)',
  'perm.industry.act': 'Check, post, review, accept and pay industry rewards',
  'perm.industry.configure': 'Set up industry reward schemes',
  'nav.industryRewards': 'Industry rewards',
};
