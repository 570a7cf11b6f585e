import { ArrowLeftOutlined, PlayCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
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
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { regionApi, screeningApi } from '../../api/endpoints.js';
import type { Round, RoundProgress, ScreeningRun } from '../../api/types.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { money, reasonLabel } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';

const STATUS_COLORS = { running: 'processing', finished: 'success', failed: 'error' } as const;

export function ScreeningPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const runs = useRemote(() => screeningApi.runs(), 'runs');
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
            children: <RoutineTab runs={runs.data ?? []} loading={runs.loading} onRun={runs.reload} />,
          },
          {
            key: 'concentrated',
            label: t('screening.concentrated'),
            children: <RoundsTab onRun={runs.reload} />,
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

function RoutineTab({ runs, loading, onRun }: { runs: ScreeningRun[]; loading: boolean; onRun: () => void }) {
  const me = useMe();
  const { can } = useSession();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [scopeCode, setScopeCode] = useState<string | undefined>(me.regionCode);
  const [scopeName, setScopeName] = useState(me.regionName);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ScreeningRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (scopeCode && scopeCode !== me.regionCode) {
      regionApi
        .get(scopeCode)
        .then((r) => setScopeName(r.name))
        .catch(() => undefined);
    } else {
      setScopeName(me.regionName);
    }
  }, [scopeCode, me.regionCode, me.regionName]);

  const start = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const run = await screeningApi.run({
        ...(scopeCode ? { scopeCode } : {}),
        date: date.format('YYYY-MM-DD'),
      });
      setResult(run);
    } catch (cause) {
      setError(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setRunning(false);
      onRun();
    }
  };

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
          <RunsTable runs={runs} loading={loading} />
        </Card>
      </Col>
    </Row>
  );
}

function RunsTable({ runs, loading }: { runs: ScreeningRun[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<ScreeningRun>
      data-testid="runs-table"
      rowKey="id"
      size="middle"
      loading={loading}
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

/** Region names for codes (rounds carry only their scope code). */
function useRegionNames(codes: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    if (!key) {
      return;
    }
    let isCurrent = true;
    Promise.all(
      key.split(',').map((code) =>
        regionApi
          .get(code)
          .then((r) => [code, r.name] as const)
          .catch(() => [code, code] as const),
      ),
    ).then((pairs) => {
      if (isCurrent) {
        setNames(Object.fromEntries(pairs));
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return names;
}

function RoundsTab({ onRun }: { onRun: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const rounds = useRemote(() => screeningApi.rounds(), 'rounds');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [runningRound, setRunningRound] = useState<number | null>(null);
  const [progressKey, setProgressKey] = useState(0);
  const names = useRegionNames((rounds.data ?? []).map((r) => r.scopeCode));

  const runRound = async (round: Round) => {
    setRunningRound(round.id);
    try {
      const run = await screeningApi.run({ roundId: round.id });
      message.success(
        `${t('screening.done')}：${t('screening.households')} ${run.householdsScreened}，${t('screening.leadsCreated')} ${run.leadsCreated}，${t('screening.leadsUpdated')} ${run.leadsUpdated}`,
      );
      setSelected(round.id);
      setProgressKey((k) => k + 1);
    } catch (cause) {
      message.error(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setRunningRound(null);
      onRun();
    }
  };

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
          <Table<Round>
            data-testid="rounds-table"
            rowKey="id"
            size="middle"
            loading={rounds.loading}
            dataSource={rounds.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('rounds.empty')} /> }}
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
        </Card>
      </Col>
      <Col span={24}>
        {selected !== null ? (
          <RoundProgressCard id={selected} refreshKey={progressKey} />
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
          rounds.reload();
          setSelected(round.id);
        }}
      />
    </Row>
  );
}

type TownRow = RoundProgress['towns'][number];

function RoundProgressCard({ id, refreshKey }: { id: number; refreshKey: number }) {
  const { t } = useI18n();
  const progress = useRemote(() => screeningApi.roundProgress(id), `${id}:${refreshKey}`);
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
      extra={<Button icon={<ReloadOutlined />} onClick={progress.reload} aria-label={t('common.refresh')} />}
    >
      {progress.error ? (
        <Alert type="error" showIcon title={errorMessage(progress.error, t('common.loadFailed'))} />
      ) : null}
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
        loading={progress.loading}
        dataSource={towns}
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onFinish = async (v: RoundValues) => {
    setSaving(true);
    setError(null);
    const fmt = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    try {
      const round = await screeningApi.createRound({
        name: v.name.trim(),
        scopeCode: v.scopeCode,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        screenBy: v.screenBy.format('YYYY-MM-DD'),
        proceduresBy: fmt(v.proceduresBy),
        entryBy: fmt(v.entryBy),
      });
      message.success(t('rounds.created', { name: round.name }));
      onCreated(round);
    } catch (cause) {
      if (
        !applyServerFieldErrors(form, cause, [
          'name',
          'scopeCode',
          'startsOn',
          'screenBy',
          'proceduresBy',
          'entryBy',
        ])
      ) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Modal
      open={open}
      title={t('rounds.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<RoundValues>
        form={form}
        layout="vertical"
        name="round-form"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ scopeCode: me.regionCode, startsOn: dayjs(), screenBy: dayjs().add(1, 'month') }}
      >
        <Form.Item
          label={t('rounds.name')}
          name="name"
          rules={[{ ...required(t('rounds.name')), whitespace: true }]}
        >
          <Input maxLength={100} />
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
      </Form>
    </Modal>
  );
}
