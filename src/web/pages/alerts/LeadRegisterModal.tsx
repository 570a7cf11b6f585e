import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { alertApi, type LeadRegister } from '../../api/department.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';

/** A petition (信访) or public-opinion item (舆情) about a household, registered as its lead. */
export function LeadRegisterModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadRegister>();
  const [busy, setBusy] = useState(false);
  async function save() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await alertApi.registerLead(values);
      message.success(t('alerts.leadRegistered'));
      onClose();
    } catch (error) {
      if (!applyServerFieldErrors(form, error, ['householdId', 'summary'])) {
        message.error(errorMessage(error, t('common.loadFailed')));
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('alerts.registerLead')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ source: 'petition' }}>
        <Form.Item name="source" label={t('alerts.leadSource')}>
          <Radio.Group
            options={[
              { value: 'petition', label: t('alerts.petition') },
              { value: 'public_opinion', label: t('alerts.publicOpinion') },
            ]}
          />
        </Form.Item>
        <Form.Item name="householdId" label={t('alerts.householdId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('alerts.summary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="reference" label={t('alerts.reference')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
