import { Alert, App, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseStage, isEliminationStage, STAGE_RULES } from '../../../shared/case-workflow.js';
import { clock } from '../../../shared/clock.js';
import { PhotoUpload } from '../../components/PhotoUpload.js';
import {
  type CaseDetail,
  useCaseAction,
  useClassifyCase,
  useMarkSafetyNet,
  useRequestElimination,
} from '../../data/cases.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
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

/**
 * The dialogs behind the case's action buttons. Each saves with the version the user saw: a stale version is
 * told and the case reloaded (the dialog stays open); a refusal or a field message shows in the dialog.
 */

export type Workflow = 'advance' | 'return' | 'reject';

/** The dialog's form, emptied each time it opens. */
function useDialogForm<T>(open: boolean) {
  const [form] = Form.useForm<T>();
  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);
  return form;
}

interface WorkflowValues {
  note: string;
  attachmentIds: string[];
}

export function WorkflowModal({
  action,
  detail,
  onClose,
}: CaseTabProps & { action: Workflow | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<WorkflowValues>(action !== null);
  const act = useCaseAction(detail.id);
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

  const submit = async (values: WorkflowValues) => {
    if (!action) {
      return;
    }
    const saved = await act({ action, note: values.note.trim(), attachmentIds: values.attachmentIds ?? [] });
    if (saved) {
      void message.success(t('case.done'));
      onClose();
    }
  };

  const title =
    action === 'reject' && inElimination
      ? t('case.rejectElimination')
      : action
        ? t(`case.actionTitle.${action}`)
        : '';
  return (
    <FormModal<WorkflowValues>
      form={form}
      open={action !== null}
      name="case-action"
      title={target ? `${title}：${stageLabel(pick, detail.stage)} → ${stageLabel(pick, target)}` : title}
      onCancel={onClose}
      onSubmit={submit}
      okText={t('common.submit')}
      okButtonProps={{ danger: action === 'reject', disabled: uploading }}
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
      <Form.Item
        label={t('case.actionNote')}
        name="note"
        initialValue=""
        rules={needsNote ? [{ required: true, whitespace: true, message: t('case.noteRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item
        label={t('common.photos')}
        name="attachmentIds"
        initialValue={[]}
        style={{ marginBottom: 0 }}
      >
        <PhotoUpload householdId={detail.householdId} onBusyChange={setUploading} />
      </Form.Item>
    </FormModal>
  );
}

interface ClassifyValues extends RiskValues {
  category: CaseDetail['category'] | undefined;
}

export function ClassifyModal({
  open,
  detail,
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<ClassifyValues>(open);
  const classify = useClassifyCase(detail.id);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ category: detail.category ?? undefined, ...risksToValues(detail.risks) });
    }
  }, [open, form, detail.category, detail.risks]);

  const submit = async (values: ClassifyValues) => {
    const saved = await classify({ category: values.category ?? null, risks: valuesToRisks(values) });
    if (saved) {
      void message.success(t('case.classified'));
      onClose();
    }
  };

  return (
    <FormModal<ClassifyValues>
      form={form}
      open={open}
      name="case-classify"
      title={t('case.classify')}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        label={t('cases.category')}
        name="category"
        rules={[{ required: true, message: t('common.required', { field: t('cases.category') }) }]}
      >
        <Select options={categoryOptions(pick)} />
      </Form.Item>
      <RiskFields />
    </FormModal>
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
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<EliminationValues>(open);
  const requestElimination = useRequestElimination(detail.id);
  const [uploading, setUploading] = useState(false);
  const mode = Form.useWatch('mode', form) ?? 'assisted';
  const criteria = detail.criteria?.[mode] ?? [];
  const isUnmet = criteria.some((c) => c.required && !c.met);

  const submit = async (values: EliminationValues) => {
    const saved = await requestElimination({
      mode: values.mode,
      note: values.note.trim(),
      attachmentIds: values.attachmentIds ?? [],
    });
    if (saved) {
      void message.success(t('case.elimRequested'));
      onClose();
    }
  };

  return (
    <FormModal<EliminationValues>
      form={form}
      open={open}
      name="case-elimination"
      title={t('case.elimTitle')}
      onCancel={onClose}
      onSubmit={submit}
      okText={t('common.submit')}
      okButtonProps={{ disabled: uploading }}
      width={600}
    >
      <Form.Item label={t('case.elimMode')} name="mode" initialValue="assisted">
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
        initialValue=""
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
      <Form.Item
        label={t('common.photos')}
        name="attachmentIds"
        initialValue={[]}
        style={{ marginBottom: 0 }}
      >
        <PhotoUpload householdId={detail.householdId} onBusyChange={setUploading} />
      </Form.Item>
    </FormModal>
  );
}

export function SafetyNetModal({
  open,
  detail,
  onClose,
}: CaseTabProps & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<{ note: string }>(open);
  const markSafetyNet = useMarkSafetyNet(detail.id);

  const submit = async ({ note }: { note: string }) => {
    const saved = await markSafetyNet({ note: note.trim() });
    if (saved) {
      void message.success(t('case.safetyNetDone'));
      onClose();
    }
  };

  return (
    <FormModal<{ note: string }>
      form={form}
      open={open}
      name="case-safety-net"
      title={t('case.safetyNetTitle')}
      onCancel={onClose}
      onSubmit={submit}
      okText={t('common.submit')}
    >
      <Typography.Paragraph type="secondary">{t('case.safetyNetHelp')}</Typography.Paragraph>
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
    </FormModal>
  );
}
