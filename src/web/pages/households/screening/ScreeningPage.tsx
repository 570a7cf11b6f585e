import { ArrowLeftOutlined, PlayCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Progress,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../../../auth/SessionProvider.js';
import { QueryError, QueryState } from '../../../components/QueryState.js';
import { RegionPicker } from '../../../components/RegionPicker.js';
import { useRegion, useRegionNames } from '../../../data/regions.js';
import {
  type Round,
  type RoundProgress,
  type ScreeningRun,
  useCreateRound,
  useRoundProgress,
  useRounds,
  useScreeningRun,
  useScreeningRunEnded,
  useScreeningRuns,
  useStartScreeningRun,
} from '../../../data/screening.js';
import { FormModal } from '../../../forms/FormModal.js';
import { fieldRules, maxLengthOf } from '../../../forms/field-rules.js';
import { useErrorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { today } from '../../../util/today.js';
import { filterWidth, useIsMobile } from '../../../util/useIsMobile.js';
import { PageHeader } from '../../PageHeader.js';
import { money, reasonLabel } from '../codes.js';

const STATUS_COLORS = { running: 'processing', finished: 'success', failed: 'error' } as const;

/**
 * A run started here, followed to its end: the started run is polled (its `progress` counts counties done) and,
 * once it has finished or failed, what it changed is invalidated once. `onEnd` sees the ended run.
 */
function useFollowedRun(onEnd?: (run: ScreeningRun) => void) {
  const start = useStartScreeningRun();
  const [runId, setRunId] = useState<number | null>(null);
  const run = useScreeningRun(runId);
  const runEnded = useScreeningRunEnded();
  const ended = useRef<number | null>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const current = runId !== null && run.data?.id === runId ? run.data : null;

  useEffect(() => {
    if (current && current.status !== 'running' && ended.current !== current.id) {
      ended.current = current.id;
      void runEnded();
      onEndRef.current?.(current);
    }
  }, [current, runEnded]);

  return {
    run: current,
    /** The start failed, or the run could not be read while it ran. */
    error: start.error ?? run.error,
    running: start.isPending || current?.status === 'running',
    start: async (body: Parameters<typeof start.mutateAsync>[0]) => {
      setRunId(null);
      start.reset();
      try {
        const started = await start.mutateAsync(body);
        setRunId(started.id);
      } catch {
        // start.error carries it to the page.
      }
    },
  };
}

export function ScreeningPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const runs = useScreeningRuns();
  return (
    <>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/households')}
          style={{ paddingInline: 0 }}
        >
          {t('hh.backToList')}
        </Button>
      </div>
      <PageHeader title={t('screening.title')} />
      <Tabs
        defaultActiveKey="routine"
        items={[
          {
            key: 'routine',
            label: t('screening.routine'),
            children: <RoutineTab runs={runs} />,
          },
          {
            key: 'concentrated',
            label: t('screening.concentrated'),
            children: <RoundsTab />,
          },
        ]}
      />
    </>
  );
}

function RunResult({ run }: { run: ScreeningRun }) {
  const { t, pick } = useI18n();
  const reasons = Object.entries(run.reasonCounts).sort((a, b) => b[1] - a[1]);
  const seconds =
    run.finishedAt !== null
      ? Math.max(0.1, (dayjs(run.finishedAt).valueOf() - dayjs(run.startedAt).valueOf()) / 1000).toFixed(1)
      : null;
  return (
    <div data-testid="run-result">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Statistic title={t('screening.households')} value={run.householdsScreened} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic
            title={t('screening.leadsCreated')}
            value={run.leadsCreated}
            styles={{ content: { color: run.leadsCreated > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('screening.leadsUpdated')} value={run.leadsUpdated} />
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ margin: '16px 0 8px' }}>
        <Descriptions.Item label={t('screening.scope')}>{run.scopeName}</Descriptions.Item>
        <Descriptions.Item label={t('screening.line')}>
          {money(run.line)} {t('common.yuan')}
        </Descriptions.Item>
        <Descriptions.Item label={t('screening.window')}>
          {run.windowStart} ~ {run.windowEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t('screening.ruleVersion')}>
          {run.ruleVersion}
          {seconds ? ` · ${t('screening.duration', { seconds })}` : ''}
        </Descriptions.Item>
      </Descriptions>
      <Table<[string, number]>
        data-testid="reason-counts"
        size="small"
        rowKey={(row) => row[0]}
        pagination={false}
        dataSource={reasons}
        locale={{ emptyText: t('screening.noReasons') }}
        columns={[
          { title: t('screening.reason'), key: 'reason', render: (_, row) => reasonLabel(pick, row[0]) },
          {
            title: t('screening.count'),
            key: 'count',
            align: 'right',
            width: 120,
            render: (_, row) => row[1],
          },
        ]}
      />
    </div>
  );
}

function RoutineTab({ runs }: { runs: UseQueryResult<ScreeningRun[]> }) {
  const me = useMe();
  const { can } = useSession();
  const { t } = useI18n();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const [scopeCode, setScopeCode] = useState<string | undefined>(me.regionCode);
  const [date, setDate] = useState<Dayjs>(today());
  const followed = useFollowedRun();
  const otherScope = useRegion(scopeCode !== me.regionCode ? scopeCode : undefined);
  const scopeName = scopeCode !== me.regionCode ? (otherScope.data?.name ?? me.regionName) : me.regionName;
  const { running, run } = followed;
  const progress = run?.progress ?? null;
  const result = run?.status === 'finished' ? run : null;
  const error =
    run?.status === 'failed'
      ? (run.error ?? t('screening.status.failed'))
      : followed.error
        ? errorText(followed.error, t('common.loadFailed'))
        : null;

  const start = () =>
    followed.start({
      ...(scopeCode ? { scopeCode } : {}),
      date: date.format('YYYY-MM-DD'),
    });

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('screening.runTitle')}>
          <Typography.Paragraph type="secondary">{t('screening.runHelp')}</Typography.Paragraph>
          {can('screening.run') ? (
            <Flex wrap gap={12} align="end">
              <Space direction="vertical" size={4}>
                <Typography.Text>{t('screening.scope')}</Typography.Text>
                <RegionPicker
                  aria-label={t('screening.scope')}
                  value={scopeCode}
                  onChange={setScopeCode}
                  allowClear={false}
                  disabled={running}
                  style={filterWidth(isMobile, 240)}
                />
              </Space>
              <Space direction="vertical" size={4}>
                <Typography.Text>{t('screening.date')}</Typography.Text>
                <DatePicker
                  aria-label={t('screening.date')}
                  value={date}
                  onChange={(d) => d && setDate(d)}
                  allowClear={false}
                  disabled={running}
                  style={filterWidth(isMobile, 160)}
                />
              </Space>
              <Button type="primary" icon={<PlayCircleOutlined />} loading={running} onClick={start}>
                {t('screening.run')}
              </Button>
            </Flex>
          ) : (
            <Alert type="info" showIcon title={t('screening.noRunPermission')} />
          )}
          {running ? (
            <Flex
              align="center"
              gap={12}
              style={{ marginTop: 16, padding: 16, background: '#f6ffed', borderRadius: 8 }}
              role="status"
              data-testid="run-progress"
            >
              <Spin />
              <Typography.Text>{t('screening.running', { scope: scopeName })}</Typography.Text>
              {progress && progress.total > 1 ? (
                <Progress
                  percent={Math.floor((100 * progress.done) / progress.total)}
                  format={() => t('screening.progress', { done: progress.done, total: progress.total })}
                  style={{ flex: 1, minWidth: 160, margin: 0 }}
                />
              ) : null}
            </Flex>
          ) : null}
          {error ? (
            <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />
          ) : null}
          {result ? (
            <Card
              type="inner"
              title={
                <Space>
                  {t('screening.result')}
                  <Tag color="success">{t('screening.done')}</Tag>
                </Space>
              }
              style={{ marginTop: 16 }}
            >
              <RunResult run={result} />
            </Card>
          ) : null}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('screening.recentRuns')}>
          <QueryState
            query={runs}
            bare
            isEmpty={(d) => d.length === 0}
            empty={{ reason: t('screening.noRuns') }}
          >
            {(data) => <RunsTable runs={data} />}
          </QueryState>
        </Card>
      </Col>
    </Row>
  );
}

