/**
 * Work monitoring (脱贫劳动力务工监测, domain-cdefg §C6): the code lists of a work record, where a worker works
 * relative to the household (县内 … 境外), and the rule that decides who counts towards the 务工规模.
 * Shared by the server (validation, SQL mirror) and the web app (the form shows the derived place).
 */

/** 就业人员类别 (national field aab211). */
export const WORK_CATEGORIES = ['unit_employed', 'flexible', 'self_employed', 'other'] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];
export const WORK_CATEGORY_LABELS: Record<WorkCategory, string> = {
  unit_employed: '单位录用聘用人员',
  flexible: '灵活就业人员',
  self_employed: '自主创业人员',
  other: '其他形式务工就业人员',
};

/** 就业渠道 (national export column). 公益性岗位 and 帮扶车间 are the ones the rules and measures look at. */
export const WORK_CHANNELS = [
  'organised',
  'market',
  'self_found',
  'workshop',
  'public_job',
  'lead_enterprise',
  'other',
] as const;
export type WorkChannel = (typeof WORK_CHANNELS)[number];
export const WORK_CHANNEL_LABELS: Record<WorkChannel, string> = {
  organised: '政府有组织输出',
  market: '市场化就业',
  self_found: '自主就业',
  workshop: '帮扶车间',
  public_job: '公益性岗位',
  lead_enterprise: '龙头企业吸纳',
  other: '其他',
};

/** 产业 (aab089). */
export const WORK_SECTORS = ['primary', 'secondary', 'tertiary'] as const;
export type WorkSector = (typeof WORK_SECTORS)[number];
export const WORK_SECTOR_LABELS: Record<WorkSector, string> = {
  primary: '第一产业',
  secondary: '第二产业',
  tertiary: '第三产业',
};

/** Where the work is, relative to the household's county (domain-cdefg §C6 suggested code list). */
export const WORK_PLACES = ['county', 'city', 'province', 'outside', 'abroad'] as const;
export type WorkPlace = (typeof WORK_PLACES)[number];
export const WORK_PLACE_LABELS: Record<WorkPlace, string> = {
  county: '县内',
  city: '县外市内',
  province: '市外省内',
  outside: '省外',
  abroad: '境外',
};
/** 本地 (local) work is within the county; everything else counts as 外出 (away). */
export const isLocalPlace = (place: WorkPlace): boolean => place === 'county';

/** What a province value means "outside China". */
export const ABROAD_NAMES = ['境外', '国外', '海外'];

/**
 * The administrative suffixes dropped before names are compared ("河南省" = "河南", "宛城区" = "宛城"). The SQL
 * twin in employment.repository.ts uses the same pattern, so a record entered by hand and one imported get the
 * same place.
 */
export const PLACE_SUFFIX_PATTERN =
  '(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治州|地区|盟|自治县|县|区|旗)$';
const SUFFIX = new RegExp(PLACE_SUFFIX_PATTERN);

/** A place name as compared: no spaces, no administrative suffix (kept whole when the name is only a suffix). */
export function placeKey(name: string | null | undefined): string {
  const compact = (name ?? '').replace(/\s+/g, '');
  const stripped = compact.replace(SUFFIX, '');
  return stripped === '' ? compact : stripped;
}

export interface PlaceNames {
  province: string | null | undefined;
  city: string | null | undefined;
  county: string | null | undefined;
}

/**
 * Local or away, from the work place's names against the household's home (its province, city and county).
 * A work place known only to the province or city level is placed by what is known: a missing county inside
 * the home city counts as 县外市内 only when a different county is named, so an unknown county is not local.
 */
export function classifyWorkPlace(work: PlaceNames, home: PlaceNames): WorkPlace | null {
  const province = placeKey(work.province);
  if (province === '') {
    return null;
  }
  if (ABROAD_NAMES.includes(province)) {
    return 'abroad';
  }
  if (province !== placeKey(home.province)) {
    return 'outside';
  }
  const city = placeKey(work.city);
  if (city === '' || city !== placeKey(home.city)) {
    return city === '' ? null : 'province';
  }
  const county = placeKey(work.county);
  if (county === '') {
    return null;
  }
  return county === placeKey(home.county) ? 'county' : 'city';
}

/** A month as YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export interface WorkSpan {
  startMonth: string;
  /** null: still working. */
  endMonth: string | null;
}

/**
 * The months of a year up to `throughMonth` that a person worked, over all their records (months covered
 * by two records count once).
 */
export function monthsWorked(records: readonly WorkSpan[], throughMonth: string): number {
  const yearStart = monthIndex(`${throughMonth.slice(0, 4)}-01`);
  const last = monthIndex(throughMonth);
  const covered = new Set<number>();
  for (const r of records) {
    const from = Math.max(monthIndex(r.startMonth), yearStart);
    const to = Math.min(r.endMonth ? monthIndex(r.endMonth) : last, last);
    for (let m = from; m <= to; m++) {
      covered.add(m);
    }
  }
  return covered.size;
}

/**
 * The counting rule of the 务工规模 (UNCONFIRMED nationally; default of domain-cdefg §J): a worker counts in a
 * month's figure when their records cover at least `minMonths` months of that year up to that month.
 */
export function countsAsWorker(
  records: readonly WorkSpan[],
  throughMonth: string,
  minMonths: number,
): boolean {
  return monthsWorked(records, throughMonth) >= minMonths;
}

/** The city's target (work plan point 6) and the default counting settings; all stored per year as configuration. */
export const EMPLOYMENT_DEFAULTS = {
  cityTarget: 200_000,
  minMonths: 1,
  jobGapDays: 30,
} as const;

/** The national checker's work-monitoring rules (server/domain/work-rules.ts checks them). */
export const WORK_RULES = [
  'missing_fields',
  'income_out_of_range',
  'income_low',
  'away_on_local_channel',
  'old_on_public_job',
  'place_not_county_level',
  'tekun_working_away',
  'pupil_working',
] as const;
export type WorkRule = (typeof WORK_RULES)[number];

export const WORK_RULE_LABELS: Record<WorkRule, { code: string; zh: string }> = {
  missing_fields: { code: '5_01_007', zh: '在岗务工缺月收入、企业名称、行业、就业渠道或是否点对点输送' },
  income_out_of_range: { code: '5_16_001/002', zh: '务工月收入高于 30000 元或低于 100 元' },
  income_low: { code: '1111_12', zh: '务工月收入低于 400 元（提示）' },
  away_on_local_channel: { code: '5_01_003', zh: '县外务工但就业渠道为公益性岗位或帮扶车间' },
  old_on_public_job: { code: '5_01_006', zh: '年满 70 周岁仍在公益性岗位' },
  place_not_county_level: { code: '5_01_005', zh: '务工地点未填到县级' },
  tekun_working_away: { code: '5_01_004', zh: '特困供养人员登记为外出务工' },
  pupil_working: { code: '4_01_006', zh: '在校生（高中及以下）登记为务工' },
};
