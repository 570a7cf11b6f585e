import { Alert, App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseCategory } from '../../../shared/case-workflow.js';
import { ApiError } from '../../api/client.js';
import { useMe } from '../../auth/SessionProvider.js';
import { PhotoUpload } from '../../components/PhotoUpload.js';
import { type LeadDetail, useOpenCaseFromLead } from '../../data/leads.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { categoryOptions, RiskFields, type RiskValues, valuesToRisks } from '../cases/codes.js';
import { isStaleVersion } from '../cases/context.js';

interface Values extends RiskValues {
  category: CaseCategory | undefined;
  greenChannel: boolean;
  note: string;
  attachmentIds: string[];
}

/** 纳入识别: the home check is done; the case starts at the data cross-check. */
export function OpenCaseModal({
  lead,
  open,
  onClose,
  onOpened,
  onConflict,
}: {
  lead: LeadDetail;
  open: boolean;
  onClose: () => void;
  onOpened: (caseId: number) => void;
  onConflict: () => void;
}) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const openCase = useOpenCaseFromLead();
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const detail = await openCase.mutateAsync({
        id: lead.id,
        body: {
          version: lead.version,
          category: values.category ?? null,
          risks: valuesToRisks(values),
          greenChannel: me.role === 'township' && values.greenChannel,
          note: values.note.trim(),
          attachmentIds: values.attachmentIds ?? [],
        },
      });
      void message.success(t('leads.caseOpened'));
      onOpened(detail.id);
    } catch (cause) {
      if (isStaleVersion(cause)) {
        // Someone else handled the lead first: say so, and load it afresh underneath.
        setError(t('common.conflictReloaded', { message: cause.message }));
        onConflict();
        return;
      }
      const riskIssue =
        cause instanceof ApiError ? cause.fieldIssues.find((i) => i.field.startsWith('risks')) : undefined;
      if (riskIssue) {
        form.setFields([{ name: 'riskTypes', errors: [riskIssue.message] }]);
      } else if (!applyServerFieldErrors(form, cause, ['category', 'note', 'greenChannel'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.openCaseTitle', { name: lead.headName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('leads.openCase')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: uploading }}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('leads.openCaseHelp')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="open-case"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ riskTypes: [], greenChannel: false, note: '', attachmentIds: [] }}
      >
        <Form.Item label={t('cases.category')} name="category">
          <Select allowClear options={categoryOptions(pick)} />
        </Form.Item>
        <RiskFields />
        {me.role === 'township' ? (
          <Form.Item name="greenChannel" valuePropName="checked" extra={t('leads.greenChannelHelp')}>
            <Checkbox>{t('leads.greenChannel')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('leads.homeCheckNote')}
          name="note"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('leads.homeCheckNote') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('common.photos')} name="attachmentIds" style={{ marginBottom: 0 }}>
          <PhotoUpload householdId={lead.householdId} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
