import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useSession } from '../../../auth/SessionProvider.js';
import { QueryState } from '../../../components/QueryState.js';
import { type CycleRun, useCycleRunEnded, useCycleRuns, useStartCycleRun } from '../../../data/cycle.js';
import { useErrorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { today } from '../../../util/today.js';
import { PageHeader } from '../../PageHeader.js';

const STATUS_COLORS = { running: 'processing', finished: 'success', failed: 'error' } as const;

/** 月度研判: the city runs the monthly evaluation; the page polls the runs until none is running. */
export function MonthlyCyclePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const runs = useCycleRuns();
  const startRun = useStartCycleRun();
  const runEnded = useCycleRunEnded();
  const [month, setMonth] = useState<Dayjs>(today().subtract(1, 'month'));
  const [error, setError] = useState<string | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const list = runs.data ?? [];
  const running = list.find((r) => r.status === 'running');

  // Tell the user once the run they started has ended.
  useEffect(() => {
    if (!watching) {
      return;
    }
    const run = list.find((r) => r.month === watching);
    if (run && run.status !== 'running') {
      setWatching(null);
      void runEnded();
      if (run.status === 'finished') {
        void message.success(t('cycle.finished', { month: run.month }));
      } else {
        void message.error(run.error ?? t('cycle.status.failed'));
      }
    }
  }, [watching, list, message, t, runEnded]);

  const start = async () => {
    const value = month.format('YYYY-MM');
    setError(null);
    try {
      await startRun.mutateAsync(value);
      void message.info(t('cycle.started', { month: value }));
      setWatching(value);
    } catch (cause) {
      setError(errorText(cause, t('common.loadFailed')));
    }
  };

  return (
    <>
      <PageHeader title={t('cycle.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('cycle.help')}</Typography.Paragraph>
        {can('cycle.run') ? (
          <Flex wrap gap={12} align="center">
            <DatePicker
              picker="month"
              aria-label={t('cycle.month')}
              value={month}
              onChange={(value) => value && setMonth(value)}
              allowClear={false}
              disabledDate={(d) => d.isAfter(today(), 'month')}
            />
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={startRun.isPending || Boolean(running)}
              onClick={start}
            >
              {t('cycle.run')}
            </Button>
            {running ? (
              <Typography.Text type="secondary">
                {t('cycle.running', { month: running.month })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} /> : null}
      </Card>
      <QueryState query={runs} isEmpty={(d) => d.length === 0} empty={{ reason: t('cycle.empty') }}>
        {(data) => (
          <Card>
            <Table<CycleRun>
              data-testid="cycle-runs"
              rowKey={(r) => `${r.month}-${r.startedAt}`}
              size="middle"
              dataSource={data}
              pagination={false}
              scroll={{ x: 960 }}
              columns={[
                { title: t('cycle.month'), dataIndex: 'month', width: 100 },
                {
                  title: t('cycle.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (status: CycleRun['status']) => (
                    <Tag color={STATUS_COLORS[status]}>{t(`cycle.status.${status}`)}</Tag>
                  ),
                },
                { title: t('cycle.casesEvaluated'), dataIndex: 'casesEvaluated', width: 120, align: 'right' },
                {
                  title: t('cycle.eliminatedRescreened'),
                  dataIndex: 'eliminatedRescreened',
                  width: 130,
                  align: 'right',
                },
                {
                  title: t('cycle.rolledBack'),
                  dataIndex: 'rolledBack',
                  width: 100,
                  align: 'right',
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                },
                { title: t('cycle.startedBy'), dataIndex: 'startedBy', width: 120 },
                {
                  title: t('cycle.startedAt'),
                  dataIndex: 'startedAt',
                  width: 150,
                  render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
                },
                {
                  title: t('cycle.finishedAt'),
                  dataIndex: 'finishedAt',
                  width: 150,
                  render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : ''),
                },
                {
                  title: t('cycle.error'),
                  dataIndex: 'error',
                  render: (e: string | null) =>
                    e ? <Typography.Text type="danger">{e}</Typography.Text> : '',
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
