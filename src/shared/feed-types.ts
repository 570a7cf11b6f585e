import type { Department } from './roles.js';

/**
 * The department feeds (部门数据), the department each belongs to, and its documented column layout.
 * Every feed has 姓名 and 身份证号; the other columns fill the typed fields rule evaluation uses.
 */
export const FEED_TYPES = [
  'dibao',
  'medical',
  'dropout',
  'housing',
  'water',
  'disability',
  'disaster',
  'unemployment',
  'civil_registration',
] as const;
export type FeedType = (typeof FEED_TYPES)[number];

/** The typed field a column fills (see dept_feed_row). */
export type FeedField = 'amount' | 'grade' | 'category' | 'changeType' | 'eventOn' | 'detail';

export interface FeedColumn {
  field: FeedField;
  header: string;
  /** Other headers departments use for the same column. */
  aliases?: readonly string[];
  required: boolean;
  /** The accepted values, when the column is a code list. */
  values?: readonly string[];
}

export interface FeedLayout {
  department: Department;
  label: { zh: string; en: string };
  columns: readonly FeedColumn[];
}

const date = (header: string, required = false): FeedColumn => ({
  field: 'eventOn',
  header,
  aliases: ['日期'],
  required,
});

export const FEED_LAYOUTS: Record<FeedType, FeedLayout> = {
  dibao: {
    department: '民政',
    label: { zh: '低保/特困名单', en: 'Dibao / tekun list' },
    columns: [
      { field: 'category', header: '救助类别', aliases: ['类别'], required: true, values: ['低保', '特困'] },
      {
        field: 'changeType',
        header: '变动类型',
        aliases: ['变动情况'],
        required: true,
        values: ['新增', '变更', '退出'],
      },
      date('变动日期'),
    ],
  },
  medical: {
    department: '医保',
    label: { zh: '医疗费用个人自付', en: 'Medical out-of-pocket' },
    columns: [
      {
        field: 'amount',
        header: '个人自付金额（元）',
        aliases: [
          '个人自付金额',
          '个人自付',
          '个人自付费用',
          '自付金额',
          '自付费用',
          '报销后自付金额',
          '个人负担金额',
        ],
        required: true,
      },
      { field: 'eventOn', header: '结算日期', aliases: ['日期', '结算时间', '出院日期'], required: false },
      {
        field: 'detail',
        header: '就诊医院',
        aliases: ['医院', '医疗机构名称', '定点医疗机构'],
        required: false,
      },
    ],
  },
  dropout: {
    department: '教育',
    label: { zh: '义务教育辍学', en: 'Compulsory-school dropouts' },
    columns: [
      { field: 'detail', header: '学校', aliases: ['学校名称'], required: false },
      { field: 'grade', header: '年级', required: false },
      date('辍学日期'),
    ],
  },
  housing: {
    department: '住建',
    label: { zh: 'C/D级危房', en: 'C/D-grade houses' },
    columns: [
      {
        field: 'grade',
        header: '鉴定等级',
        aliases: ['危房等级', '等级'],
        required: true,
        values: ['C', 'D'],
      },
      date('鉴定日期'),
    ],
  },
  water: {
    department: '水利',
    label: { zh: '饮水不安全', en: 'No safe drinking water' },
    columns: [
      {
        field: 'category',
        header: '问题类型',
        aliases: ['问题'],
        required: true,
        values: ['水量', '水质', '用水方便程度', '供水保证率'],
      },
      date('核查日期'),
    ],
  },
  disability: {
    department: '残联',
    label: { zh: '新办/升级残疾证', en: 'New or upgraded disability certificates' },
    columns: [
      {
        field: 'category',
        header: '残疾类别',
        required: true,
        values: ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'],
      },
      { field: 'grade', header: '残疾等级', aliases: ['等级'], required: true, values: ['1', '2', '3', '4'] },
      { field: 'changeType', header: '办证类型', required: true, values: ['新办', '升级'] },
      date('发证日期'),
    ],
  },
  disaster: {
    department: '应急',
    label: { zh: '受灾人员', en: 'Disaster victims' },
    columns: [
      { field: 'category', header: '灾害类型', required: true },
      { field: 'amount', header: '直接经济损失（元）', aliases: ['损失金额', '经济损失'], required: false },
      date('受灾日期'),
    ],
  },
  unemployment: {
    department: '人社',
    label: { zh: '失业登记', en: 'Unemployment' },
    columns: [date('失业登记日期', true), { field: 'detail', header: '原工作单位', required: false }],
  },
  civil_registration: {
    department: '公安',
    label: { zh: '死亡及户籍变动', en: 'Deaths and registration changes' },
    columns: [
      {
        field: 'changeType',
        header: '变动类型',
        required: true,
        values: ['死亡', '迁出', '迁入', '注销'],
      },
      date('变动日期', true),
    ],
  },
};

export const feedTypesOf = (department: string): FeedType[] =>
  FEED_TYPES.filter((t) => FEED_LAYOUTS[t].department === department);

export const ALERT_OUTCOMES = ['included', 'not_at_risk', 'already_monitored'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

export const ALERT_RULE_CODES = [
  'new_dibao',
  'medical_out_of_pocket',
  'dropout',
  'dangerous_house',
  'unsafe_water',
  'severe_disability',
  'disaster',
  'unemployment',
  'death',
] as const;
export type AlertRuleCode = (typeof ALERT_RULE_CODES)[number];

export const ALERT_RULE_LABELS: Record<AlertRuleCode, { zh: string; en: string }> = {
  new_dibao: { zh: '新纳入低保/特困', en: 'Newly on dibao / tekun' },
  medical_out_of_pocket: { zh: '医疗自付超过阈值', en: 'Medical out-of-pocket above threshold' },
  dropout: { zh: '义务教育辍学', en: 'Compulsory-school dropout' },
  dangerous_house: { zh: 'C/D级危房', en: 'C/D-grade house' },
  unsafe_water: { zh: '饮水不安全', en: 'Unsafe drinking water' },
  severe_disability: { zh: '一二级残疾或三级智力/精神残疾', en: 'Grade 1–2, or grade 3 mental/intellectual' },
  disaster: { zh: '受灾（损失不低于阈值）', en: 'Disaster victim (loss at least threshold)' },
  unemployment: { zh: '失业登记', en: 'Registered unemployed' },
  death: { zh: '家庭成员死亡', en: 'Death of a member' },
};
