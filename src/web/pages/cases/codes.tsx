import { Form, Select, Space, Tag, Typography } from 'antd';
import {
  CASE_CATEGORIES,
  DISASTER_SUBTYPES,
  isEliminationStage,
  isIdentificationStage,
  MAX_RISKS,
  RISK_TYPES,
  type RiskType,
} from '../../../shared/case-workflow.js';
import type { CaseRisk } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  CASE_CATEGORY_LABELS,
  CASE_STAGE_LABELS,
  DISASTER_SUBTYPE_LABELS,
  LEAD_SOURCE_LABELS,
  MEASURE_CATEGORY_LABELS,
  RISK_TYPE_LABELS,
} from '../../i18n/messages.js';

type Pick = (label: { zh: string; en: string }) => string;
type Label = { zh: string; en: string };

const labelOf = (pick: Pick, labels: Record<string, Label>, code: string) => {
  const label = labels[code];
  return label ? pick(label) : code;
};

export const LEAD_STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  closed: 'default',
  case_opened: 'blue',
};

export const stageLabel = (pick: Pick, stage: string) => labelOf(pick, CASE_STAGE_LABELS, stage);
export const categoryName = (pick: Pick, code: string) => labelOf(pick, CASE_CATEGORY_LABELS, code);
export const measureCategoryLabel = (pick: Pick, code: string) =>
  labelOf(pick, MEASURE_CATEGORY_LABELS, code);
export const sourceLabel = (pick: Pick, code: string) => labelOf(pick, LEAD_SOURCE_LABELS, code);

export function riskLabel(pick: Pick, risk: { type: string; subtype?: string | null | undefined }): string {
  const name = labelOf(pick, RISK_TYPE_LABELS, risk.type);
  return risk.subtype ? `${name}（${labelOf(pick, DISASTER_SUBTYPE_LABELS, risk.subtype)}）` : name;
}

function stageColor(stage: string): string {
  if (isIdentificationStage(stage)) {
    return 'processing';
  }
  if (isEliminationStage(stage)) {
    return 'cyan';
  }
  switch (stage) {
    case 'monitored':
      return 'volcano';
    case 'safety_net':
      return 'purple';
    case 'eliminated':
      return 'success';
    default:
      return 'default';
  }
}

export function StageTag({ stage }: { stage: string }) {
  const { pick } = useI18n();
  return (
    <Tag color={stageColor(stage)} style={{ marginInlineEnd: 0 }}>
      {stageLabel(pick, stage)}
    </Tag>
  );
}

const CATEGORY_COLORS: Record<string, string> = {
  unstable_ex_poor: 'blue',
  marginal: 'gold',
  sudden_hardship: 'red',
};

export function CategoryTag({ category }: { category: string | null }) {
  const { t, pick } = useI18n();
  if (!category) {
    return <Typography.Text type="secondary">{t('cases.unclassified')}</Typography.Text>;
  }
  return (
    <Tag color={CATEGORY_COLORS[category] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {categoryName(pick, category)}
    </Tag>
  );
}

export function RiskTags({ risks }: { risks: readonly CaseRisk[] }) {
  const { t, pick } = useI18n();
  if (risks.length === 0) {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  return (
    <Space size={[4, 4]} wrap>
      {risks.map((risk) => (
        <Tag key={`${risk.type}-${risk.subtype ?? ''}`} style={{ marginInlineEnd: 0 }}>
          {riskLabel(pick, risk)}
        </Tag>
      ))}
    </Space>
  );
}

/** A due date, red with 已超期 when late. */
export function DueDate({ dueOn, isLate }: { dueOn: string; isLate: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text type={isLate ? 'danger' : undefined}>{dueOn}</Typography.Text>
      {isLate ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('common.late')}
        </Tag>
      ) : null}
    </Space>
  );
}

export const categoryOptions = (pick: Pick) =>
  CASE_CATEGORIES.map((c) => ({ value: c, label: categoryName(pick, c) }));

/** Form values of the risk fields: the risk types, and the disaster's subtype when 因自然灾害 is one of them. */
export interface RiskValues {
  riskTypes: RiskType[];
  disasterSubtype: string | undefined;
}

export const risksToValues = (risks: readonly CaseRisk[]): RiskValues => ({
  riskTypes: risks.map((r) => r.type),
  disasterSubtype: risks.find((r) => r.type === 'natural_disaster')?.subtype ?? undefined,
});

export function valuesToRisks(values: Partial<RiskValues>): CaseRisk[] {
  return (values.riskTypes ?? []).map((type) => ({
    type,
    subtype:
      type === 'natural_disaster' ? ((values.disasterSubtype ?? 'other') as CaseRisk['subtype']) : null,
  }));
}

/** Up to five risk types, and the disaster subtype when a natural disaster is among them. */
export function RiskFields() {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<RiskValues>();
  const types: RiskType[] = Form.useWatch('riskTypes', form) ?? [];
  return (
    <>
      <Form.Item
        label={t('cases.risks')}
        name="riskTypes"
        rules={[{ type: 'array', max: MAX_RISKS, message: t('case.risksMax') }]}
      >
        <Select
          mode="multiple"
          maxCount={MAX_RISKS}
          options={RISK_TYPES.map((type) => ({ value: type, label: riskLabel(pick, { type }) }))}
        />
      </Form.Item>
      {types.includes('natural_disaster') ? (
        <Form.Item
          label={t('case.riskSubtype')}
          name="disasterSubtype"
          rules={[{ required: true, message: t('common.required', { field: t('case.riskSubtype') }) }]}
        >
          <Select
            options={DISASTER_SUBTYPES.map((s) => ({
              value: s,
              label: pick(DISASTER_SUBTYPE_LABELS[s] ?? { zh: s, en: s }),
            }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
