/** Roles of Shoudi users. The order is the order shown in the UI. */
export const ROLES = ['city', 'county', 'township', 'village', 'helper', 'department', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** Departments that send feeds and receive lists. */
export const FEED_DEPARTMENTS = [
  '民政',
  '医保',
  '教育',
  '住建',
  '水利',
  '残联',
  '应急',
  '人社',
  '公安',
] as const;
export type FeedDepartment = (typeof FEED_DEPARTMENTS)[number];
/**
 * Every department kind; only the `department` role carries one. 银行 users belong to one bank (app_user.bank_id)
 * and see only that bank's loans and files (microcredit).
 */
export const DEPARTMENTS = [...FEED_DEPARTMENTS, '银行'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const BANK_DEPARTMENT: Department = '银行';

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  city: { zh: '市级乡村振兴局', en: 'City bureau' },
  county: { zh: '县级乡村振兴局', en: 'County bureau' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  helper: { zh: '帮扶责任人', en: 'Helper' },
  department: { zh: '行业部门', en: 'Department' },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)' },
};

export const REGION_LEVELS = ['city', 'county', 'town', 'village', 'zone'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市',
  county: '县',
  town: '乡镇',
  village: '村',
  zone: '功能区',
};

/**
 * The region level each role works at. A user's region must be of one of these levels,
 * so that a township user cannot be placed on a county and thereby see the whole county.
 */
export const ROLE_REGION_LEVELS: Record<Role, readonly RegionLevel[]> = {
  city: ['city'],
  county: ['county'],
  township: ['town', 'zone'],
  village: ['village'],
  helper: ['county', 'town', 'village'],
  department: ['city', 'county'],
  leader: ['city', 'county', 'zone'],
};
