import { Alert, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { HouseholdType } from '../../../shared/household-codes.js';
import { SCHEME_UNIT_LABELS } from '../../../shared/industry-rewards.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { type ClaimBody, type Scheme, useSchemes } from '../../data/industry-rewards.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { isDeclarable, RewardPreview, SCALE_PATTERN } from './ClaimFormModal.js';
import { percentText } from './claim-rules.js';

/** The form values of a claim recorded at a visit (the household is the visit's). */
export interface VisitClaimValues {
  schemeId: number | undefined;
  scale: string;
  revenue: string;
  cost: string;
}

export const EMPTY_VISIT_CLAIM: VisitClaimValues = {
  schemeId: undefined,
  scale: '',
  revenue: '',
  cost: '',
};

/** Form values → the API body; the caller adds the household and the ids. */
export function visitClaimBody(
  v: VisitClaimValues,
): Omit<ClaimBody, 'householdId' | 'clientId' | 'visitId'> & { schemeId: number } {
  return {
    schemeId: v.schemeId as number,
    scale: v.scale.trim(),
    revenue: v.revenue.trim(),
    cost: v.cost.trim(),
  };
}

/** The schemes this household can claim on today: its county's, open, in their window, for its type. */
function schemesFor(schemes: Scheme[], household: { regionCode: string; householdType: HouseholdType }) {
  const on = today().format('YYYY-MM-DD');
  return schemes.filter(
    (s) =>
      isDeclarable(s, on) &&
      s.countyCode.slice(0, 6) === household.regionCode.slice(0, 6) &&
      s.eligibleTypes.includes(household.householdType),
  );
}

/**
 * 产业奖补 at a visit: the helper picks one of the household's open schemes and notes the scale, revenue and
 * cost they saw; the reward is previewed as the server will compute it. The claim is the industry-rewards
 * module's own record (`source: visit`), sent just before the visit.
 */
export function VisitClaimFields({
  household,
  prefix,
}: {
  household: { id: number; regionCode: string; householdType: HouseholdType } | undefined;
  prefix: string[];
}) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const schemes = useSchemes(today().year());
  const open = household ? schemesFor(schemes.data?.items ?? [], household) : [];
  const schemeId = Form.useWatch([...prefix, 'schemeId'], form);
  const scale = Form.useWatch([...prefix, 'scale'], form);
  const revenue = Form.useWatch([...prefix, 'revenue'], form);
  const cost = Form.useWatch([...prefix, 'cost'], form);
  const scheme = open.find((s) => s.id === schemeId);

  // A scheme paid by household has a scale of one household.
  useEffect(() => {
    if (scheme?.unit === 'household') {
      form.setFieldValue([...prefix, 'scale'], '1');
    }
  }, [scheme, form, prefix]);

  if (schemes.isPending) {
    return null;
  }
  if (open.length === 0) {
    return <Alert type="info" showIcon title={t('industry.visitNoScheme')} data-testid="visit-claim-none" />;
  }
  const required = (field: string) => [{ required: true, message: t('industry.required', { field }) }];
  const money = (field: string) => [
    ...required(field),
    { pattern: MONEY_PATTERN, message: t('industry.moneyFormat', { field }) },
  ];
  const unitLabel = scheme ? pick(SCHEME_UNIT_LABELS[scheme.unit]) : '';
  return (
    <>
      <Form.Item
        name={[...prefix, 'schemeId']}
        label={t('industry.scheme')}
        rules={required(t('industry.scheme'))}
      >
        <Select<number>
          options={open.map((s) => ({
            value: s.id,
            label: t('industry.schemeOption', {
              item: s.item,
              county: s.countyName,
              rate: percentText(s.ratePercent),
              end: s.windowEnd,
            }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'scale']}
        label={scheme ? t('industry.scaleOf', { unit: unitLabel }) : t('industry.scale')}
        rules={[
          ...required(t('industry.scale')),
          { pattern: SCALE_PATTERN, message: t('industry.scaleFormat') },
        ]}
      >
        <Input inputMode="decimal" disabled={scheme?.unit === 'household'} suffix={unitLabel || undefined} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'revenue']}
        label={t('industry.revenue')}
        extra={t('industry.revenueExtra')}
        rules={money(t('industry.revenue'))}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'cost']}
        label={t('industry.cost')}
        extra={t('industry.costExtra')}
        rules={money(t('industry.cost'))}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <RewardPreview
        scheme={scheme}
        householdId={household?.id}
        exceptClaimId={null}
        scale={scale}
        revenue={revenue}
        cost={cost}
      />
    </>
  );
}
