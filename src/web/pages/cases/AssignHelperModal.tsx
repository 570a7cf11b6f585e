import { App, DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { QueryError } from '../../components/QueryState.js';
import { useAssignHelper, useHelpers } from '../../data/cases.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

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
  const helpers = useHelpers(regionCode, open);
  const assign = useAssignHelper();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ startsOn: today() });
    }
  }, [open, form]);

  const onSubmit = async (values: Values) => {
    if (!values.userId) {
      return;
    }
    const result = await assign.mutateAsync({
      householdIds,
      userId: values.userId,
      startsOn: values.startsOn.format('YYYY-MM-DD'),
    });
    void message.success(t('assign.done', { assigned: result.assigned, ended: result.ended }));
    onDone();
  };

  const list = helpers.data ?? [];
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('assign.title')}
      name="assign-helper"
      onCancel={onClose}
      onSubmit={onSubmit}
      okText={t('common.ok')}
    >
      <Typography.Paragraph>
        {t('assign.count', { count: householdIds.length })}
        <br />
        <Typography.Text type="secondary">{t('assign.replaceNote')}</Typography.Text>
      </Typography.Paragraph>
      <QueryError query={helpers} />
      <Form.Item
        label={t('assign.helper')}
        name="userId"
        rules={[{ required: true, message: t('common.required', { field: t('assign.helper') }) }]}
      >
        <Select<number>
          loading={helpers.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={helpers.isFetching ? undefined : t('assign.noHelpers')}
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
    </FormModal>
  );
}
