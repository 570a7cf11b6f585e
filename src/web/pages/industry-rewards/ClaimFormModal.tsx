import { Alert, App, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { HOUSEHOLD_TYPE_LABELS } from '../../../shared/household-codes.js';
import { computeReward, SCHEME_UNIT_LABELS } from '../../../shared/industry-rewards.js';
import { MONEY_PATTERN, sumMoney } from '../../../shared/money.js';
import { HouseholdSelect } from '../../components/HouseholdSelect.js';
import { AttachmentLinks, PhotoUpload } from '../../components/PhotoUpload.js';
import {
  type ClaimDetail,
  type Scheme,
  useClaims,
  useDeclareClaim,
  useEditClaim,
  useFetchClaim,
} from '../../data/industry-rewards.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { CapTag, percentText } from './claim-rules.js';

export type ClaimFormTarget = { kind: 'declare' } | { kind: 'edit'; claim: ClaimDetail };

interface ClaimFormValues {
  schemeId: number | undefined;
  householdId: number | undefined;
  scale: string | undefined;
  revenue: string | undefined;
  cost: string | undefined;
  note: string | undefined;
  /** Photos added in this form (the claim's earlier ones are kept and shown above). */
  photos: string[];
}

export const SCALE_PATTERN = /^\d{1,8}(\.\d{1,2})?$/;

const valuesOf = (c: ClaimDetail): ClaimFormValues => ({
  schemeId: c.schemeId,
  householdId: c.householdId,
  scale: c.scale,
  revenue: c.revenue,
  cost: c.cost,
  note: c.note ?? undefined,
  photos: [],
});

/** Open schemes that take claims today (the server refuses the others). */
export const isDeclarable = (s: Scheme, on: string) =>
  s.status === 'open' && s.windowStart <= on && on <= s.windowEnd;

/**
 * The reward as the server will compute it: rate, per-unit cap, and what the household's other live claims of
 * the year leave of its cap (read now; the township's review uses the figures of that day).
 */
export function RewardPreview({
  scheme,
  householdId,
  exceptClaimId,
  scale,
  revenue,
  cost,
}: {
  scheme: Scheme | undefined;
  householdId: number | undefined;
  exceptClaimId: number | null;
  scale: string | undefined;
  revenue: string | undefined;
  cost: string | undefined;
}) {
  const { t } = useI18n();
  const others = useClaims(
    { householdId, year: scheme?.year, page: 1, pageSize: 50 },
    { enabled: householdId !== undefined && scheme !== undefined },
  );
  if (!scheme) {
    return <Alert type="info" showIcon title={t('industry.previewPickScheme')} />;
  }
  const ready = [scale, revenue, cost].every((v) => v !== undefined && MONEY_PATTERN.test(v.trim()));
  if (!ready) {
    return <Alert type="info" showIcon title={t('industry.previewFill')} />;
  }
  const other = sumMoney(
    (others.data?.items ?? [])
      .filter((c) => c.id !== exceptClaimId && c.stage !== 'returned' && c.stage !== 'rejected')
      .map((c) => c.reward),
  );
  const reward = computeReward({
    scale: (scale ?? '').trim(),
    revenue: (revenue ?? '').trim(),
    cost: (cost ?? '').trim(),
    ratePercent: scheme.ratePercent,
    unitCap: scheme.unitCap,
    householdCap: scheme.householdCap,
    otherClaimsThisYear: other,
  });
  return (
    <div data-testid="reward-preview">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('industry.netIncome')}>
          {reward.netIncome} {t('common.yuan')}
        </Descriptions.Item>
        <Descriptions.Item label={t('industry.byRate', { rate: percentText(scheme.ratePercent) })}>
          {reward.byRate} {t('common.yuan')}
        </Descriptions.Item>
        <Descriptions.Item label={t('industry.rewardPreview')}>
          <Typography.Text strong>
            {reward.reward} {t('common.yuan')}
          </Typography.Text>{' '}
          <CapTag cap={reward.capApplied} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {householdId === undefined
          ? t('industry.previewNoHousehold', { cap: scheme.householdCap })
          : t('industry.previewOther', { other, cap: scheme.householdCap })}
      </Typography.Paragraph>
    </div>
  );
}

