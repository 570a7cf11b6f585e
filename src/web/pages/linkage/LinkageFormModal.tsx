import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { LINKAGE_MODE_LABELS, LINKAGE_MODES, type LinkageMode } from '../../../shared/linkage.js';
import { OperatorSelect } from '../../components/OperatorSelect.js';
import {
  type LinkageDetail,
  useCreateLinkage,
  useFetchLinkage,
  useUpdateLinkage,
} from '../../data/linkage.js';
import { useProjects } from '../../data/projects.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

export type LinkageFormTarget =
  | { kind: 'create'; operatorId?: number }
  | { kind: 'edit'; linkage: LinkageDetail };

interface LinkageFormValues {
  operatorId: number | undefined;
  projectId: number | undefined;
  mode: LinkageMode | undefined;
  startedOn: Dayjs | undefined;
  endedOn: Dayjs | undefined;
  terms: string | undefined;
}

const valuesOf = (a: LinkageDetail): LinkageFormValues => ({
  operatorId: a.operatorId,
  projectId: a.projectId ?? undefined,
  mode: a.mode,
  startedOn: dayjs(a.startedOn),
  endedOn: a.endedOn ? dayjs(a.endedOn) : undefined,
  terms: a.terms ?? undefined,
});

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The projects of the library to pick the agreement's source from, found by part of the name. */
function ProjectSelect(props: { value?: number; onChange?: (id: number | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const projects = useProjects({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select<number>
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder={t('linkage.projectSearch')}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      options={(projects.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.year} · ${p.name} · ${p.regionName}`,
      }))}
      allowClear
    />
  );
}

/** 登记带农协议 / 编辑协议: operator (fixed once recorded), the project it came from, mode, term and terms. */
export function LinkageFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: LinkageFormTarget | null;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkageFormValues>();
  const create = useCreateLinkage();
  const update = useUpdateLinkage();
  const fetchLinkage = useFetchLinkage();
  const editing = target?.kind === 'edit' ? target.linkage : null;

  useEffect(() => {
    if (target?.kind === 'edit') {
      form.setFieldsValue(valuesOf(target.linkage));
    } else if (target) {
      form.resetFields();
      form.setFieldsValue({ operatorId: target.operatorId });
    }
  }, [target, form]);

  const submit = async (v: LinkageFormValues) => {
    const fields = {
      projectId: v.projectId ?? null,
      mode: v.mode as LinkageMode,
      startedOn: day(v.startedOn) as string,
      endedOn: day(v.endedOn),
      terms: v.terms?.trim() ? v.terms.trim() : null,
    };
    if (editing) {
      await update.mutateAsync({ id: editing.id, body: { ...fields, version: editing.version } });
      void message.success(t('linkage.saved'));
    } else {
      const created = await create.mutateAsync({ ...fields, operatorId: v.operatorId as number });
      void message.success(t('linkage.created'));
      onCreated?.(created.id);
    }
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('linkage.required', { field }) }];
  return (
    <FormModal<LinkageFormValues>
      form={form}
      name="linkage"
      open={target !== null}
      title={editing ? t('linkage.editTitle') : t('linkage.create')}
      onCancel={onClose}
      onSubmit={submit}
      onConflict={async () => {
        if (editing) {
          form.setFieldsValue(valuesOf(await fetchLinkage(editing.id, editing.year)));
        }
      }}
      conflictHint={t('linkage.conflictHint')}
    >
      <Form.Item name="operatorId" label={t('linkage.operator')} rules={required(t('linkage.operator'))}>
        {editing ? (
          <Input value={editing.operatorName} disabled />
        ) : (
          <OperatorSelect placeholder={t('linkage.operatorSearch')} />
        )}
      </Form.Item>
      <Form.Item name="mode" label={t('linkage.mode')} rules={required(t('linkage.mode'))}>
        <Select<LinkageMode>
          options={LINKAGE_MODES.map((mode) => ({ value: mode, label: pick(LINKAGE_MODE_LABELS[mode]) }))}
        />
      </Form.Item>
      <Form.Item name="projectId" label={t('linkage.project')}>
        <ProjectSelect />
      </Form.Item>
      <Form.Item name="startedOn" label={t('linkage.startedOn')} rules={required(t('linkage.startedOn'))}>
        <DatePicker disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endedOn" label={t('linkage.endedOn')} extra={t('linkage.endedOnExtra')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="terms"
        label={t('linkage.terms')}
        extra={t('linkage.termsExtra')}
        rules={fieldRules(t, 'POST /api/linkages', 'terms', t('linkage.terms'))}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
