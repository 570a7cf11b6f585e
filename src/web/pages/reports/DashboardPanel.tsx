import { ArrowLeftOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { Chart, type ChartOption } from '../../components/Chart.js';
import { QueryError } from '../../components/QueryState.js';
import { type Dashboard, useDashboard } from '../../data/reports.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  CASE_CATEGORY_LABELS,
  MEASURE_CATEGORY_LABELS,
  type MessageKey,
  RISK_TYPE_LABELS,
} from '../../i18n/messages.js';
import { breakdown, num } from './figures.js';

type Label = { zh: string; en: string };
type Pick = (label: Label) => string;

const KPIS: Array<{ key: string; label: MessageKey; warn?: boolean }> = [
  { key: 'monitored', label: 'dash.monitored' },
  { key: 'safetyNet', label: 'dash.safetyNet' },
  { key: 'identifying', label: 'dash.identifying' },
  { key: 'eliminating', label: 'dash.eliminating' },
  { key: 'newMonitored', label: 'dash.newMonitored' },
  { key: 'eliminated', label: 'dash.eliminated' },
  { key: 'visitsOverdue', label: 'dash.visitsOverdue', warn: true },
  { key: 'leadsNew', label: 'dash.leadsNew' },
  { key: 'alertsOpen', label: 'dash.alertsOpen' },
  { key: 'alertsOverdue', label: 'dash.alertsOverdue', warn: true },
  { key: 'workers', label: 'dash.workers' },
];

const GREEN = '#1f6f43';
const PALETTE = [
  GREEN,
  '#5470c6',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
];

function labelled(map: Record<string, number>, labels: Record<string, Label>, pick: Pick) {
  return Object.entries(map)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => ({ name: labels[key] ? pick(labels[key]) : key, value }));
}

/** The chart options of a dashboard, shared by the workbench and the large screen. */
export function useDashboardCharts(data: Dashboard | undefined, t: (key: MessageKey) => string, pick: Pick) {
  return useMemo(() => {
    const total = data?.total;
    // Twelve months ending with the dashboard's; a month the server has no figures for stays a gap.
    const byMonth = new Map((data?.trend ?? []).map((point) => [point.month, point]));
    const months = data
      ? Array.from({ length: 12 }, (_, i) =>
          dayjs(`${data.month}-01`)
            .subtract(11 - i, 'month')
            .format('YYYY-MM'),
        )
      : [];
    const series = (key: 'monitored' | 'newMonitored' | 'eliminated' | 'leadsNew' | 'visitsOverdue') =>
      months.map((month) => byMonth.get(month)?.[key] ?? null);
    const byCategory = labelled(breakdown(total, 'newByCategory'), CASE_CATEGORY_LABELS, pick);
    const byRisk = labelled(breakdown(total, 'newByRisk'), RISK_TYPE_LABELS, pick);
    const measures = labelled(breakdown(total, 'measuresByCategory'), MEASURE_CATEGORY_LABELS, pick);
    // Departments are named in Chinese in the data (民政, 医保 …): shown as they are.
    const alerts = Object.entries(breakdown(total, 'alertsByDepartment')).map(([name, value]) => ({
      name,
      value,
    }));
    const children = data?.children ?? [];
    const trendOption: ChartOption = {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dash.monitored'), type: 'line', smooth: true, data: series('monitored') },
        { name: t('dash.newMonitored'), type: 'line', data: series('newMonitored') },
        { name: t('dash.eliminated'), type: 'line', data: series('eliminated') },
        { name: t('dash.leadsNew'), type: 'line', data: series('leadsNew') },
        { name: t('dash.visitsOverdue'), type: 'line', data: series('visitsOverdue') },
      ],
    };
    const pie = (items: Array<{ name: string; value: number }>): ChartOption => ({
      color: PALETTE,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: items }],
    });
    const bar = (items: Array<{ name: string; value: number }>, color = GREEN): ChartOption => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: items.map((i) => i.name), inverse: true },
      series: [{ type: 'bar', data: items.map((i) => i.value), itemStyle: { color }, barMaxWidth: 24 }],
    });
    const childrenOption: ChartOption = {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: children.map((c) => c.regionName),
        axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dash.monitored'), type: 'bar', data: children.map((c) => num(c.figures, 'monitored')) },
        {
          name: t('dash.newMonitored'),
          type: 'bar',
          data: children.map((c) => num(c.figures, 'newMonitored')),
        },
        {
          name: t('dash.visitsOverdue'),
          type: 'bar',
          data: children.map((c) => num(c.figures, 'visitsOverdue')),
        },
      ],
    };
    const visitsOption: ChartOption = {
      color: [GREEN, '#d9d9d9', '#cf1322'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [t('dash.visits')] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dash.visitsDone'), type: 'bar', barMaxWidth: 48, data: [num(total, 'visitsDone')] },
        { name: t('dash.visitsDue'), type: 'bar', barMaxWidth: 48, data: [num(total, 'visitsDue')] },
        { name: t('dash.visitsOverdue'), type: 'bar', barMaxWidth: 48, data: [num(total, 'visitsOverdue')] },
      ],
    };
    return {
      trendOption,
      categoryOption: pie(byCategory),
      riskOption: bar(byRisk, '#5470c6'),
      measuresOption: bar(measures),
      alertsOption: bar(alerts, '#cf1322'),
      childrenOption,
      visitsOption,
      empty: {
        category: byCategory.length === 0,
        risk: byRisk.length === 0,
        measures: measures.length === 0,
        alerts: alerts.length === 0,
      },
    };
  }, [data, t, pick]);
}

