import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableProps, Typography } from 'antd';
import { QueryError } from '../../components/QueryState.js';
import { isInScope, useRegionScope } from '../../components/useRegionScope.js';
import { type CaseSummaryRow, useCaseSummary, useRegionDetail } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

type Count = Exclude<keyof CaseSummaryRow, 'regionCode' | 'regionName'>;
const COUNTS: Array<{ key: Count; label: MessageKey; isLate?: boolean }> = [
  { key: 'openLeads', label: 'summary.openLeads' },
  { key: 'lateLeads', label: 'summary.lateLeads', isLate: true },
  { key: 'identifying', label: 'summary.identifying' },
  { key: 'lateIdentifications', label: 'summary.lateIdentifications', isLate: true },
  { key: 'monitored', label: 'summary.monitored' },
  { key: 'safetyNet', label: 'summary.safetyNet' },
  { key: 'eliminating', label: 'summary.eliminating' },
  { key: 'visitsOverdue', label: 'summary.visitsOverdue', isLate: true },
];

/**
 * What is due and what is late at every level: one row per child region of `regionCode` (or of the user's area),
 * a click on a region drills down into it.
 */
export function CaseSummaryPanel({
  regionCode,
  onRegion,
}: {
  regionCode: string | undefined;
  onRegion: (code: string | undefined) => void;
}) {
  const { t } = useI18n();
  const summary = useCaseSummary(regionCode);
  const data = summary.data;
  const scope = useRegionScope();
  const region = useRegionDetail(regionCode);

  // Up to the parent when it is in the user's area; otherwise (or before the region is known) to the top.
  const goUp = () => {
    const parentCode = region.data?.parentCode;
    onRegion(parentCode && isInScope(parentCode, scope) ? parentCode : undefined);
  };

  const columns: TableProps<CaseSummaryRow>['columns'] = [
    {
      title: t('summary.region'),
      dataIndex: 'regionName',
      fixed: 'left',
      width: 150,
      render: (name: string, row) =>
        row.regionCode === data?.regionCode ? (
          <Typography.Text strong>{t('summary.total')}</Typography.Text>
        ) : (
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            onClick={() => onRegion(row.regionCode)}
            title={t('summary.drill')}
          >
            {name}
          </Button>
        ),
    },
    ...COUNTS.map(({ key, label, isLate }) => ({
      title: t(label),
      dataIndex: key,
      width: 96,
      align: 'right' as const,
      render: (n: number) =>
        isLate && n > 0 ? (
          <Typography.Text type="danger" strong>
            {n}
          </Typography.Text>
        ) : (
          n
        ),
    })),
  ];

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('summary.title')}
          {data ? <Typography.Text type="secondary">{data.regionName}</Typography.Text> : null}
          {data ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('summary.asOf', { date: data.today })}
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        regionCode ? (
          <Button size="small" icon={<ArrowUpOutlined />} onClick={goUp}>
            {t('summary.up')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {summary.isError && !data ? (
        <QueryError query={summary} />
      ) : (
        <Table<CaseSummaryRow>
          data-testid="case-summary"
          rowKey="regionCode"
          size="small"
          loading={summary.isFetching}
          columns={columns}
          dataSource={data ? [data.total, ...data.children] : []}
          pagination={false}
          scroll={{ x: 920, y: 260 }}
        />
      )}
    </Card>
  );
}
