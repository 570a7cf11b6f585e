import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { cycleApi } from '../../api/endpoints.js';
import type { CycleRun } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';

const STATUS_COLORS = { running: 'processing', finished: 'success', failed: 'error' } as const;
const POLL_MS = 2000;

/** 月度研判: the city runs the monthly evaluation; the page polls the runs until none is running. */
export function MonthlyCyclePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const runs = useRemote(() => cycleApi.runs(), 'cycle-runs');
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const list = runs.data ?? [];
  const running = list.find((r) => r.status === 'running');
  const { reload } = runs;

  useEffect(() => {
    if (!running) {
      return;
    }
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, reload]);

  // Tell the user once the run they started has ended.
  useEffect(() => {
    if (!watching) {
      return;
    }
    const run = list.find((r) => r.month === watching);
    if (run && run.status !== 'running') {
      setWatching(null);
      if (run.status === 'finished') {
        message.success(t('cycle.finished', { month: run.month }));
      } else {
        message.error(run.error ?? t('cycle.status.failed'));
      }
    }
  }, [watching, list, message, t]);

  const start = async () => {
    const value = month.format('YYYY-MM');
    setStarting(true);
    setError(null);
    try {
      await cycleApi.start(value);
      message.info(t('cycle.started', { month: value }));
      setWatching(value);
      reload();
    } catch (cause) {
      setError(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setStarting(false);
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
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={starting || Boolean(running)}
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
      <Card>
        {runs.error ? (
          <Typography.Paragraph type="danger">
            {errorMessage(runs.error, t('common.loadFailed'))}
          </Typography.Paragraph>
        ) : null}
        <Table<CycleRun>
          data-testid="cycle-runs"
          rowKey={(r) => `${r.month}-${r.startedAt}`}
          size="middle"
          loading={runs.loading && !runs.data}
          dataSource={list}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('cycle.empty') }}
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
              render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : ''),
            },
          ]}
        />
      </Card>
    </>
  );
}
