/**
 * The spreadsheet layout of household members for import and export: one row per person, household
 * columns repeated, headers in the wording of the national system's member export (forms.md §2), plus
 * 行政区划代码 so that a village is found by code rather than by a possibly ambiguous name.
 */
export const LAYOUT = [
  { key: 'county', header: '县' },
  { key: 'town', header: '乡' },
  { key: 'village', header: '村' },
  { key: 'regionCode', header: '行政区划代码' },
  { key: 'householdNo', header: '户编号' },
  { key: 'householdType', header: '户类型' },
  { key: 'name', header: '姓名' },
  { key: 'sex', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'idNumber', header: '证件号码' },
  { key: 'relation', header: '与户主关系' },
  { key: 'ethnicity', header: '民族' },
  { key: 'householdPhone', header: '户联系电话' },
  { key: 'phone', header: '成员联系电话' },
  { key: 'education', header: '文化程度' },
  { key: 'schooling', header: '在校生状况' },
  { key: 'dropoutReason', header: '失学或辍学原因' },
  { key: 'health', header: '健康状况' },
  { key: 'labourSkill', header: '劳动技能' },
  { key: 'workMonths', header: '务工时间（月）' },
  { key: 'workPlace', header: '务工所在地' },
  { key: 'politicalStatus', header: '政治面貌' },
  { key: 'isDibao', header: '是否享受低保' },
  { key: 'isTekun', header: '是否特困供养人员' },
  { key: 'medicalInsured', header: '是否参加城乡居民基本医疗保险' },
  { key: 'seriousIllnessInsured', header: '是否参加大病保险' },
  { key: 'pensionInsured', header: '是否参加城乡居民基本养老保险' },
  { key: 'disabilityCategory', header: '残疾类别' },
  { key: 'address', header: '家庭住址' },
  { key: 'housingGrade', header: '住房安全等级' },
  { key: 'waterOk', header: '是否解决安全饮用水' },
] as const;

/**
 * Columns an import reads that the export does not write: the national export asks for both the employee
 * and the residents' schemes, and a person is insured when either says 是.
 */
export const IMPORT_ONLY = ['employeeMedicalInsured', 'employeePensionInsured'] as const;

export type LayoutKey = (typeof LAYOUT)[number]['key'] | (typeof IMPORT_ONLY)[number];

/** Columns an import cannot do without. */
export const REQUIRED_HEADERS: readonly LayoutKey[] = ['name', 'idNumber', 'relation'];

/** Header spellings seen in real files, mapped to the layout (after removing spaces and brackets). */
const ALIASES: Record<string, LayoutKey> = {
  县市区: 'county',
  '县(市、区、旗)': 'county',
  乡镇: 'town',
  '乡(镇)': 'town',
  行政村: 'village',
  区划代码: 'regionCode',
  村代码: 'regionCode',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  户主关系: 'relation',
  联系电话: 'householdPhone',
  务工时间: 'workMonths',
  是否低保: 'isDibao',
  住房等级: 'housingGrade',
  危房等级: 'housingGrade',
  // The national system's member export (forms.md §2) names some columns its own way.
  人联系电话: 'phone',
  '是否参加新型农村合作医疗(城乡居民基本医疗保险)': 'medicalInsured',
  是否参加新型农村合作医疗: 'medicalInsured',
  是否参加城镇职工基本医疗保险: 'employeeMedicalInsured',
  是否参加城镇职工基本养老保险: 'employeePensionInsured',
  是否特困: 'isTekun',
};

const normaliseHeader = (h: string) =>
  h
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

export function headerKey(header: string): LayoutKey | null {
  const clean = normaliseHeader(header);
  const direct = LAYOUT.find((c) => normaliseHeader(c.header) === clean);
  if (direct) {
    return direct.key;
  }
  return ALIASES[clean] ?? null;
}

export const HOUSEHOLD_TYPE_FROM_TEXT: Record<
  string,
  'exited_poverty' | 'monitored' | 'ordinary' | 'low_income'
> = {
  脱贫户: 'exited_poverty',
  监测户: 'monitored',
  一般农户: 'ordinary',
  普通农户: 'ordinary',
  其他低收入户: 'low_income',
  低收入户: 'low_income',
};

export function yesNo(value: string): boolean | null | 'invalid' {
  const v = value.trim();
  if (v === '') {
    return null;
  }
  if (['是', 'Y', 'y', '1', 'true', 'TRUE'].includes(v)) {
    return true;
  }
  if (['否', 'N', 'n', '0', 'false', 'FALSE'].includes(v)) {
    return false;
  }
  return 'invalid';
}
