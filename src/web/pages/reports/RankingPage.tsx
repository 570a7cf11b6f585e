import { SettingOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { reportApi } from '../../api/endpoints.js';
import type { RankingRow, RankingWeights } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
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

function WeightsModal({ weights, onClose }: { weights: RankingWeights; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RankingWeights>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await reportApi.saveWeights(values);
      message.success(t('ranking.weightsSaved'));
      onClose(true);
    } catch (error) {
      message.error(errorMessage(error, t('common.loadFailed')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('ranking.weights')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 14 }} initialValues={weights}>
        {INDICATORS.map((indicator) => (
          <Form.Item
            key={indicator}
            name={indicator}
            label={t(`ranking.ind.${indicator}` as MessageKey)}
            rules={[{ required: true, message: t('common.required', { field: t('ranking.weight') }) }]}
          >
            <InputNumber min={0} max={100} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** 季度排序: a city ranks its counties, a county its townships, by weighted indicators; each row explains its score. */
export function RankingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [quarter, setQuarter] = useState<Dayjs>(dayjs());
  const quarterText = quarterOf(quarter);
  const remote = useRemote(() => reportApi.ranking(quarterText), quarterText);
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
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
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
        {remote.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(remote.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={remote.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        <Table<RankingRow>
          data-testid="ranking-table"
          rowKey="code"
          size="middle"
          pagination={false}
          loading={remote.loading}
          columns={columns}
          dataSource={data?.rows ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('ranking.empty') }}
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
      {editing && data ? (
        <WeightsModal
          weights={data.weights}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              remote.reload();
            }
          }}
        />
      ) : null}
    </>
  );
}
