import { App, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  LEAD_ENTERPRISE_LEVEL_LABELS,
  WORKSHOP_CERT_LEVELS,
  WORKSHOP_TYPE_LABELS,
  WORKSHOP_TYPES,
  type WorkshopCertLevel,
  type WorkshopType,
} from '../../../shared/operators.js';
import { type Operator, useFetchOperator, useSaveWorkshop } from '../../data/operators.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

interface WorkshopFormValues {
  workshopType: WorkshopType | undefined;
  site: string | undefined;
  certifiedLevel: WorkshopCertLevel | undefined;
  certifiedOn: Dayjs | undefined;
  certifiedBy: string | undefined;
  capacity: number | null;
  insured: boolean;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

const valuesOf = (o: Operator): WorkshopFormValues => ({
  workshopType: o.workshop?.workshopType,
  site: o.workshop?.site ?? undefined,
  certifiedLevel: o.workshop?.certifiedLevel ?? undefined,
  certifiedOn: o.workshop?.certifiedOn ? dayjs(o.workshop.certifiedOn) : undefined,
  certifiedBy: o.workshop?.certifiedBy ?? undefined,
  capacity: o.workshop?.capacity ?? null,
  insured: o.workshop?.insured ?? false,
});

/** 填写车间信息: the workshop's own profile; who works there comes from the work records, not from here. */
export function WorkshopFormModal({ operator, onClose }: { operator: Operator | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkshopFormValues>();
  const save = useSaveWorkshop();
  const fetchOperator = useFetchOperator();

  useEffect(() => {
    if (operator) {
      form.setFieldsValue(valuesOf(operator));
    }
  }, [operator, form]);

  const submit = async (values: WorkshopFormValues) => {
    if (!operator || !values.workshopType) {
      return;
    }
    await save.mutateAsync({
      id: operator.id,
      body: {
        version: operator.workshop?.version ?? null,
        workshopType: values.workshopType,
        site: blankToNull(values.site),
        certifiedLevel: values.certifiedLevel ?? null,
        certifiedOn: values.certifiedOn ? values.certifiedOn.format('YYYY-MM-DD') : null,
        certifiedBy: blankToNull(values.certifiedBy),
        capacity: values.capacity ?? null,
        insured: values.insured,
      },
    });
    void message.success(t('operators.saved'));
    onClose();
  };

  const rule = (field: 'site' | 'certifiedBy', label: string) =>
    fieldRules(t, 'PUT /api/operators/{id}/workshop', field, label);

  return (
    <FormModal<WorkshopFormValues>
      form={form}
      name="workshop"
      open={operator !== null}
      title={`${t('operators.workshopEdit')} · ${operator?.name ?? ''}`}
      onCancel={onClose}
      onSubmit={submit}
      onConflict={async () => {
        if (operator) {
          form.setFieldsValue(valuesOf(await fetchOperator(operator.id)));
        }
      }}
      conflictHint={t('operators.conflictHint')}
      initialValues={{ insured: false }}
    >
      <Form.Item
        name="workshopType"
        label={t('operators.workshopType')}
        rules={[{ required: true, message: t('operators.required', { field: t('operators.workshopType') }) }]}
      >
        <Select<WorkshopType>
          options={WORKSHOP_TYPES.map((type) => ({ value: type, label: pick(WORKSHOP_TYPE_LABELS[type]) }))}
        />
      </Form.Item>
      <Form.Item name="site" label={t('operators.site')} rules={rule('site', t('operators.site'))}>
        <Input />
      </Form.Item>
      <Form.Item name="certifiedLevel" label={t('operators.certifiedLevel')}>
        <Select<WorkshopCertLevel>
          allowClear
          options={WORKSHOP_CERT_LEVELS.map((level) => ({
            value: level,
            label: pick(LEAD_ENTERPRISE_LEVEL_LABELS[level]),
          }))}
        />
      </Form.Item>
      <Form.Item name="certifiedOn" label={t('operators.certifiedOn')}>
        <DatePicker disabledDate={(day) => day.isAfter(today(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="certifiedBy"
        label={t('operators.certifiedBy')}
        rules={rule('certifiedBy', t('operators.certifiedBy'))}
      >
        <Input />
      </Form.Item>
      <Form.Item name="capacity" label={t('operators.capacity')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="insured" valuePropName="checked">
        <Checkbox>{t('operators.insured')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