/** 申报产业奖补 / 修改申报: an open scheme, the household, its scale, revenue and cost, with the reward previewed. */
export function ClaimFormModal({
  target,
  schemes,
  onClose,
  onSaved,
  name,
}: {
  target: ClaimFormTarget | null;
  /** The form's name (its fields' ids): the declare form and a drawer's edit form are on the page together. */
  name: string;
  schemes: Scheme[];
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClaimFormValues>();
  const declare = useDeclareClaim();
  const edit = useEditClaim();
  const fetchClaim = useFetchClaim();
  const [current, setCurrent] = useState<ClaimDetail | null>(null);
  const [uploading, setUploading] = useState(false);
  const editing = target?.kind === 'edit' ? (current ?? target.claim) : null;
  const on = today().format('YYYY-MM-DD');
  const open = schemes.filter((s) => isDeclarable(s, on));
  const schemeId = Form.useWatch('schemeId', form);
  const householdId = Form.useWatch('householdId', form);
  const scale = Form.useWatch('scale', form);
  const revenue = Form.useWatch('revenue', form);
  const cost = Form.useWatch('cost', form);
  const scheme = schemes.find((s) => s.id === (editing?.schemeId ?? schemeId));

  useEffect(() => {
    setCurrent(null);
    form.resetFields();
    if (target?.kind === 'edit') {
      form.setFieldsValue(valuesOf(target.claim));
    }
  }, [target, form]);

  // A scheme paid by household has a scale of one household.
  useEffect(() => {
    if (!editing && scheme?.unit === 'household') {
      form.setFieldsValue({ scale: '1' });
    }
  }, [scheme, editing, form]);

  const submit = async (v: ClaimFormValues) => {
    const figures = {
      scale: (v.scale ?? '').trim(),
      revenue: (v.revenue ?? '').trim(),
      cost: (v.cost ?? '').trim(),
      note: v.note?.trim() ? v.note.trim() : null,
      attachmentIds: [...(editing?.attachmentIds ?? []), ...(v.photos ?? [])],
    };
    if (editing) {
      const saved = await edit.mutateAsync({
        id: editing.id,
        body: { ...figures, version: editing.version },
      });
      void message.success(t('industry.claimSaved'));
      onSaved?.(saved.id);
    } else {
      const saved = await declare.mutateAsync({
        ...figures,
        schemeId: v.schemeId as number,
        householdId: v.householdId as number,
      });
      void message.success(t('industry.claimDeclared', { reward: saved.reward }));
      onSaved?.(saved.id);
    }
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('industry.required', { field }) }];
  const money = (field: string) => [
    ...required(field),
    { pattern: MONEY_PATTERN, message: t('industry.moneyFormat', { field }) },
  ];
  const unitLabel = scheme ? pick(SCHEME_UNIT_LABELS[scheme.unit]) : '';
  return (
    <FormModal<ClaimFormValues>
      form={form}
      name={name}
      open={target !== null}
      title={
        editing
          ? t('industry.claimEditTitle', { name: editing.headName ?? `#${editing.householdId}` })
          : t('industry.declareTitle')
      }
      onCancel={onClose}
      onSubmit={submit}
      onConflict={async () => {
        if (editing) {
          const fresh = await fetchClaim(editing.id);
          setCurrent(fresh);
          form.setFieldsValue(valuesOf(fresh));
        }
      }}
      conflictHint={t('industry.claimConflict')}
      okText={editing ? t('common.save') : t('industry.declareOk')}
      okButtonProps={{ disabled: uploading }}
      width={640}
    >
      {editing ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('industry.scheme')}>{editing.schemeItem}</Descriptions.Item>
          <Descriptions.Item label={t('industry.household')}>
            {editing.headName ?? '—'} · {editing.townName ?? ''}
            {editing.villageName} ·{' '}
            {editing.householdType in HOUSEHOLD_TYPE_LABELS
              ? pick(HOUSEHOLD_TYPE_LABELS[editing.householdType as keyof typeof HOUSEHOLD_TYPE_LABELS])
              : editing.householdType}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Form.Item
            name="schemeId"
            label={t('industry.scheme')}
            rules={required(t('industry.scheme'))}
            extra={open.length === 0 ? t('industry.noOpenScheme') : undefined}
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
            name="householdId"
            label={t('industry.household')}
            extra={
              scheme
                ? t('industry.householdExtraScheme', {
                    types: scheme.eligibleTypes.map((type) => pick(HOUSEHOLD_TYPE_LABELS[type])).join('、'),
                  })
                : t('industry.householdExtra')
            }
            rules={required(t('industry.household'))}
          >
            <HouseholdSelect placeholder={t('industry.householdSearch')} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="scale"
        label={scheme ? t('industry.scaleOf', { unit: unitLabel }) : t('industry.scale')}
        rules={[
          ...required(t('industry.scale')),
          { pattern: SCALE_PATTERN, message: t('industry.scaleFormat') },
        ]}
      >
        <Input inputMode="decimal" disabled={scheme?.unit === 'household'} suffix={unitLabel || undefined} />
      </Form.Item>
      <Form.Item
        name="revenue"
        label={t('industry.revenue')}
        extra={t('industry.revenueExtra')}
        rules={money(t('industry.revenue'))}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item
        name="cost"
        label={t('industry.cost')}
        extra={t('industry.costExtra')}
        rules={money(t('industry.cost'))}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('industry.note')}
        rules={fieldRules(t, 'POST /api/industry-claims', 'note', t('industry.note'))}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="photos"
        label={t('common.photos')}
        initialValue={[]}
        extra={
          editing && editing.attachmentIds.length > 0 ? (
            <AttachmentLinks ids={editing.attachmentIds} />
          ) : (
            t('industry.photosExtra')
          )
        }
      >
        <PhotoUpload householdId={editing?.householdId ?? householdId} onBusyChange={setUploading} />
      </Form.Item>
      <RewardPreview
        scheme={scheme}
        householdId={editing?.householdId ?? householdId}
        exceptClaimId={editing?.id ?? null}
        scale={scale}
        revenue={revenue}
        cost={cost}
      />
    </FormModal>
  );
}
