import { CheckOutlined, ExperimentOutlined, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { isConflict } from '../../api/client.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import { type Sample, useDrawSamples, useRecordSample, useSamples } from '../../data/reports.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules, maxLengthOf } from '../../forms/field-rules.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { today } from '../../util/today.js';
import { PageHeader } from '../PageHeader.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** 月度核查: the county draws households to check each month; county and township staff record the outcome. */
export function VerificationPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(today());
  const monthText = month.format('YYYY-MM');
  const errorText = useErrorText();
  const remote = useSamples(monthText);
  const drawSamples = useDrawSamples();
  const recordSample = useRecordSample(monthText);
  const [drawing, setDrawing] = useState(false);
  const [drawForm] = Form.useForm<{ perTown: number }>();
  const [problemForm] = Form.useForm<{ note: string }>();
  const busy = drawSamples.isPending || recordSample.isPending;
  const [problemOf, setProblemOf] = useState<Sample | null>(null);
  const manage = can('verification.manage');

  const draw = async ({ perTown }: { perTown: number }) => {
    const result = await drawSamples.mutateAsync({ month: monthText, perTown });
    setDrawing(false);
    void message.success(t('verify.drawn', { n: result.drawn }));
  };

  const record = async (sample: Sample, outcome: 'confirmed' | 'problem', text: string | null) => {
    try {
      await recordSample.mutateAsync({
        id: sample.id,
        body: { version: sample.version, outcome, note: text },
      });
      void message.success(t('verify.saved'));
      setProblemOf(null);
    } catch (error) {
      if (isConflict(error)) {
        // Someone else recorded it first: show the list as it is now.
        void message.warning(t('common.conflictReloaded', { message: errorText(error) }));
        setProblemOf(null);
        void remote.refetch();
      } else {
        void message.error(errorText(error, t('common.loadFailed')));
      }
    }
  };

  const columns: TableProps<Sample>['columns'] = [
    {
      title: t('verify.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => <Link to={`/households/${row.householdId}`}>{name}</Link>,
    },
    { title: t('verify.village'), dataIndex: 'regionName', width: 140 },
    {
      title: t('verify.reason'),
      dataIndex: 'reason',
      width: 120,
      render: (reason: string) => t(`verify.reason.${reason}` as MessageKey),
    },
    {
      title: t('verify.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (outcome: Sample['outcome']) =>
        outcome === 'confirmed' ? (
          <Tag color="green">{t('verify.outcome.confirmed')}</Tag>
        ) : outcome === 'problem' ? (
          <Tag color="red">{t('verify.outcome.problem')}</Tag>
        ) : (
          <Tag>{t('verify.pending')}</Tag>
        ),
    },
    { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    {
      title: t('verify.checkedBy'),
      dataIndex: 'checkedBy',
      width: 110,
      render: (v: string | null) => v ?? '',
    },
    { title: t('verify.checkedAt'), dataIndex: 'checkedAt', width: 150, render: at },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, row: Sample) => (
              <Space>
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  disabled={busy}
                  onClick={() => record(row, 'confirmed', null)}
                >
                  {t('verify.confirm')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<WarningOutlined />}
                  disabled={busy}
                  onClick={() => {
                    problemForm.setFieldsValue({ note: row.note ?? '' });
                    setProblemOf(row);
                  }}
                >
                  {t('verify.problem')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('verify.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label={t('selfCheck.month')}
              value={month}
              allowClear={false}
              onChange={(value) => value && setMonth(value)}
              disabledDate={(d) => d.isAfter(today(), 'month')}
            />
            {manage ? (
              <Button
                type="primary"
                icon={<ExperimentOutlined />}
                onClick={() => {
                  drawForm.setFieldsValue({ perTown: 5 });
                  setDrawing(true);
                }}
              >
                {t('verify.draw')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <QueryError query={remote} />
        <Table<Sample>
          data-testid="samples-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={remote.data ?? []}
          loading={remote.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: remote.isError ? ' ' : t('verify.empty') }}
          pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { total: count }) }}
        />
      </Card>
      <FormModal<{ perTown: number }>
        form={drawForm}
        open={drawing}
        name="draw-form"
        title={t('verify.drawTitle', { month: monthText })}
        okText={t('verify.draw')}
        onCancel={() => setDrawing(false)}
        onSubmit={draw}
      >
        <Typography.Paragraph type="secondary">{t('verify.drawHelp')}</Typography.Paragraph>
        <Form.Item
          name="perTown"
          label={t('verify.perTown')}
          style={{ marginBottom: 0 }}
          rules={[
            { required: true, message: t('common.required', { field: t('verify.perTown') }) },
            ...fieldRules(t, 'POST /api/verification-samples', 'perTown', t('verify.perTown')),
          ]}
        >
          <InputNumber precision={0} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        form={problemForm}
        open={problemOf !== null}
        name="problem-form"
        title={t('verify.problemTitle', { name: problemOf?.headName ?? '' })}
        onCancel={() => setProblemOf(null)}
        onSubmit={async ({ note }) => {
          if (problemOf) {
            await record(problemOf, 'problem', note.trim());
          }
        }}
      >
        <Form.Item
          name="note"
          label={t('verify.problemNote')}
          style={{ marginBottom: 0 }}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('verify.problemNote') }),
            },
            ...fieldRules(t, 'PATCH /api/verification-samples/{id}', 'note', t('verify.problemNote')),
          ]}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf('PATCH /api/verification-samples/{id}', 'note')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
