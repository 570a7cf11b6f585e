import { Alert, App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { helperApi } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';

interface Values {
  userId: number | undefined;
  startsOn: Dayjs;
}

/** 落实帮扶责任人: one helper for the chosen households; a household's earlier helper is replaced. */
export function AssignHelperModal({
  householdIds,
  regionCode,
  open,
  onClose,
  onDone,
}: {
  householdIds: number[];
  regionCode: string | undefined;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const helpers = useRemote(
    () => (open ? helperApi.list(regionCode) : Promise.resolve([])),
    `${open}-${regionCode ?? ''}`,
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onFinish = async (values: Values) => {
    if (!values.userId) {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = await helperApi.assign({
        householdIds,
        userId: values.userId,
        startsOn: values.startsOn.format('YYYY-MM-DD'),
      });
      message.success(t('assign.done', { assigned: result.assigned, ended: result.ended }));
      onDone();
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['userId', 'startsOn'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const list = helpers.data ?? [];
  return (
    <Modal
      open={open}
      title={t('assign.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      <Typography.Paragraph>
        {t('assign.count', { count: householdIds.length })}
        <br />
        <Typography.Text type="secondary">{t('assign.replaceNote')}</Typography.Text>
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      {helpers.error ? (
        <Alert type="error" showIcon title={errorMessage(helpers.error, t('common.loadFailed'))} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="assign-helper"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ startsOn: dayjs() }}
      >
        <Form.Item
          label={t('assign.helper')}
          name="userId"
          rules={[{ required: true, message: t('common.required', { field: t('assign.helper') }) }]}
        >
          <Select<number>
            loading={helpers.loading}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={helpers.loading ? undefined : t('assign.noHelpers')}
            options={list.map((h) => ({
              value: h.userId,
              title: h.name,
              label: `${h.name}（${h.unit ?? h.regionName}）· ${t('assign.households', { count: h.households })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('assign.startsOn')}
          name="startsOn"
          rules={[{ required: true, message: t('common.required', { field: t('assign.startsOn') }) }]}
          style={{ marginBottom: 0 }}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