function ChartCard({
  title,
  option,
  empty,
  onClick,
  testId,
}: {
  title: string;
  option: ChartOption;
  empty?: boolean;
  onClick?: (name: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.noData')} style={{ height: 248 }} />
      ) : (
        <Chart
          option={option}
          height={260}
          {...(onClick ? { onClick } : {})}
          {...(testId ? { testId } : {})}
        />
      )}
    </Card>
  );
}

/** 工作台 figures: KPI cards and charts for the user's region, drilling down into the regions below. */
export function DashboardPanel() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const remote = useDashboard(regionCode);
  const data = remote.data;
  const charts = useDashboardCharts(data, t, pick);
  const drill = (name: string) => {
    const child = data?.children.find((c) => c.regionName === name);
    if (child) {
      setRegionCode(child.regionCode);
    }
  };

  return (
    <div data-testid="dashboard">
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data ? `${data.regionName} · ${t('dash.month', { month: data.month })}` : t('dash.title')}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          {data?.refreshedAt ? (
            <Typography.Text type="secondary">
              {t('dash.refreshedAt', { at: dayjs(data.refreshedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          ) : null}
          {regionCode ? (
            <Button icon={<ArrowLeftOutlined />} onClick={() => setRegionCode(undefined)}>
              {t('dash.back')}
            </Button>
          ) : null}
          {me.role === 'city' && can('report.read') ? (
            <Link to="/screen" target="_blank">
              <Button icon={<FundProjectionScreenOutlined />}>{t('screen.open')}</Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <QueryError query={remote} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="dashboard-kpis">
        {KPIS.map((kpi) => {
          const value = num(data?.total, kpi.key);
          const late = num(data?.total, 'lateIdentifications');
          return (
            <Col key={kpi.key} xs={12} sm={8} lg={6} xxl={3}>
              <Card size="small" loading={remote.isPending} style={{ height: '100%' }}>
                <Statistic
                  title={t(kpi.label)}
                  value={value}
                  styles={{ content: { color: kpi.warn && value > 0 ? '#cf1322' : GREEN, fontSize: 24 } }}
                  suffix={
                    kpi.key === 'identifying' && late > 0 ? (
                      <Typography.Text type="danger" style={{ fontSize: 13 }}>
                        {t('dash.lateIdentifications', { n: late })}
                      </Typography.Text>
                    ) : undefined
                  }
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <ChartCard title={t('dash.trend')} option={charts.trendOption} testId="chart-trend" />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title={t('dash.visits')} option={charts.visitsOption} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard
            title={t('dash.byCategory')}
            option={charts.categoryOption}
            empty={charts.empty.category}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard title={t('dash.byRisk')} option={charts.riskOption} empty={charts.empty.risk} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard
            title={t('dash.measures')}
            option={charts.measuresOption}
            empty={charts.empty.measures}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard
            title={t('dash.alertsByDepartment')}
            option={charts.alertsOption}
            empty={charts.empty.alerts}
          />
        </Col>
        {data && data.children.length > 0 ? (
          <Col xs={24}>
            <ChartCard
              title={t('dash.children')}
              option={charts.childrenOption}
              onClick={drill}
              testId="chart-children"
            />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
