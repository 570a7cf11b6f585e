import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  LEAD_ENTERPRISE_LEVEL_LABELS,
  LEAD_ENTERPRISE_LEVELS,
  type LeadEnterpriseLevel,
  OPERATOR_STATUS_LABELS,
  OPERATOR_STATUSES,
  OPERATOR_TYPE_LABELS,
  OPERATOR_TYPES,
  type OperatorStatus,
  type OperatorType,
  usccProblem,
} from '../../../shared/operators.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import {
  type Operator,
  type UpdateOperatorBody,
  useCreateOperator,
  useFetchOperator,
  useUpdateOperator,
} from '../../data/operators.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

interface OperatorFormValues {
  name: string;
  operatorType: OperatorType | undefined;
  regionCode: string | undefined;
  uscc: string | undefined;
  legalPerson: string | undefined;
  contactPhone: string | undefined;
  leadLevel: LeadEnterpriseLevel | undefined;
  leadCertifiedOn: Dayjs | undefined;
  status: OperatorStatus;
  note: string | undefined;
}

export type OperatorFormTarget = { kind: 'create' } | { kind: 'edit'; operator: Operator };

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

const valuesOf = (o: Operator): OperatorFormValues => ({
  name: o.name,
  operatorType: o.operatorType,
  regionCode: o.regionCode,
  uscc: o.uscc ?? undefined,
  legalPerson: o.legalPerson ?? undefined,
  contactPhone: o.contactPhone ?? undefined,
  leadLevel: o.leadLevel ?? undefined,
  leadCertifiedOn: o.leadCertifiedOn ? dayjs(o.leadCertifiedOn) : undefined,
  status: o.status,
  note: o.note ?? undefined,
});

/** The request body of the form, the same for a new operator and an edit (an edit sends only what changed). */
function bodyOf(values: OperatorFormValues) {
  const isLead = values.operatorType === 'lead_enterprise';
  return {
    name: values.name.trim(),
    operatorType: values.operatorType ?? 'other',
    regionCode: values.regionCode ?? '',
    uscc: blankToNull(values.uscc?.toUpperCase()),
    legalPerson: blankToNull(values.legalPerson),
    contactPhone: blankToNull(values.contactPhone),
    // The certification belongs to a lead enterprise only: another type sends none.
    leadLevel: isLead ? (values.leadLevel ?? null) : null,
    leadCertifiedOn: isLead && values.leadCertifiedOn ? values.leadCertifiedOn.format('YYYY-MM-DD') : null,
    note: blankToNull(values.note),
  };
}

function changedFields(base: Operator, values: OperatorFormValues): UpdateOperatorBody {
  const next = { ...bodyOf(values), status: values.status };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (base[key as keyof Operator] !== value) {
      changed[key] = value;
    }
  }
  return { version: base.version, ...changed };
}

/** 登记经营主体 / 编辑经营主体. Saving refreshes the list (the hooks invalidate it). */
export function OperatorFormModal({
  target,
  onClose,
}: {
  target: OperatorFormTarget | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OperatorFormValues>();
  const [base, setBase] = useState<Operator | null>(null);
  const create = useCreateOperator();
  const update = useUpdateOperator();
  const fetchOperator = useFetchOperator();
  const operatorType = Form.useWatch('operatorType', form);
  const isCreate = target?.kind === 'create';

  useEffect(() => {
    if (target?.kind === 'edit') {
      setBase(target.operator);
      form.setFieldsValue(valuesOf(target.operator));
    } else if (target?.kind === 'create') {
      setBase(null);
      form.resetFields();
    }
  }, [target, form]);

  const submit = async (values: OperatorFormValues) => {
    if (isCreate) {
      const created = await create.mutateAsync(bodyOf(values));
      void message.success(t('operators.created', { name: created.name }));
    } else if (base) {
      await update.mutateAsync({ id: base.id, body: changedFields(base, values) });
      void message.success(t('operators.saved'));
    }
    onClose();
  };

  const reloadAfterConflict = async () => {
    if (base) {
      const fresh = await fetchOperator(base.id);
      setBase(fresh);
      form.setFieldsValue(valuesOf(fresh));
    }
  };

  const required = (label: string) => ({
    required: true,
    message: t('operators.required', { field: label }),
  });
  const isLead = operatorType === 'lead_enterprise';

  return (
    <FormModal<OperatorFormValues>
      form={form}
      name="operator"
      open={target !== null}
      title={isCreate ? t('operators.create') : t('operators.editTitle')}
      onCancel={onClose}
      onSubmit={submit}
      onConflict={reloadAfterConflict}
      conflictHint={t('operators.conflictHint')}
      initialValues={{ status: 'active' }}
      width={620}
    >
      <Form.Item
        name="name"
        label={t('operators.name')}
        rules={[
          required(t('operators.name')),
          ...fieldRules(t, 'POST /api/operators', 'name', t('operators.name')),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="operatorType" label={t('operators.type')} rules={[required(t('operators.type'))]}>
        <Select<OperatorType>
          options={OPERATOR_TYPES.map((type) => ({ value: type, label: pick(OPERATOR_TYPE_LABELS[type]) }))}
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('operators.region')}
        extra={t('operators.regionExtra')}
        rules={[required(t('operators.region'))]}
      >
        <RegionPicker levels={['county', 'town', 'village']} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('operators.uscc')}
        extra={t('operators.usccExtra')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[
          {
            validator: (_rule, value: string | undefined) => {
              const problem = value?.trim() ? usccProblem(value.trim()) : null;
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="legalPerson"
        label={t('operators.legalPerson')}
        rules={fieldRules(t, 'POST /api/operators', 'legalPerson', t('operators.legalPerson'))}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('operators.contactPhone')}
        rules={fieldRules(t, 'POST /api/operators', 'contactPhone', t('operators.contactPhone'))}
      >
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="leadLevel"
        label={t('operators.leadLevel')}
        extra={isLead ? undefined : t('operators.leadOnly')}
      >
        <Select<LeadEnterpriseLevel>
          allowClear
          disabled={!isLead}
          options={LEAD_ENTERPRISE_LEVELS.map((level) => ({
            value: level,
            label: pick(LEAD_ENTERPRISE_LEVEL_LABELS[level]),
          }))}
        />
      </Form.Item>
      <Form.Item name="leadCertifiedOn" label={t('operators.leadCertifiedOn')}>
        <DatePicker
          disabled={!isLead}
          disabledDate={(day) => day.isAfter(today(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      {isCreate ? null : (
        <Form.Item name="status" label={t('operators.status')}>
          <Select<OperatorStatus>
            options={OPERATOR_STATUSES.map((status) => ({
              value: status,
              label: pick(OPERATOR_STATUS_LABELS[status]),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('operators.note')}
        rules={fieldRules(t, 'POST /api/operators', 'note', t('operators.note'))}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
