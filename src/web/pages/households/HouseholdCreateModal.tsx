import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import { ApiError } from '../../api/client.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useCreateHousehold } from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Values {
  regionCode: string;
  householdType: HouseholdType;
  headName: string;
  headIdNumber: string;
  phone?: string;
  address?: string;
}

/** The server names fields of the body; the form has its own names for the head's. */
const FIELD_MAP: Record<string, keyof Values> = {
  regionCode: 'regionCode',
  householdType: 'householdType',
  head: 'headName',
  'head.name': 'headName',
  idNumber: 'headIdNumber',
  'head.idNumber': 'headIdNumber',
  phone: 'phone',
  address: 'address',
};

export function HouseholdCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  const submit = async (values: Values) => {
    try {
      const created = await create.mutateAsync({
        regionCode: values.regionCode,
        householdType: values.householdType,
        phone: values.phone?.trim() || null,
        address: values.address?.trim() || null,
        head: { name: values.headName.trim(), idNumber: values.headIdNumber, relation: '户主' },
      });
      void message.success(t('hh.created', { name: created.household.headName }));
      onCreated(created.household.id);
    } catch (cause) {
      // The head's fields have other names in the form than in the body; anything else FormModal shows.
      const placed = cause instanceof ApiError ? cause.fieldIssues.filter((i) => FIELD_MAP[i.field]) : [];
      if (!(cause instanceof ApiError) || placed.length === 0) {
        throw cause;
      }
      form.setFields(
        placed.map((i) => ({
          name: FIELD_MAP[i.field] as keyof Values,
          errors: [i.message || cause.message],
        })),
      );
    }
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('hh.createTitle')}
      onCancel={onClose}
      onSubmit={submit}
      name="household-create"
      initialValues={{ householdType: 'ordinary' }}
    >
      <Form.Item
        label={t('hh.village')}
        name="regionCode"
        extra={t('hh.villageHelp')}
        rules={[{ required: true, message: t('common.required', { field: t('hh.village') }) }]}
      >
        <RegionPicker levels={['village']} placeholder={t('hh.village')} />
      </Form.Item>
      <Form.Item label={t('hh.type')} name="householdType" rules={[{ required: true }]}>
        <Select
          options={HOUSEHOLD_TYPES.map((type) => ({
            value: type,
            label: pick(HOUSEHOLD_TYPE_LABELS[type]),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('hh.headName')} name="headName" rules={[required(t('hh.headName'))]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        label={t('hh.headIdNumber')}
        name="headIdNumber"
        extra={t('members.idHelp')}
        rules={[required(t('hh.headIdNumber'))]}
      >
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('hh.relation')}>
        <Input value="户主" disabled aria-label={t('hh.relation')} />
      </Form.Item>
      <Form.Item
        label={t('hh.phone')}
        name="phone"
        rules={[{ pattern: /^1\d{10}$/, message: t('hh.phoneRule') }]}
      >
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item label={t('hh.address')} name="address" style={{ marginBottom: 0 }}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
