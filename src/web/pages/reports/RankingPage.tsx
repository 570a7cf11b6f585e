import { SettingOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import {
  type RankingRow,
  type RankingWeights,
  useRanking,
  useSaveRankingWeights,
} from '../../data/reports.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { today } from '../../util/today.js';
import { PageHeader } from '../PageHeader.js';
import { quarterOf } from './quarter.js';

type IndicatorRow = RankingRow['indicators'][number];

const INDICATORS = [
  'identification_on_time',
  'measure_coverage',
  'visits_on_time',
  'alerts_on_time',
  'quality_issues',
  'eliminations_held',
] as const;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function WeightsModal({ weights, onClose }: { weights: RankingWeights; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RankingWeights>();
  const save = useSaveRankingWeights();
  return (
    <FormModal<RankingWeights>
      form={form}
      open
      name="weights-form"
      title={t('ranking.weights')}
      onCancel={onClose}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        void message.success(t('ranking.weightsSaved'));
        onClose();
      }}
    >
      {INDICATORS.map((indicator) => (
        <Form.Item
          key={indicator}
          name={indicator}
          label={t(`ranking.ind.${indicator}` as MessageKey)}
          initialValue={weights[indicator]}
          rules={[{ required: true, message: t('common.required', { field: t('ranking.weight') }) }]}
        >
          <InputNumber min={0} max={100} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** 季度排序: a city ranks its counties, a county its townships, by weighted indicators; each row explains its score. */
export function RankingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [quarter, setQuarter] = useState<Dayjs>(today());
  const quarterText = quarterOf(quarter);
  const remote = useRanking(quarterText);
  const data = remote.data;
  const [editing, setEditing] = useState(false);
  const indicatorName = (code: string) => t(`ranking.ind.${code}` as MessageKey);

  const columns: TableProps<RankingRow>['columns'] = [
    { title: t('ranking.rank'), dataIndex: 'rank', width: 70, fixed: 'left' },
    { title: t('ranking.name'), dataIndex: 'name', width: 160, fixed: 'left' },
    {
      title: t('ranking.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (s: number) => s.toFixed(2),
    },
    ...INDICATORS.map((indicator) => ({
      title: indicatorName(indicator),
      key: indicator,
      align: 'right' as const,
      render: (_: unknown, row: RankingRow) =>
        percent(row.indicators.find((i) => i.indicator === indicator)?.rate ?? null),
    })),
  ];

  const detailColumns: TableProps<IndicatorRow>['columns'] = [
    { title: t('ranking.indicator'), dataIndex: 'indicator', render: indicatorName },
    { title: t('ranking.rate'), dataIndex: 'rate', align: 'right', render: percent },
    { title: t('ranking.good'), dataIndex: 'good', align: 'right' },
    { title: t('ranking.totalCount'), dataIndex: 'total', align: 'right' },
    { title: t('ranking.weight'), dataIndex: 'weight', align: 'right' },
    {
      title: t('ranking.points'),
      dataIndex: 'points',
      align: 'right',
      render: (points: number, row) => (row.rate === null ? t('ranking.noData') : points.toFixed(2)),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ranking.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="quarter"
              aria-label={t('ranking.quarter')}
              value={quarter}
              allowClear={false}
              format={(d) => quarterOf(d)}
              onChange={(value) => value && setQuarter(value)}
              disabledDate={(d) => d.isAfter(today(), 'month')}
            />
            {can('report.manage') && data ? (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
                {t('ranking.editWeights')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card
        title={
          data
            ? t(data.level === 'county' ? 'ranking.levelCounty' : 'ranking.levelTown', {
                region: data.regionName,
              })
            : null
        }
      >
        <Typography.Paragraph type="secondary">{t('ranking.explain')}</Typography.Paragraph>
        <QueryError query={remote} />
        <Table<RankingRow>
          data-testid="ranking-table"
          rowKey="code"
          size="middle"
          pagination={false}
          loading={remote.isFetching}
          columns={columns}
          dataSource={data?.rows ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: remote.isError ? ' ' : t('ranking.empty') }}
          expandable={{
            expandedRowRender: (row) => (
              <Table<IndicatorRow>
                rowKey="indicator"
                size="small"
                pagination={false}
                columns={detailColumns}
                dataSource={row.indicators}
              />
            ),
          }}
        />
      </Card>
      {editing && data ? <WeightsModal weights={data.weights} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
