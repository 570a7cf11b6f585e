import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  CERT_LEVEL_LABELS,
  CERT_LEVELS,
  LINKAGE_TYPE_LABELS,
  LINKAGE_TYPES,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_LABELS,
} from '../../../shared/consumer-assistance.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { OperatorSelect } from '../../components/OperatorSelect.js';
import {
  type ProductBody,
  type ProductDetail,
  useDeclareProduct,
  useEditProduct,
} from '../../data/consumer.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { HouseholdsSelect } from './HouseholdsSelect.js';

export type ProductFormTarget = { kind: 'declare' } | { kind: 'edit'; product: ProductDetail };

interface Values {
  operatorId: number | undefined;
  name: string | undefined;
  category: ProductBody['category'] | undefined;
  annualValue: string | undefined;
  certLevel: ProductBody['certLevel'] | undefined;
  certificateNo: string | undefined;
  validFrom: Dayjs | undefined;
  validTo: Dayjs | undefined;
  linkageType: ProductBody['linkageType'] | undefined;
  householdIds: number[];
  note: string | undefined;
}

const fresh = (): Values => ({
  operatorId: undefined,
  name: undefined,
  category: undefined,
  annualValue: undefined,
  certLevel: 'county',
  certificateNo: undefined,
  validFrom: today(),
  validTo: today().add(3, 'year').subtract(1, 'day'),
  linkageType: undefined,
  householdIds: [],
  note: undefined,
});

const valuesOf = (p: ProductDetail): Values => ({
  operatorId: p.operatorId,
  name: p.name,
  category: p.category,
  annualValue: p.annualValue,
  certLevel: p.certLevel,
  certificateNo: p.certificateNo ?? undefined,
  validFrom: dayjs(p.validFrom),
  validTo: dayjs(p.validTo),
  linkageType: p.linkageType,
  householdIds: p.linkedHouseholds.map((h) => h.id),
  note: p.note ?? undefined,
});

/** 申报帮扶产品: the producer from the operator registry, the figures, the validity and the linked households. */
export function ProductFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: ProductFormTarget | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const declare = useDeclareProduct();
  const edit = useEditProduct();
  const editing = target?.kind === 'edit' ? target.product : null;

  useEffect(() => {
    if (target) {
      form.resetFields();
      form.setFieldsValue(editing ? valuesOf(editing) : fresh());
    }
  }, [target, editing, form]);

  const required = (field: string) => [{ required: true, message: t('consumer.required', { field }) }];
  const submit = async (v: Values) => {
    const body: ProductBody = {
      operatorId: v.operatorId ?? 0,
      name: v.name ?? '',
      category: v.category ?? 'other',
      annualValue: (v.annualValue ?? '').trim(),
      certLevel: v.certLevel ?? 'county',
      certificateNo: v.certificateNo?.trim() || null,
      validFrom: (v.validFrom as Dayjs).format('YYYY-MM-DD'),
      validTo: (v.validTo as Dayjs).format('YYYY-MM-DD'),
      linkageType: v.linkageType ?? 'business',
      householdIds: v.householdIds ?? [],
      note: v.note?.trim() || null,
    };
    const saved = editing
      ? await edit.mutateAsync({ id: editing.id, body: { ...body, version: editing.version } })
      : await declare.mutateAsync(body);
    void message.success(t('common.saved'));
    onSaved(saved.id);
    onClose();
  };

  return (
    <FormModal<Values>
      name="consumer-product"
      form={form}
      open={target !== null}
      title={editing ? t('consumer.editTitle', { name: editing.name }) : t('consumer.declareTitle')}
      onCancel={onClose}
      onSubmit={submit}
      conflictHint={t('consumer.conflict')}
      okText={editing ? t('common.save') : t('consumer.declareOk')}
      width={640}
    >
      <Form.Item name="operatorId" label={t('consumer.producer')} rules={required(t('consumer.producer'))}>
        <OperatorSelect placeholder={t('consumer.producerSearch')} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('consumer.productName')}
        rules={[
          ...required(t('consumer.productName')),
          ...fieldRules(t, 'POST /api/consumer-products', 'name', t('consumer.productName')),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="category" label={t('consumer.category')} rules={required(t('consumer.category'))}>
        <Select
          options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: pick(PRODUCT_CATEGORY_LABELS[c]) }))}
        />
      </Form.Item>
      <Form.Item
        name="annualValue"
        label={t('consumer.annualValue')}
        extra={t('consumer.annualValueExtra')}
        rules={[
          ...required(t('consumer.annualValue')),
          {
            pattern: MONEY_PATTERN,
            message: t('consumer.moneyFormat', { field: t('consumer.annualValue') }),
          },
        ]}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item name="certLevel" label={t('consumer.certLevel')} rules={required(t('consumer.certLevel'))}>
        <Select options={CERT_LEVELS.map((c) => ({ value: c, label: pick(CERT_LEVEL_LABELS[c]) }))} />
      </Form.Item>
      <Form.Item
        name="certificateNo"
        label={t('consumer.certificateNo')}
        extra={t('consumer.certificateExtra')}
        rules={fieldRules(t, 'POST /api/consumer-products', 'certificateNo', t('consumer.certificateNo'))}
      >
        <Input />
      </Form.Item>
      <Form.Item name="validFrom" label={t('consumer.validFrom')} rules={required(t('consumer.validFrom'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label={t('consumer.validTo')} rules={required(t('consumer.validTo'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="linkageType"
        label={t('consumer.linkageType')}
        rules={required(t('consumer.linkageType'))}
      >
        <Select options={LINKAGE_TYPES.map((c) => ({ value: c, label: pick(LINKAGE_TYPE_LABELS[c]) }))} />
      </Form.Item>
      <Form.Item
        name="householdIds"
        label={t('consumer.linkedHouseholds')}
        extra={t('consumer.householdsExtra')}
      >
        <HouseholdsSelect
          known={editing?.linkedHouseholds.map((h) => ({
            id: h.id,
            label: `${h.headName ?? '—'} · ${h.villageName}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('consumer.note')}
        rules={fieldRules(t, 'POST /api/consumer-products', 'note', t('consumer.note'))}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
