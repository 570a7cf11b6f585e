import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SUBSIDY_RATE_PATTERN as RATE_PATTERN } from '../../../shared/credit.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import { type SubsidyEpoch, useSubsidyEpochs, useUpdateSubsidyEpochs } from '../../data/credit.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';

interface EpochValues {
  appliesTo: 'new' | 'old';
  fromOn: Dayjs | undefined;
  toOn: Dayjs | null | undefined;
  rate: string;
  principalCap: string;
  note: string | undefined;
}
interface ScheduleValues {
  epochs: EpochValues[];
}

const valuesOf = (epochs: SubsidyEpoch[]): ScheduleValues => ({
  epochs: epochs.map((e) => ({
    appliesTo: e.appliesTo,
    fromOn: dayjs(e.fromOn),
    toOn: e.toOn ? dayjs(e.toOn) : null,
    rate: e.rate,
    principalCap: e.principalCap,
    note: e.note ?? undefined,
  })),
});

/** A rate of 0–1 as the percent users read. */
const percent = (rate: string) => `${Number((Number(rate) * 100).toFixed(2))}%`;

/** 贴息政策: the interest-subsidy schedule the ledger is computed from; the city changes it as a new version. */
export function SubsidyScheduleTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const epochs = useSubsidyEpochs();
  const update = useUpdateSubsidyEpochs();
  const [form] = Form.useForm<ScheduleValues>();
  const [editing, setEditing] = useState(false);
  const rows = epochs.data ?? [];
  const version = rows[0]?.version ?? 0;
  const appliesLabel = (a: 'new' | 'old') => (a === 'new' ? t('credit.appliesNew') : t('credit.appliesOld'));

  const open = () => {
    form.setFieldsValue(valuesOf(rows));
    setEditing(true);
  };
  const submit = async (v: ScheduleValues) => {
    await update.mutateAsync({
      version,
      epochs: v.epochs.map((e) => ({
        appliesTo: e.appliesTo,
        fromOn: e.fromOn?.format('YYYY-MM-DD') ?? '',
        toOn: e.toOn ? e.toOn.format('YYYY-MM-DD') : null,
        rate: e.rate.trim(),
        principalCap: e.principalCap.trim(),
        note: e.note?.trim() ? e.note.trim() : null,
      })),
    });
    void message.success(t('credit.subsidySaved'));
    setEditing(false);
  };
  const required = (field: string) => [{ required: true, message: t('credit.subsidyRequired', { field }) }];

  return (
    <Card
      title={rows.length > 0 ? t('credit.subsidyVersion', { version }) : t('credit.tab.subsidy')}
      extra={
        can('credit.configure') ? (
          <Button icon={<EditOutlined />} onClick={open} disabled={rows.length === 0}>
            {t('credit.editSubsidy')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('credit.subsidyHelp')}</Typography.Paragraph>
      <QueryError query={epochs} />
      <Table<SubsidyEpoch>
        data-testid="subsidy-epochs"
        rowKey={(e) => `${e.appliesTo}-${e.fromOn}`}
        size="small"
        loading={epochs.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('credit.appliesTo'), dataIndex: 'appliesTo', width: 160, render: appliesLabel },
          { title: t('credit.fromOn'), dataIndex: 'fromOn', width: 110 },
          {
            title: t('credit.toOn'),
            dataIndex: 'toOn',
            width: 110,
            render: (v: string | null) => v ?? t('credit.runsOn'),
          },
          { title: t('credit.subsidyRate'), dataIndex: 'rate', width: 90, align: 'right', render: percent },
          { title: t('credit.principalCap'), dataIndex: 'principalCap', width: 130, align: 'right' },
          { title: t('credit.epochNote'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <FormModal<ScheduleValues>
        form={form}
        name="subsidy-schedule"
        open={editing}
        title={t('credit.editSubsidy')}
        onCancel={() => setEditing(false)}
        onSubmit={submit}
        onConflict={async () => {
          const fresh = await epochs.refetch();
          form.setFieldsValue(valuesOf(fresh.data ?? []));
        }}
        conflictHint={t('credit.subsidyConflict')}
        okText={t('common.save')}
        width={isMobile ? '100%' : 900}
      >
        <Form.List name="epochs">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card size="small" key={field.key} data-testid="subsidy-epoch-row">
                  <Flex gap={8} wrap align="start">
                    <Form.Item
                      name={[field.name, 'appliesTo']}
                      label={t('credit.appliesTo')}
                      rules={required(t('credit.appliesTo'))}
                      style={{ minWidth: 170, marginBottom: 8 }}
                    >
                      <Select
                        options={(['new', 'old'] as const).map((a) => ({ value: a, label: appliesLabel(a) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'fromOn']}
                      label={t('credit.fromOn')}
                      rules={required(t('credit.fromOn'))}
                      style={{ marginBottom: 8 }}
                    >
                      <DatePicker allowClear={false} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'toOn']}
                      label={t('credit.toOn')}
                      extra={t('credit.runsOn')}
                      style={{ marginBottom: 8 }}
                    >
                      <DatePicker />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'rate']}
                      label={t('credit.subsidyRate')}
                      extra={t('credit.rateExtra')}
                      rules={[
                        ...required(t('credit.subsidyRate')),
                        { pattern: RATE_PATTERN, message: t('credit.rateExtra') },
                      ]}
                      style={{ width: 150, marginBottom: 8 }}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'principalCap']}
                      label={t('credit.principalCap')}
                      rules={[
                        ...required(t('credit.principalCap')),
                        { pattern: MONEY_PATTERN, message: t('credit.principalCap') },
                      ]}
                      style={{ width: 150, marginBottom: 8 }}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'note']}
                      label={t('credit.epochNote')}
                      style={{ flex: 1, minWidth: 200, marginBottom: 8 }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('credit.removeEpoch')}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ appliesTo: 'new', rate: '', principalCap: '50000.00' })}
              >
                {t('credit.addEpoch')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
