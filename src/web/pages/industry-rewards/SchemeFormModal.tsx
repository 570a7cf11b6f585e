import { App, Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import {
  DEFAULT_ELIGIBLE_TYPES,
  SCHEME_DEFAULTS,
  SCHEME_UNIT_LABELS,
  SCHEME_UNITS,
  type SchemeUnit,
} from '../../../shared/industry-rewards.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import {
  type Scheme,
  type SchemeBody,
  useCreateScheme,
  useFetchSchemes,
  useUpdateScheme,
} from '../../data/industry-rewards.js';
import { useProjects } from '../../data/projects.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

export type SchemeFormTarget = { kind: 'create'; year: number } | { kind: 'edit'; scheme: Scheme };

interface SchemeFormValues {
  item: string | undefined;
  unit: SchemeUnit;
  ratePercent: string | undefined;
  unitCap: string | undefined;
  householdCap: string | undefined;
  eligibleTypes: HouseholdType[];
  windowStart: Dayjs | undefined;
  windowEnd: Dayjs | undefined;
  projectId: number | undefined;
  status: 'open' | 'closed';
}

const valuesOf = (s: Scheme): SchemeFormValues => ({
  item: s.item,
  unit: s.unit,
  ratePercent: s.ratePercent,
  unitCap: s.unitCap ?? undefined,
  householdCap: s.householdCap,
  eligibleTypes: s.eligibleTypes,
  windowStart: dayjs(s.windowStart),
  windowEnd: dayjs(s.windowEnd),
  projectId: s.projectId ?? undefined,
  status: s.status,
});

/** A new scheme of `year`: 汝州's defaults, the window from today (or the year's first day) to its last. */
const defaultsFor = (year: number): SchemeFormValues => {
  const first = dayjs(`${year}-01-01`);
  return {
    item: undefined,
    unit: 'mu',
    ratePercent: SCHEME_DEFAULTS.ratePercent,
    unitCap: SCHEME_DEFAULTS.unitCap,
    householdCap: SCHEME_DEFAULTS.householdCap,
    eligibleTypes: [...DEFAULT_ELIGIBLE_TYPES],
    windowStart: today().isAfter(first) && today().year() === year ? today() : first,
    windowEnd: dayjs(`${year}-12-31`),
    projectId: undefined,
    status: 'open',
  };
};

/** The scheme's body as the API takes it (the same for a new and an edited one). */
export const schemeBody = (year: number, v: SchemeFormValues): SchemeBody => ({
  year,
  item: (v.item ?? '').trim(),
  unit: v.unit,
  ratePercent: (v.ratePercent ?? '').trim(),
  unitCap: v.unit === 'household' || !v.unitCap?.trim() ? null : v.unitCap.trim(),
  householdCap: (v.householdCap ?? '').trim(),
  eligibleTypes: v.eligibleTypes,
  windowStart: (v.windowStart as Dayjs).format('YYYY-MM-DD'),
  windowEnd: (v.windowEnd as Dayjs).format('YYYY-MM-DD'),
  projectId: v.projectId ?? null,
});

