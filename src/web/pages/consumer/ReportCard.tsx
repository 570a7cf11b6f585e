import { Card, Col, Empty, Row, Segmented, Statistic, Table } from 'antd';
import { useState } from 'react';
import { groupThousands } from '../../../shared/money.js';
import { Chart } from '../../components/Chart.js';
import { QueryError } from '../../components/QueryState.js';
import { useConsumerReport } from '../../data/consumer.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type View = 'channel' | 'buyer' | 'county';

/** 消费帮扶销售统计: the year's sales by channel, buyer type and county (a bar chart and its table). */
export function ReportCard({ year, regionCode }: { year: number; regionCode?: string | undefined }) {
  const { t } = useI18n();
  const report = useConsumerReport(year, regionCode);
  const [view, setView] = useState<View>('channel');
  const r = report.data;
  const rows =
    r === undefined
      ? []
      : view === 'channel'
        ? r.byChannel.map((c) => ({ key: c.channel, name: c.label, sales: c.sales, amount: c.amount }))
        : view === 'buyer'
          ? r.byBuyerType.map((c) => ({ key: c.buyerType, name: c.label, sales: c.sales, amount: c.amount }))
          : r.byCounty.map((c) => ({
              key: c.countyCode,
              name: c.countyName,
              sales: c.sales,
              amount: c.amount,
            }));
  return (
    <Card
      title={t('consumer.report', { year })}
      extra={
        <Segmented<View>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'channel', label: t('consumer.byChannel') },
            { value: 'buyer', label: t('consumer.byBuyer') },
            { value: 'county', label: t('consumer.byCounty') },
          ]}
        />
      }
      data-testid="consumer-report"
    >
      <QueryError query={report} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <div data-testid="report-amount">
            <Statistic
              title={t('consumer.reportAmount')}
              value={groupThousands(r?.total.amount ?? '0.00')}
              suffix={t('common.yuan')}
            />
          </div>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('consumer.reportSales')} value={r?.total.sales ?? 0} />
        </Col>
      </Row>
      {rows.length === 0 ? (
        <Empty description={t('consumer.reportEmpty', { year })} />
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={14}>
            <Chart
              height={260}
              testId="consumer-report-chart"
              option={{
                grid: { left: 80, right: 16, top: 16, bottom: 28 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'value' },
                yAxis: { type: 'category', data: rows.map((x) => x.name).reverse() },
                series: [
                  {
                    type: 'bar',
                    name: t('consumer.amount'),
                    data: rows.map((x) => Number(x.amount)).reverse(),
                    itemStyle: { color: '#1f6f43' },
                  },
                ],
              }}
            />
          </Col>
          <Col xs={24} lg={10}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              columns={[
                {
                  title:
                    view === 'county'
                      ? t('consumer.county')
                      : view === 'buyer'
                        ? t('consumer.buyerType')
                        : t('consumer.channel'),
                  dataIndex: 'name',
                },
                { title: t('consumer.reportSales'), dataIndex: 'sales', align: 'right', width: 80 },
                {
                  title: t('consumer.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  width: 130,
                  render: (a: string) => groupThousands(a),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
