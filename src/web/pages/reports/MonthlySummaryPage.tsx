import { DownloadOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import {
  type Figures,
  type MonthlySummary,
  monthlyXlsxUrl,
  useCloseMonthly,
  useMonthlySummary,
  useRefreshMonthly,
} from '../../data/reports.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { today } from '../../util/today.js';
import { PageHeader } from '../PageHeader.js';
import { num } from './figures.js';

type Row = MonthlySummary['children'][number];

const COLUMNS: Array<{ key: string; label: MessageKey }> = [
  { key: 'monitored', label: 'dash.monitored' },
  { key: 'safetyNet', label: 'dash.safetyNet' },
  { key: 'newMonitored', label: 'dash.newMonitored' },
  { key: 'identifying', label: 'dash.identifying' },
  { key: 'eliminating', label: 'dash.eliminating' },
  { key: 'eliminated', label: 'dash.eliminated' },
  { key: 'visitsOverdue', label: 'dash.visitsOverdue' },
  { key: 'leadsNew', label: 'dash.leadsNew' },
  { key: 'leadsSettled', label: 'monthly.leadsSettled' },
  { key: 'workers', label: 'dash.workers' },
];

const visits = (figures: Figures) => `${num(figures, 'visitsDone')}/${num(figures, 'visitsDue')}`;

/** 月度小结: a month's key figures for each region below, with the total; the city recounts and closes months. */
export function MonthlySummaryPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(today());
  const monthText = month.format('YYYY-MM');
  const errorText = useErrorText();
  const remote = useMonthlySummary(monthText);
  const data = remote.data;
  const refresh = useRefreshMonthly();
  const close = useCloseMonthly();
  const busy = refresh.isPending || close.isPending;
  const ended = month.isBefore(today(), 'month');

  const run = async (action: (month: string) => Promise<MonthlySummary>, done: string) => {
    try {
      await action(monthText);
      void message.success(done);
    } catch (error) {
      void message.error(errorText(error, t('common.loadFailed')));
    }
  };

  const columns: TableProps<Row>['columns'] = [
    { title: t('monthly.region'), dataIndex: 'regionName', fixed: 'left', width: 160 },
    ...COLUMNS.map((column) => ({
      title: t(column.label),
      key: column.key,
      align: 'right' as const,
      render: (_: unknown, row: Row) => num(row.figures, column.key),
    })),
    { title: t('monthly.visits'), key: 'visits', align: 'right', render: (_, row) => visits(row.figures) },
  ];

  return (
    <>
      <PageHeader
        title={t('monthly.title')}
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
            <Button icon={<DownloadOutlined />} href={monthlyXlsxUrl(monthText)} download>
              {t('monthly.download')}
            </Button>
            {can('report.manage') && data?.status !== 'closed' ? (
              <>
                <Button
                  icon={<ReloadOutlined />}
                  loading={busy}
                  onClick={() => run(refresh.mutateAsync, t('monthly.refreshed', { month: monthText }))}
                >
                  {t('monthly.refresh')}
                </Button>
                {ended ? (
                  <Popconfirm
                    title={t('monthly.closeConfirm', { month: monthText })}
                    okText={t('monthly.close')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => run(close.mutateAsync, t('monthly.closedDone', { month: monthText }))}
                  >
                    <Button danger icon={<LockOutlined />} loading={busy}>
                      {t('monthly.close')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>{data ? `${data.regionName} · ${data.month}` : monthText}</Typography.Text>
          {data ? (
            data.status === 'closed' ? (
              <Tag color="blue" icon={<LockOutlined />} data-testid="monthly-closed">
                {t('monthly.closed')}
              </Tag>
            ) : (
              <Tag>{t('monthly.open')}</Tag>
            )
          ) : null}
          {data?.refreshedAt ? (
            <Typography.Text type="secondary">
              {t('monthly.refreshedAt', { at: dayjs(data.refreshedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          ) : null}
        </Flex>
        <QueryError query={remote} />
        <Table<Row>
          data-testid="monthly-table"
          rowKey="regionCode"
          size="middle"
          bordered
          pagination={false}
          loading={remote.isFetching}
          columns={columns}
          dataSource={data?.children ?? []}
          locale={{ emptyText: remote.isError ? ' ' : t('monthly.empty') }}
          scroll={{ x: 1200 }}
          summary={() =>
            data ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('monthly.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {COLUMNS.map((column, index) => (
                    <Table.Summary.Cell key={column.key} index={index + 1} align="right">
                      <Typography.Text strong>{num(data.total, column.key)}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={COLUMNS.length + 1} align="right">
                    <Typography.Text strong>{visits(data.total)}</Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </>
  );
}