function RunsTable({ runs }: { runs: ScreeningRun[] }) {
  const { t } = useI18n();
  return (
    <Table<ScreeningRun>
      data-testid="runs-table"
      rowKey="id"
      size="middle"
      dataSource={runs}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      expandable={{
        expandedRowRender: (run) => <RunResult run={run} />,
        rowExpandable: (run) => run.status === 'finished',
      }}
      columns={[
        {
          title: t('screening.startedAt'),
          dataIndex: 'startedAt',
          width: 150,
          render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: t('screening.kind'),
          dataIndex: 'kind',
          width: 100,
          render: (kind: ScreeningRun['kind']) => (
            <Tag color={kind === 'concentrated' ? 'purple' : 'blue'}>
              {t(kind === 'concentrated' ? 'screening.concentrated' : 'screening.routine')}
            </Tag>
          ),
        },
        { title: t('screening.scope'), dataIndex: 'scopeName', width: 120 },
        {
          title: t('screening.status'),
          dataIndex: 'status',
          width: 90,
          render: (status: ScreeningRun['status'], run) => (
            <Tag color={STATUS_COLORS[status]} title={run.error ?? undefined}>
              {t(`screening.status.${status}`)}
            </Tag>
          ),
        },
        { title: t('screening.households'), dataIndex: 'householdsScreened', width: 100, align: 'right' },
        { title: t('screening.leadsCreated'), dataIndex: 'leadsCreated', width: 90, align: 'right' },
        { title: t('screening.leadsUpdated'), dataIndex: 'leadsUpdated', width: 90, align: 'right' },
        { title: t('screening.startedBy'), dataIndex: 'startedBy', width: 140 },
      ]}
    />
  );
}

function RoundsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [runningRound, setRunningRound] = useState<number | null>(null);
  // Rounds carry only their scope's code.
  const names = useRegionNames((rounds.data ?? []).map((r) => r.scopeCode));
  const followed = useFollowedRun((run) => {
    setRunningRound(null);
    if (run.status === 'finished') {
      void message.success(
        `${t('screening.done')}：${t('screening.households')} ${run.householdsScreened}，${t('screening.leadsCreated')} ${run.leadsCreated}，${t('screening.leadsUpdated')} ${run.leadsUpdated}`,
      );
      if (run.roundId !== null) {
        setSelected(run.roundId);
      }
    } else {
      void message.error(run.error ?? t('screening.status.failed'));
    }
  });

  const runRound = async (round: Round) => {
    setRunningRound(round.id);
    await followed.start({ roundId: round.id });
  };

  useEffect(() => {
    if (followed.error) {
      setRunningRound(null);
      void message.error(errorText(followed.error, t('common.loadFailed')));
    }
  }, [followed.error, message, errorText, t]);

  const day = (d: string | null) => d ?? t('common.none');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          title={t('rounds.title')}
          extra={
            can('screening.configure') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('rounds.create')}
              </Button>
            ) : null
          }
        >
          <QueryState
            query={rounds}
            bare
            isEmpty={(d) => d.length === 0}
            empty={{
              reason: t(can('screening.configure') ? 'rounds.emptyConfigure' : 'rounds.empty'),
            }}
          >
            {(data) => (
              <Table<Round>
                data-testid="rounds-table"
                rowKey="id"
                size="middle"
                dataSource={data}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 960 }}
                rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: t('rounds.name'), dataIndex: 'name', width: 200 },
                  {
                    title: t('rounds.scope'),
                    dataIndex: 'scopeCode',
                    width: 110,
                    render: (code: string) => names[code] ?? '…',
                  },
                  { title: t('rounds.startsOn'), dataIndex: 'startsOn', width: 110 },
                  { title: t('rounds.screenBy'), dataIndex: 'screenBy', width: 110 },
                  { title: t('rounds.proceduresBy'), dataIndex: 'proceduresBy', width: 120, render: day },
                  { title: t('rounds.entryBy'), dataIndex: 'entryBy', width: 120, render: day },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 190,
                    render: (_, round) => (
                      <Space size={0} wrap>
                        <Button type="link" size="small" onClick={() => setSelected(round.id)}>
                          {t('rounds.progress')}
                        </Button>
                        {can('screening.run') ? (
                          <Button
                            type="link"
                            size="small"
                            loading={runningRound === round.id}
                            disabled={runningRound !== null && runningRound !== round.id}
                            onClick={() => runRound(round)}
                          >
                            {t('rounds.runRound')}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </QueryState>
        </Card>
      </Col>
      <Col span={24}>
        {selected !== null ? (
          <RoundProgressCard id={selected} />
        ) : (
          <Card>
            <Typography.Text type="secondary">{t('rounds.choose')}</Typography.Text>
          </Card>
        )}
      </Col>
      <RoundCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(round) => {
          setCreating(false);
          setSelected(round.id);
        }}
      />
    </Row>
  );
}

