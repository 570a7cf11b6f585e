import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { HouseholdSelect } from '../../components/HouseholdSelect.js';
import { useReportLead } from '../../data/leads.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { REASON_LABELS } from '../../i18n/messages.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';

interface Values {
  householdId: number | undefined;
  reasons: string[];
  note: string;
}

/** 上报线索: a cadre reports a household found at risk; it joins the household's open lead if there is one. */
export function LeadReportModal({
  open,
  onClose,
  onReported,
}: {
  open: boolean;
  onClose: () => void;
  onReported: (leadId: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const report = useReportLead();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onFinish = async (values: Values) => {
    if (!values.householdId) {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const lead = await report.mutateAsync({
        householdId: values.householdId,
        reasons: values.reasons.map((r) => r.trim()).filter(Boolean),
        note: values.note.trim(),
      });
      void message.success(t('leads.reported'));
      onReported(lead.id);
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['householdId', 'reasons', 'note'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Modal
      open={open}
      title={t('leads.reportTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={560}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="report-lead"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ reasons: [], note: '' }}
      >
        <Form.Item label={t('leads.household')} name="householdId" rules={[required(t('leads.household'))]}>
          <HouseholdSelect />
        </Form.Item>
        <Form.Item
          label={t('leads.reasons')}
          name="reasons"
          extra={t('leads.reasonsHelp')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('common.required', { field: t('leads.reasons') }),
            },
          ]}
        >
          <Select
            mode="tags"
            maxCount={10}
            options={Object.entries(REASON_LABELS).map(([code, label]) => ({
              value: code,
              label: pick(label),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('leads.noteLabel')}
          name="note"
          rules={[{ ...required(t('leads.noteLabel')), whitespace: true }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
