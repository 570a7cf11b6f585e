import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseStage, isEliminationStage, STAGE_RULES } from '../../../shared/case-workflow.js';
import { clock } from '../../../shared/clock.js';
import { caseApi } from '../../api/endpoints.js';
import type { CaseDetail } from '../../api/types.js';
import { PhotoUpload } from '../../components/PhotoUpload.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { CriteriaList } from './CriteriaList.js';
import {
  categoryOptions,
  RiskFields,
  type RiskValues,
  risksToValues,
  stageLabel,
  valuesToRisks,
} from './codes.js';
import type { CaseTabProps } from './context.js';

/** The dialogs behind the case's action buttons. */

export type Workflow = 'advance' | 'return' | 'reject';

/** Shared shape of the dialogs: resets on open, shows a general error above the fields. */
function useDialogForm<T>(open: boolean) {
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  return { form, saving, setSaving, error, setError };
}

interface WorkflowValues {
  note: string;
  attachmentIds: string[];
}

export function WorkflowModal({
  action,
  detail,
  save,
  onClose,
}: CaseTabProps & { action: Workflow | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { form, saving, setSaving, error, setError } = useDialogForm<WorkflowValues>(action !== null);
  const [uploading, setUploading] = useState(false);
  const rule = STAGE_RULES[detail.stage as CaseStage];
  const inElimination = isEliminationStage(detail.stage);
  const target = action === 'advance' ? rule?.next : action === 'return' ? rule?.back : rule?.reject;
  const needsNote = action === 'return' || action === 'reject';
  const isNoticeWait =
    action === 'advance' &&
    (detail.stage === 'public_notice' || detail.stage === 'elim_public_notice') &&
    detail.noticeEndsOn !== null &&
    clock().today() < detail.noticeEndsOn;

  const onFinish = async (values: WorkflowValues) => {
    if (!action) {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const ok = await save((version) =>
        caseApi.act(detail.id, {
          version,
          action,
          note: values.note.trim(),
          attachmentIds: values.attachmentIds ?? [],
        }),
      );
      if (ok) {
        void message.success(t('case.done'));
        onClose();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['note'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const title =
    action === 'reject' && inElimination
      ? t('case.rejectElimination')
      : action
        ? t(`case.actionTitle.${action}`)
        : '';
  return (
    <Modal
      open={action !== null}
      title={target ? `${title}：${stageLabel(pick, detail.stage)} → ${stageLabel(pick, target)}` : title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      okButtonProps={{ danger: action === 'reject', disabled: uploading }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {action === 'reject' ? (
        <Alert
          type="warning"
          showIcon
          title={inElimination ? t('case.rejectElimWarning') : t('case.rejectWarning')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {isNoticeWait && detail.noticeEndsOn ? (
        <Alert
          type="info"
          showIcon
          title={t('case.noticeWait', { date: detail.noticeEndsOn })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<WorkflowValues>
        form={form}
        layout="vertical"
        name="case-action"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ note: '', attachmentIds: [] }}
      >
        <Form.Item
          label={t('case.actionNote')}
          name="note"
          rules={needsNote ? [{ required: true, whitespace: true, message: t('case.noteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('common.photos')} name="attachmentIds" style={{ marginBottom: 0 }}>
          <PhotoUpload householdId={detail.householdId} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ClassifyValues extends RiskValues {
  category: CaseDetail['category'] | undefined;
}

export function ClassifyModal({
  open,
  detail,
  save,
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { form, saving, setSaving, error, setError } = useDialogForm<ClassifyValues>(open);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ category: detail.category ?? undefined, ...risksToValues(detail.risks) });
    }
  }, [open, form, detail.category, detail.risks]);

  const onFinish = async (values: ClassifyValues) => {
    setSaving(true);
    setError(null);
    try {
      const ok = await save((version) =>
        caseApi.classify(detail.id, {
          version,
          category: values.category ?? null,
          risks: valuesToRisks(values),
        }),
      );
      if (ok) {
        void message.success(t('case.classified'));
        onClose();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['category'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('case.classify')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<ClassifyValues>
        form={form}
        layout="vertical"
        name="case-classify"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ riskTypes: [] }}
      >
        <Form.Item
          label={t('cases.category')}
          name="category"
          rules={[{ required: true, message: t('common.required', { field: t('cases.category') }) }]}
        >
          <Select options={categoryOptions(pick)} />
        </Form.Item>
        <RiskFields />
      </Form>
    </Modal>
  );
}

interface EliminationValues {
  mode: 'assisted' | 'natural';
  note: string;
  attachmentIds: string[];
}

export function EliminationModal({
  open,
  detail,
  save,
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, saving, setSaving, error, setError } = useDialogForm<EliminationValues>(open);
  const [uploading, setUploading] = useState(false);
  const mode = Form.useWatch('mode', form) ?? 'assisted';
  const criteria = detail.criteria?.[mode] ?? [];
  const isUnmet = criteria.some((c) => c.required && !c.met);

  const onFinish = async (values: EliminationValues) => {
    setSaving(true);
    setError(null);
    try {
      const ok = await save((version) =>
        caseApi.requestElimination(detail.id, {
          version,
          mode: values.mode,
          note: values.note.trim(),
          attachmentIds: values.attachmentIds ?? [],
        }),
      );
      if (ok) {
        void message.success(t('case.elimRequested'));
        onClose();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['mode', 'note'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('case.elimTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      okButtonProps={{ disabled: uploading }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<EliminationValues>
        form={form}
        layout="vertical"
        name="case-elimination"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ mode: 'assisted', note: '', attachmentIds: [] }}
      >
        <Form.Item label={t('case.elimMode')} name="mode">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'assisted', label: t('cases.mode.assisted') },
              { value: 'natural', label: t('cases.mode.natural') },
            ]}
          />
        </Form.Item>
        <div data-testid="elimination-criteria" style={{ marginBottom: 16 }}>
          <CriteriaList criteria={criteria} />
          {isUnmet ? (
            <Alert type="warning" showIcon title={t('case.elimUnmet')} style={{ marginTop: 8 }} />
          ) : null}
        </div>
        <Form.Item
          label={t('case.elimNote')}
          name="note"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('case.elimNote') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('common.photos')} name="attachmentIds" style={{ marginBottom: 0 }}>
          <PhotoUpload householdId={detail.householdId} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SafetyNetModal({
  open,
  detail,
  save,
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, saving, setSaving, error, setError } = useDialogForm<{ note: string }>(open);

  const onFinish = async ({ note }: { note: string }) => {
    setSaving(true);
    setError(null);
    try {
      const ok = await save((version) => caseApi.markSafetyNet(detail.id, { version, note: note.trim() }));
      if (ok) {
        void message.success(t('case.safetyNetDone'));
        onClose();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['note'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('case.safetyNetTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('case.safetyNetHelp')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="case-safety-net" onFinish={onFinish} disabled={saving}>
        <Form.Item
          label={t('case.safetyNetNote')}
          name="note"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('case.safetyNetNote') }),
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