type TownRow = RoundProgress['towns'][number];

function RoundProgressCard({ id }: { id: number }) {
  const { t } = useI18n();
  const progress = useRoundProgress(id);
  const towns = progress.data?.towns ?? [];
  const totals = useMemo(
    () =>
      towns.reduce(
        (sum, row) => ({
          households: sum.households + row.households,
          leads: sum.leads + row.leads,
          openLeads: sum.openLeads + row.openLeads,
        }),
        { households: 0, leads: 0, openLeads: 0 },
      ),
    [towns],
  );
  return (
    <Card
      title={
        progress.data ? t('rounds.progressTitle', { name: progress.data.round.name }) : t('rounds.progress')
      }
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void progress.refetch()}
          loading={progress.isFetching}
          aria-label={t('common.refresh')}
        />
      }
    >
      <QueryError query={progress} />
      {progress.data ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('rounds.startsOn')}>{progress.data.round.startsOn}</Descriptions.Item>
          <Descriptions.Item label={t('rounds.screenBy')}>{progress.data.round.screenBy}</Descriptions.Item>
          <Descriptions.Item label={t('rounds.proceduresBy')}>
            {progress.data.round.proceduresBy ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('rounds.entryBy')}>
            {progress.data.round.entryBy ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Table<TownRow>
        data-testid="round-progress"
        rowKey="townCode"
        size="small"
        loading={progress.isPending && !progress.isError}
        dataSource={towns}
        locale={{ emptyText: t('rounds.noTowns') }}
        pagination={false}
        scroll={{ x: 600, y: 420 }}
        columns={[
          { title: t('rounds.county'), dataIndex: 'countyName', width: 110 },
          { title: t('rounds.town'), dataIndex: 'townName', width: 140 },
          { title: t('rounds.households'), dataIndex: 'households', width: 100, align: 'right' },
          { title: t('rounds.leads'), dataIndex: 'leads', width: 100, align: 'right' },
          {
            title: t('rounds.openLeads'),
            dataIndex: 'openLeads',
            width: 110,
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
        ]}
        summary={() =>
          towns.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('rounds.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {totals.households}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {totals.leads}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {totals.openLeads}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}

interface RoundValues {
  name: string;
  scopeCode: string;
  startsOn: Dayjs;
  screenBy: Dayjs;
  proceduresBy?: Dayjs | null;
  entryBy?: Dayjs | null;
}

const ROUND_POST = 'POST /api/screening/rounds';

function RoundCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (round: Round) => void;
}) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const create = useCreateRound();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ scopeCode: me.regionCode, startsOn: today(), screenBy: today().add(1, 'month') });
    }
  }, [open, form, me.regionCode]);

  const onSubmit = async (v: RoundValues) => {
    const fmt = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    const round = await create.mutateAsync({
      name: v.name.trim(),
      scopeCode: v.scopeCode,
      startsOn: v.startsOn.format('YYYY-MM-DD'),
      screenBy: v.screenBy.format('YYYY-MM-DD'),
      proceduresBy: fmt(v.proceduresBy),
      entryBy: fmt(v.entryBy),
    });
    void message.success(t('rounds.created', { name: round.name }));
    onCreated(round);
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<RoundValues>
      form={form}
      open={open}
      title={t('rounds.createTitle')}
      name="round-form"
      onCancel={onClose}
      onSubmit={onSubmit}
    >
      <Form.Item
        label={t('rounds.name')}
        name="name"
        rules={[
          { ...required(t('rounds.name')), whitespace: true },
          ...fieldRules(t, ROUND_POST, 'name', t('rounds.name')),
        ]}
      >
        <Input maxLength={maxLengthOf(ROUND_POST, 'name')} />
      </Form.Item>
      <Form.Item label={t('rounds.scope')} name="scopeCode" rules={[required(t('rounds.scope'))]}>
        <RegionPicker allowClear={false} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('rounds.startsOn')} name="startsOn" rules={[required(t('rounds.startsOn'))]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('rounds.screenBy')} name="screenBy" rules={[required(t('rounds.screenBy'))]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('rounds.proceduresBy')} name="proceduresBy" style={{ marginBottom: 0 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('rounds.entryBy')} name="entryBy" style={{ marginBottom: 0 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
