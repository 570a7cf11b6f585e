import { App, Form, Input, InputNumber, Radio } from 'antd';
import { type LeadRegisterBody, useRegisterLead } from '../../data/leads.js';
import { FormModal } from '../../forms/FormModal.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** A petition (信访) or public-opinion item (舆情) about a household, registered as its lead. */
export function LeadRegisterModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadRegisterBody>();
  const register = useRegisterLead();
  return (
    <FormModal<LeadRegisterBody>
      form={form}
      open
      name="register-lead"
      title={t('alerts.registerLead')}
      onCancel={onClose}
      onSubmit={async (values) => {
        await register.mutateAsync(values);
        void message.success(t('alerts.leadRegistered'));
        onClose();
      }}
    >
      <Form.Item name="source" label={t('alerts.leadSource')} initialValue="petition">
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
        <Input.TextArea rows={3} maxLength={maxLengthOf('POST /api/leads/register', 'summary')} />
      </Form.Item>
      <Form.Item name="reference" label={t('alerts.reference')}>
        <Input maxLength={maxLengthOf('POST /api/leads/register', 'reference')} />
      </Form.Item>
    </FormModal>
  );
}
