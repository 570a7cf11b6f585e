import { App, Checkbox, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import { type CourtyardVillage, useRecordCourtyardObjections } from '../../data/courtyard.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface ObjectionValues {
  objections: number | null;
  objectionNote: string | undefined;
  resolved: boolean;
}

/**
 * The objections raised while the county's list was posted and whether they are settled: acceptance waits for
 * it. The body carries no version (the server overwrites the notice's counts), so there is no 409 to handle.
 */
export function ObjectionsModal({
  notice,
  open,
  onClose,
}: {
  notice: NonNullable<CourtyardVillage['notice']>;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObjectionValues>();
  const record = useRecordCourtyardObjections();
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        objections: notice.objections,
        objectionNote: undefined,
        resolved: notice.resolved,
      });
    }
  }, [open, notice, form]);

  const submit = async (v: ObjectionValues) => {
    await record.mutateAsync({
      id: notice.id,
      body: {
        objections: v.objections ?? 0,
        objectionNote: v.objectionNote?.trim() || null,
        resolved: v.resolved,
      },
    });
    void message.success(t('courtyard.objectionsSaved'));
    onClose();
  };

  return (
    <FormModal<ObjectionValues>
      form={form}
      name="courtyard-objections"
      open={open}
      title={t('courtyard.recordObjections')}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        name="objections"
        label={t('courtyard.objections')}
        extra={t('courtyard.objectionsHint')}
        rules={[{ required: true, message: t('courtyard.objectionsRequired') }]}
      >
        <InputNumber min={0} max={9999} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        name="resolved"
        valuePropName="checked"
        dependencies={['objections']}
        rules={[
          ({ getFieldValue }) => ({
            // The server refuses "no objections, not settled": nothing is left to settle.
            validator: (_, resolved: boolean) =>
              getFieldValue('objections') === 0 && !resolved
                ? Promise.reject(new Error(t('courtyard.objectionsNoneOpen')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Checkbox>{t('courtyard.objectionsResolved')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="objectionNote"
        label={t('courtyard.objectionNote')}
        rules={[{ max: 500, message: t('courtyard.objectionNoteMax') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
