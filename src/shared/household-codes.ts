/**
 * Code lists of the household registry, from the national forms (docs: forms.md §2–3). Values are
 * stored as the form's Chinese wording where the form has one, so exports need no mapping.
 */
export const HOUSEHOLD_TYPES = ['exited_poverty', 'monitored', 'ordinary', 'low_income'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export const HOUSEHOLD_TYPE_LABELS: Record<HouseholdType, { zh: string; en: string }> = {
  exited_poverty: { zh: '脱贫户', en: 'Exited poverty' },
  monitored: { zh: '监测户', en: 'Monitored' },
  ordinary: { zh: '一般农户', en: 'Ordinary' },
  low_income: { zh: '其他低收入户', en: 'Other low-income' },
};

export const RELATIONS = [
  '户主',
  '配偶',
  '之子',
  '之女',
  '之儿媳',
  '之女婿',
  '之孙子',
  '之孙女',
  '之外孙子',
  '之外孙女',
  '之父',
  '之母',
  '之岳父',
  '之岳母',
  '之公公',
  '之婆婆',
  '之祖父',
  '之祖母',
  '之外祖父',
  '之外祖母',
  '之兄弟姐妹',
  '之曾孙子',
  '之曾孙女',
  '之侄儿',
  '之侄女',
  '之兄弟媳妇',
  '之叔伯',
  '其他',
] as const;

export const EDUCATION = ['文盲或半文盲', '小学', '初中', '高中', '大专', '本科及以上'] as const;

export const SCHOOLING = [
  '学龄前儿童',
  '学前教育',
  '小学',
  '七年级',
  '八年级',
  '九年级',
  '普通高中一年级',
  '普通高中二年级',
  '普通高中三年级',
  '中职一年级',
  '中职二年级',
  '中职三年级',
  '高职高专一年级',
  '高职高专二年级',
  '高职高专三年级',
  '本科一年级',
  '本科二年级',
  '本科三年级',
  '本科四年级',
  '本科五年级',
  '硕士研究生及以上',
] as const;

/** Compulsory education (义务教育): primary school through grade 9. */
export const COMPULSORY_SCHOOLING: readonly string[] = ['小学', '七年级', '八年级', '九年级'];

export const HEALTH = ['健康', '长期慢性病', '患有大病', '残疾'] as const;

export const LABOUR_SKILLS = [
  '普通劳动力',
  '技能劳动力',
  '弱劳动力或半劳动力',
  '丧失劳动力',
  '无劳动力',
] as const;
/** Skills that count as labour capacity (有劳动能力) for measures and elimination rules. */
export const HAS_LABOUR: readonly string[] = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力'];

export const POLITICAL_STATUS = ['中共党员', '中共预备党员', '共青团员', '群众'] as const;

export const DISABILITY_CATEGORIES = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;

export const HOUSING_GRADES = ['A', 'B', 'C', 'D', 'none'] as const;
export type HousingGrade = (typeof HOUSING_GRADES)[number];

export const ROAD_TYPES = ['泥土', '砂石', '水泥', '沥青'] as const;
export const FUEL_TYPES = ['柴草', '干畜粪', '煤炭', '清洁能源', '其它'] as const;

export const INCOME_CATEGORIES = ['wage', 'business', 'property', 'transfer', 'production_cost'] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];
export const INCOME_CATEGORY_LABELS: Record<IncomeCategory, string> = {
  wage: '工资性收入',
  business: '生产经营性收入',
  property: '财产性收入',
  transfer: '转移性收入',
  production_cost: '生产经营性支出',
};

/**
 * Sub-items of the national form (domain.md §2.2) with whether each counts toward net income by
 * default. One-off or earmarked help (relocation and house-rebuilding grants, condolence money) is
 * not counted; the user may change the flag per entry.
 */
export const INCOME_ITEMS: ReadonlyArray<{
  code: string;
  category: IncomeCategory;
  label: string;
  counted: boolean;
}> = [
  { code: 'wage.migrant', category: 'wage', label: '务工收入', counted: true },
  { code: 'wage.public_job_sector', category: 'wage', label: '行业部门公益岗收入', counted: true },
  { code: 'wage.public_job_town', category: 'wage', label: '乡镇公益岗收入', counted: true },
  { code: 'wage.public_job_village', category: 'wage', label: '村级公益岗收入', counted: true },
  { code: 'wage.picking', category: 'wage', label: '自主采摘收入', counted: true },
  { code: 'business.crops', category: 'business', label: '种植业收入', counted: true },
  { code: 'business.livestock', category: 'business', label: '养殖业收入', counted: true },
  { code: 'business.orchard', category: 'business', label: '林果业收入', counted: true },
  { code: 'business.other', category: 'business', label: '其他生产经营性收入', counted: true },
  { code: 'property.dividend', category: 'property', label: '资产收益扶贫分红收入', counted: true },
  { code: 'property.land_lease', category: 'property', label: '土地流转收入', counted: true },
  { code: 'property.loan_project', category: 'property', label: '金融贷款项目收入', counted: true },
  { code: 'property.contract_farming', category: 'property', label: '代种代养项目收入', counted: true },
  { code: 'property.other', category: 'property', label: '其他财产性收入', counted: true },
  { code: 'transfer.family_planning', category: 'transfer', label: '计划生育金', counted: true },
  { code: 'transfer.dibao', category: 'transfer', label: '低保金', counted: true },
  { code: 'transfer.tekun', category: 'transfer', label: '特困供养金', counted: true },
  { code: 'transfer.pension', category: 'transfer', label: '养老保险金', counted: true },
  { code: 'transfer.eco_compensation', category: 'transfer', label: '生态补偿金', counted: true },
  { code: 'transfer.migrant_resettlement', category: 'transfer', label: '移民补助', counted: true },
  { code: 'transfer.disability', category: 'transfer', label: '残疾补贴', counted: true },
  { code: 'transfer.support', category: 'transfer', label: '赡养费', counted: true },
  { code: 'transfer.other_regular', category: 'transfer', label: '其他转移性收入', counted: true },
  { code: 'transfer.relocation_grant', category: 'transfer', label: '易地搬迁补助', counted: false },
  { code: 'transfer.house_rebuild_grant', category: 'transfer', label: '危房改造补助', counted: false },
  { code: 'transfer.one_off_relief', category: 'transfer', label: '慰问金及一次性救济', counted: false },
  { code: 'production_cost.crops', category: 'production_cost', label: '种植业支出', counted: true },
  { code: 'production_cost.livestock', category: 'production_cost', label: '养殖业支出', counted: true },
  { code: 'production_cost.orchard', category: 'production_cost', label: '林果业支出', counted: true },
  { code: 'production_cost.other', category: 'production_cost', label: '其他生产经营性支出', counted: true },
];
