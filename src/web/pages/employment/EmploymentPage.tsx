import {
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Statistic,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useSearchParams } from 'react-router';
import { WORK_PLACE_LABELS, WORK_PLACES } from '../../../shared/employment.js';
import { useSession } from '../../auth/SessionProvider.js';
import { Chart } from '../../components/Chart.js';
import { QueryError } from '../../components/QueryState.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { type Scale, useEmploymentScale } from '../../data/employment.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { EmploymentSettingsTab } from './EmploymentSettingsTab.js';
import { WorkIssuesTab } from './WorkIssuesTab.js';
import { WorkRecordsTab } from './WorkRecordsTab.js';

const GREEN = '#1f6f43';
const TABS = ['scale', 'records', 'issues', 'settings'] as const;
type Tab = (typeof TABS)[number];

const percent = (n: number, target: number | null) =>
  target && target > 0 ? Math.round((n / target) * 1000) / 10 : null;

type ChildRow = Scale['children'][number];

/** 务工规模: workers of the region and the regions below for a month, against the targets, from the monthly summary. */
function ScaleTab({ regionCode }: { regionCode: string | undefined }) {
  const { t } = useI18n();
  const scale = useEmploymentScale({ regionCode });
  const data = scale.data;
  if (scale.isError && !data) {
    return <QueryError query={scale} />;
  }
  const total = data?.total;
  const done = percent(total?.workers ?? 0, data?.target ?? null);
  const columns: TableProps<ChildRow>['columns'] = [
    { title: t('monthly.region'), dataIndex: 'regionName', fixed: 'left', width: 150 },
    { title: t('emp.workers'), dataIndex: 'workers', align: 'right', width: 100 },
    {
      title: t('emp.target'),
      dataIndex: 'target',
      align: 'right',
      width: 100,
      render: (v: number | null) =>
        v ?? <Typography.Text type="secondary">{t('emp.noTarget')}</Typography.Text>,
    },
    {
      title: t('emp.completion'),
      key: 'completion',
      width: 160,
      render: (_, row) => {
        const p = percent(row.workers, row.target);
        return p === null ? '—' : <Progress percent={Math.min(p, 100)} format={() => `${p}%`} size="small" />;
      },
    },
    { title: t('emp.local'), dataIndex: 'local', align: 'right', width: 90 },
    { title: t('emp.away'), dataIndex: 'away', align: 'right', width: 90 },
    ...WORK_PLACES.filter((p) => p !== 'county').map((p) => ({
      title: WORK_PLACE_LABELS[p],
      key: p,
      align: 'right' as const,
      width: 90,
      render: (_: unknown, row: ChildRow) => row.byPlace[p],
    })),
  ];
  return (
    <div data-testid="employment-scale">
      <Typography.Paragraph type="secondary">
        {data ? (
          <>
            {data.regionName} · {data.month}{' '}
            <Tag color={data.status === 'closed' ? 'blue' : 'green'}>
              {data.status === 'closed' ? t('emp.frozen') : t('emp.open')}
            </Tag>
            {t('emp.rule', { n: data.minMonths })}
          </>
        ) : null}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small" loading={scale.isPending}>
            <Statistic
              title={t('emp.workers')}
              value={total?.workers ?? 0}
              styles={{ content: { color: GREEN } }}
              valueRender={(node) => <span data-testid="scale-workers">{node}</span>}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={scale.isPending}>
            <Statistic title={t('emp.target')} value={data?.target ?? '—'} />
            {done !== null ? (
              <Progress percent={Math.min(done, 100)} format={() => `${done}%`} size="small" />
            ) : null}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={scale.isPending}>
            <Statistic title={t('emp.local')} value={total?.local ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={scale.isPending}>
            <Statistic title={t('emp.away')} value={total?.away ?? 0} />
          </Card>
        </Col>
      </Row>
      {data && data.total.workers === 0 && data.children.every((c) => c.workers === 0) ? (
        <Empty description={t('emp.scaleEmpty')} style={{ margin: '24px 0' }} />
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('emp.trend')}>
            <Chart
              height={260}
              option={{
                grid: { left: 50, right: 16, top: 24, bottom: 28 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: (data?.trend ?? []).map((m) => m.month.slice(5)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'line',
                    name: t('emp.workers'),
                    data: (data?.trend ?? []).map((m) => m.workers),
                    itemStyle: { color: GREEN },
                  },
                  ...(data?.target
                    ? [
                        {
                          type: 'line',
                          name: t('emp.target'),
                          data: (data?.trend ?? []).map(() => data.target),
                          lineStyle: { type: 'dashed' },
                          itemStyle: { color: '#cf1322' },
                          symbol: 'none',
                        },
                      ]
                    : []),
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('emp.children')}>
            <Table<ChildRow>
              data-testid="scale-children"
              rowKey="regionCode"
              size="small"
              columns={columns}
              dataSource={data?.children ?? []}
              loading={scale.isFetching}
              pagination={false}
              scroll={{ x: 900, y: 420 }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** 务工监测: the employment scale, the work records, the work data-quality to-dos and (city) the rule and targets. */
export function EmploymentPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'scale';
  const regionCode = params.get('regionCode') ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  const items = [
    { key: 'scale', label: t('emp.tab.scale'), children: <ScaleTab regionCode={regionCode} /> },
    { key: 'records', label: t('emp.tab.records'), children: <WorkRecordsTab regionCode={regionCode} /> },
    { key: 'issues', label: t('emp.tab.issues'), children: <WorkIssuesTab regionCode={regionCode} /> },
    ...(can('employment.configure')
      ? [{ key: 'settings', label: t('emp.tab.settings'), children: <EmploymentSettingsTab /> }]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('emp.title')}
        extra={
          <RegionPicker
            aria-label={t('common.region')}
            placeholder={t('common.region')}
            value={regionCode}
            levels={['city', 'county', 'town', 'village']}
            // Another region starts its lists on their first page.
            onChange={(code) => set({ regionCode: code, page: undefined })}
            style={filterWidth(isMobile, 200)}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          set({
            tab: key === 'scale' ? undefined : key,
            page: undefined,
            pageSize: undefined,
            current: undefined,
            rule: undefined,
          })
        }
        items={items}
        destroyOnHidden
      />
    </>
  );
}
