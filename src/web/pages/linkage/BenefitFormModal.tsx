import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { BENEFIT_TYPE_LABELS, BENEFIT_TYPES, type BenefitType } from '../../../shared/linkage.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { type LinkageDetail, useAddBenefit } from '../../data/linkage.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

interface BenefitFormValues {
  householdId: number | undefined;
  paidOn: Dayjs | undefined;
  benefitType: BenefitType | undefined;
  amount: string | undefined;
  evidence: string | undefined;
}

/** 登记收益发放: one payment (a transfer, a purchase receipt) to a household the agreement links this year. */
export function BenefitFormModal({
  linkage,
  householdId,
  onClose,
}: {
  linkage: LinkageDetail | null;
  householdId?: number | undefined;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BenefitFormValues>();
  const add = useAddBenefit();

  useEffect(() => {
    if (linkage) {
      form.resetFields();
      // A past year's payment defaults to that year's last day, this year's to today.
      const end = dayjs(`${linkage.year}-12-31`);
      form.setFieldsValue({ householdId, paidOn: end.isAfter(today()) ? today() : end });
    }
  }, [linkage, householdId, form]);

  const submit = async (v: BenefitFormValues) => {
    if (!linkage) {
      return;
    }
    await add.mutateAsync({
      id: linkage.id,
      body: {
        householdId: v.householdId as number,
        paidOn: (v.paidOn as Dayjs).format('YYYY-MM-DD'),
        benefitType: v.benefitType as BenefitType,
        amount: (v.amount ?? '').trim(),
        evidence: v.evidence?.trim() ? v.evidence.trim() : null,
      },
    });
    void message.success(t('linkage.benefitSaved'));
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('linkage.required', { field }) }];
  return (
    <FormModal<BenefitFormValues>
      form={form}
      name="benefit"
      open={linkage !== null}
      title={t('linkage.benefitTitle', { name: linkage?.operatorName ?? '' })}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        name="householdId"
        label={t('linkage.benefitHousehold')}
        extra={t('linkage.benefitHouseholdExtra')}
        rules={required(t('linkage.benefitHousehold'))}
      >
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          options={(linkage?.households ?? []).map((h) => ({
            value: h.householdId,
            label: `${h.headName ?? `#${h.householdId}`} · ${h.townName ?? ''}${h.villageName}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="paidOn" label={t('linkage.paidOn')} rules={required(t('linkage.paidOn'))}>
        <DatePicker disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="benefitType"
        label={t('linkage.benefitType')}
        rules={required(t('linkage.benefitType'))}
      >
        <Select<BenefitType>
          options={BENEFIT_TYPES.map((type) => ({ value: type, label: pick(BENEFIT_TYPE_LABELS[type]) }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('linkage.amount')}
        rules={[
          ...required(t('linkage.amount')),
          { pattern: MONEY_PATTERN, message: t('linkage.amountFormat') },
        ]}
      >
        <Input inputMode="decimal" placeholder="1200.00" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('linkage.evidence')}
        extra={t('linkage.evidenceExtra')}
        rules={fieldRules(t, 'POST /api/linkages/{id}/benefits', 'evidence', t('linkage.evidence'))}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}
