import { Button, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { clock } from '../../../shared/clock.js';
import { groupThousands } from '../../../shared/money.js';
import { useSession } from '../../auth/SessionProvider.js';
import { Chart, type ChartOption } from '../../components/Chart.js';
import { useFundOverview } from '../../data/funds.js';
import { useScreenFigures } from '../../data/screen.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { fundFigures, hasNoFunds } from '../funds/FundsCard.js';
import { useDashboardCharts } from '../reports/DashboardPanel.js';
import { num } from '../reports/figures.js';

const FIGURES: Array<{ key: string; label: MessageKey }> = [
  { key: 'monitored', label: 'dash.monitored' },
  { key: 'safetyNet', label: 'dash.safetyNet' },
  { key: 'identifying', label: 'dash.identifying' },
  { key: 'eliminating', label: 'dash.eliminating' },
  { key: 'newMonitored', label: 'dash.newMonitored' },
  { key: 'eliminated', label: 'dash.eliminated' },
  { key: 'visitsOverdue', label: 'dash.visitsOverdue' },
  { key: 'leadsNew', label: 'dash.leadsNew' },
];

const panel = {
  background: 'rgba(16, 42, 67, 0.85)',
  border: '1px solid #1d4e7a',
  borderRadius: 6,
  padding: 12,
};
const transparent = (option: ChartOption): ChartOption => ({ ...option, backgroundColor: 'transparent' });

function Panel({
  title,
  option,
  height = 260,
  empty = false,
}: {
  title: string;
  option: ChartOption;
  height?: number;
  empty?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div style={panel}>
      <div style={{ color: '#7fd3ff', fontSize: 16, marginBottom: 8 }}>{title}</div>
      {empty ? (
        <div style={{ height, display: 'grid', placeItems: 'center', color: '#5b7a99' }}>
          {t('dash.noData')}
        </div>
      ) : (
        <Chart option={transparent(option)} theme="dark" height={height} />
      )}
    </div>
  );
}

/** The year's connection funds on the screen, for who may read funds (the screen itself needs report.read). */
function FundsPanel() {
  const { t } = useI18n();
  const year = Number(clock().today().slice(0, 4));
  const overview = useFundOverview(year);
  const o = overview.data;
  return (
    <div style={panel} data-testid="screen-funds">
      <div style={{ color: '#7fd3ff', fontSize: 16, marginBottom: 8 }}>{t('fundCard.title', { year })}</div>
      {overview.error ? (
        <div style={{ color: '#ff7875' }}>{t('common.loadFailed')}</div>
      ) : !o ? null : hasNoFunds(o) ? (
        <div style={{ color: '#5b7a99', padding: '12px 0' }}>{t('fundCard.empty', { year })}</div>
      ) : (
        <Row gutter={[12, 12]}>
          {fundFigures(o).figures.map((f) => (
            <Col key={f.key} flex="1 1 160px" style={{ textAlign: 'center' }}>
              <div style={{ color: '#7fd3ff', fontSize: 14 }}>{t(f.label)}</div>
              <div style={{ fontSize: 30, fontWeight: 700, color: '#ffd666' }}>
                {f.suffix ? f.value : groupThousands(f.value)}
                {f.suffix ?? ''}
              </div>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

/** 大屏: the city's figures on one full window, dark, without the app shell. */
export function ScreenPage() {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { can } = useSession();
  const remote = useScreenFigures();
  const data = remote.data;
  const charts = useDashboardCharts(data, t, pick);
  return (
    <div
      data-testid="screen"
      style={{ minHeight: '100vh', background: '#06172b', color: '#e6f4ff', padding: '16px 24px' }}
    >
      <Row align="middle" justify="space-between" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ color: '#e6f4ff', margin: 0 }}>
          {data ? `${data.regionName} · ` : ''}
          {t('screen.title')}
        </Typography.Title>
        <Row align="middle" gutter={16}>
          <Col style={{ color: '#7fd3ff' }}>{data ? t('dash.month', { month: data.month }) : ''}</Col>
          <Col>
            <Link to="/">
              <Button ghost>{t('screen.exit')}</Button>
            </Link>
          </Col>
        </Row>
      </Row>
      {remote.error ? (
        <Typography.Paragraph type="danger" role="alert">
          {errorText(remote.error, t('common.loadFailed'))}{' '}
          <Button size="small" ghost onClick={() => void remote.refetch()}>
            {t('common.retry')}
          </Button>
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {FIGURES.map((figure) => (
          <Col key={figure.key} xs={12} md={6} xxl={3}>
            <div style={{ ...panel, textAlign: 'center' }}>
              <div style={{ color: '#7fd3ff', fontSize: 14 }}>{t(figure.label)}</div>
              <div style={{ fontSize: 36, fontWeight: 700, color: '#ffd666' }}>
                {num(data?.total, figure.key)}
              </div>
            </div>
          </Col>
        ))}
      </Row>
      {can('fund.read') ? (
        <div style={{ marginBottom: 12 }}>
          <FundsPanel />
        </div>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Panel title={t('dash.trend')} option={charts.trendOption} height={300} />
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('screen.children')} option={charts.childrenOption} height={300} />
        </Col>
        <Col xs={24} md={8}>
          <Panel title={t('dash.byCategory')} option={charts.categoryOption} empty={charts.empty.category} />
        </Col>
        <Col xs={24} md={8}>
          <Panel title={t('dash.byRisk')} option={charts.riskOption} empty={charts.empty.risk} />
        </Col>
        <Col xs={24} md={8}>
          <Panel title={t('dash.measures')} option={charts.measuresOption} empty={charts.empty.measures} />
        </Col>
      </Row>
    </div>
  );
}