/** The county's projects of the library to name the one that funds the scheme, found by part of the name. */
function ProjectSelect(props: { value?: number; onChange?: (id: number | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const projects = useProjects({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select<number>
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder={t('industry.projectSearch')}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      options={(projects.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.year} · ${p.name} · ${p.regionName}`,
      }))}
      allowClear
    />
  );
}

/** 设立奖补项目 / 编辑奖补项目: item, unit, rate and caps, who it pays, the window and the funding project. */
export function SchemeFormModal({
  target,
  onClose,
}: {
  target: SchemeFormTarget | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SchemeFormValues>();
  const create = useCreateScheme();
  const update = useUpdateScheme();
  const fetchSchemes = useFetchSchemes();
  // The scheme as last read: after a conflict, the other person's save (and its version).
  const [current, setCurrent] = useState<Scheme | null>(null);
  const editing = target?.kind === 'edit' ? (current ?? target.scheme) : null;
  const year = target?.kind === 'edit' ? target.scheme.year : (target?.year ?? today().year());
  const unit = Form.useWatch('unit', form);

  useEffect(() => {
    setCurrent(null);
    if (target?.kind === 'edit') {
      form.resetFields();
      form.setFieldsValue(valuesOf(target.scheme));
    } else if (target) {
      form.resetFields();
      form.setFieldsValue(defaultsFor(target.year));
    }
  }, [target, form]);

  const submit = async (v: SchemeFormValues) => {
    const body = schemeBody(year, v);
    if (editing) {
      await update.mutateAsync({
        id: editing.id,
        body: { ...body, version: editing.version, status: v.status },
      });
      void message.success(t('industry.schemeSaved'));
    } else {
      await create.mutateAsync(body);
      void message.success(t('industry.schemeCreated'));
    }
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('industry.required', { field }) }];
  const money = (field: string) => [
    { pattern: MONEY_PATTERN, message: t('industry.moneyFormat', { field }) },
  ];
  const op = editing ? 'PATCH /api/industry-schemes/{id}' : 'POST /api/industry-schemes';
  return (
    <FormModal<SchemeFormValues>
      form={form}
      name="scheme"
      open={target !== null}
      title={
        editing
          ? t('industry.schemeEditTitle', { item: editing.item })
          : t('industry.schemeCreateTitle', { year })
      }
      onCancel={onClose}
      onSubmit={submit}
      onConflict={async () => {
        if (editing) {
          const fresh = (await fetchSchemes(editing.year)).items.find((s) => s.id === editing.id);
          if (fresh) {
            setCurrent(fresh);
            form.setFieldsValue(valuesOf(fresh));
          }
        }
      }}
      conflictHint={t('industry.schemeConflict')}
      width={640}
    >
      <Form.Item
        name="item"
        label={t('industry.item')}
        extra={t('industry.itemExtra')}
        rules={[...required(t('industry.item')), ...fieldRules(t, op, 'item', t('industry.item'))]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="unit" label={t('industry.unit')} rules={required(t('industry.unit'))}>
        <Radio.Group
          options={SCHEME_UNITS.map((u) => ({
            value: u,
            label: t('industry.unitBy', { unit: pick(SCHEME_UNIT_LABELS[u]) }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="ratePercent"
        label={t('industry.ratePercent')}
        extra={t('industry.ratePercentExtra')}
        rules={[
          ...required(t('industry.ratePercent')),
          { pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('industry.rateFormat') },
        ]}
      >
        <Input inputMode="decimal" suffix="%" />
      </Form.Item>
      {unit === 'household' ? null : (
        <Form.Item
          name="unitCap"
          label={t('industry.unitCapOf', { unit: pick(SCHEME_UNIT_LABELS[unit ?? 'mu']) })}
          extra={t('industry.unitCapExtra')}
          rules={money(t('industry.unitCap'))}
        >
          <Input inputMode="decimal" suffix={t('common.yuan')} />
        </Form.Item>
      )}
      <Form.Item
        name="householdCap"
        label={t('industry.householdCap')}
        extra={t('industry.householdCapExtra')}
        rules={[...required(t('industry.householdCap')), ...money(t('industry.householdCap'))]}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item
        name="eligibleTypes"
        label={t('industry.eligibleTypes')}
        rules={[{ required: true, type: 'array', min: 1, message: t('industry.eligibleRequired') }]}
      >
        <Checkbox.Group
          options={HOUSEHOLD_TYPES.map((type) => ({ value: type, label: pick(HOUSEHOLD_TYPE_LABELS[type]) }))}
        />
      </Form.Item>
      <Form.Item
        name="windowStart"
        label={t('industry.windowStart')}
        rules={required(t('industry.windowStart'))}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="windowEnd"
        label={t('industry.windowEnd')}
        dependencies={['windowStart']}
        rules={[
          ...required(t('industry.windowEnd')),
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) => {
              const start = getFieldValue('windowStart') as Dayjs | undefined;
              return end && start && end.isBefore(start, 'day')
                ? Promise.reject(new Error(t('industry.windowOrder')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="projectId" label={t('industry.project')} extra={t('industry.projectExtra')}>
        <ProjectSelect />
      </Form.Item>
      {editing ? (
        <Form.Item name="status" label={t('industry.status')} extra={t('industry.statusExtra')}>
          <Radio.Group
            options={[
              { value: 'open', label: t('industry.statusOpen') },
              { value: 'closed', label: t('industry.statusClosed') },
            ]}
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
