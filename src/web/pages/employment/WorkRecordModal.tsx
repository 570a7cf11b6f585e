import { Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { HouseholdSelect } from '../../components/HouseholdSelect.js';
import {
  useAddWorkRecord,
  useReloadWorkRecords,
  useUpdateWorkRecord,
  type WorkRecord,
} from '../../data/employment.js';
import { useHousehold } from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  EMPTY_WORK_RECORD,
  WorkRecordFields,
  type WorkRecordValues,
  workRecordBody,
} from './WorkRecordFields.js';

type Values = WorkRecordValues & { householdId?: number };

const valuesOf = (r: WorkRecord): WorkRecordValues => ({
  personId: r.personId,
  category: r.category,
  startMonth: dayjs(`${r.startMonth}-01`),
  endMonth: r.endMonth ? dayjs(`${r.endMonth}-01`) : null,
  workProvince: r.workProvince ?? '',
  workCity: r.workCity ?? '',
  workCounty: r.workCounty ?? '',
  monthlyIncome: r.monthlyIncome ?? '',
  sector: r.sector ?? undefined,
  industry: r.industry ?? '',
  channel: r.channel ?? undefined,
  employer: r.employer ?? '',
  pointToPoint: r.pointToPoint ?? undefined,
});

/** Adds (a clerk: choose the household, then the member) or edits a work record; ending a job is an edit. */
export function WorkRecordModal({
  record,
  householdId: presetHousehold,
  onClose,
  onSaved,
}: {
  record: WorkRecord | null;
  householdId?: number | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('householdId', form) ?? record?.householdId ?? presetHousehold;
  const household = useHousehold(chosen ?? 0, { enabled: chosen !== undefined });
  const add = useAddWorkRecord();
  const update = useUpdateWorkRecord();
  const reload = useReloadWorkRecords();
  const members = (household.data?.members ?? []).map((m) => ({
    id: m.id,
    name: m.name,
    relation: m.relation,
  }));

  useEffect(() => {
    form.setFieldsValue(record ? valuesOf(record) : { ...EMPTY_WORK_RECORD, householdId: presetHousehold });
  }, [form, record, presetHousehold]);

  const submit = async (values: Values) => {
    const body = workRecordBody(values);
    if (record) {
      await update.mutateAsync({ id: record.id, body: { ...body, version: record.version } });
    } else {
      await add.mutateAsync({ ...body, personId: values.personId ?? 0 });
    }
    onSaved();
  };

  return (
    <FormModal<Values>
      form={form}
      open
      title={record ? t('emp.edit') : t('emp.add')}
      name="work-record"
      onCancel={onClose}
      onSubmit={submit}
      onConflict={reload}
      conflictHint={t('emp.conflictHint')}
      width={720}
    >
      {record || presetHousehold ? null : (
        <Form.Item
          label={t('visits.household')}
          name="householdId"
          rules={[{ required: true, message: t('visits.chooseHousehold') }]}
        >
          <HouseholdSelect />
        </Form.Item>
      )}
      <WorkRecordFields members={members} />
    </FormModal>
  );
}
