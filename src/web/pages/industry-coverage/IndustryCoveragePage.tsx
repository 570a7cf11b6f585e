import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Statistic,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { HOUSEHOLD_TYPE_LABELS } from '../../../shared/household-codes.js';
import { QueryError } from '../../components/QueryState.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import {
  type CoverageChild,
  type Uncovered,
  uncoveredListUrl,
  useCoverage,
  useUncovered,
} from '../../data/industry-coverage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';

/** From the transition period's start (2021) to this year. */
const FIRST_YEAR = 2021;
const FILTERS = ['year', 'regionCode'] as const;
const GREEN = '#1f7a4d';

/** A coverage rate as a bar; "—" when there is nobody to cover. */
function RateBar({ rate, showInfo = true }: { rate: string; showInfo?: boolean }) {
  if (rate === '—') {
    return <>—</>;
  }
  const value = Number(rate);
  return (
    <Progress
      percent={value}
      format={() => `${rate}%`}
      showInfo={showInfo}
      size="small"
      status={value >= 100 ? 'success' : 'normal'}
      strokeColor={value >= 100 ? undefined : GREEN}
    />
  );
}

/**
 * 产业帮扶覆盖: of the 脱贫/监测 households able to work, how many had industry help this year, per region below
 * the chosen one, and the households still to reach, as a list to download for the township's work.
 */
export function IndustryCoveragePage() {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const table = useTableParams(FILTERS);
  const thisYear = today().year();
  const asked = Number(table.filters.year);
  const year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  const regionCode = table.filters.regionCode;
  const coverage = useCoverage(year, regionCode);
  const uncovered = useUncovered({ year, regionCode, page: table.page, pageSize: table.pageSize });
  const data = coverage.data;
  const total = data?.total;

  const columns: TableProps<CoverageChild>['columns'] = [
    {
      title: t('coverage.region'),
      dataIndex: 'regionName',
      fixed: 'left',
      width: 140,
      render: (name: string, row) => (
        <Typography.Link onClick={() => table.setFilters({ regionCode: row.regionCode })}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('coverage.households'), dataIndex: 'households', align: 'right', width: 100 },
    { title: t('coverage.covered'), dataIndex: 'covered', align: 'right', width: 90 },
    {
      title: t('coverage.rate'),
      dataIndex: 'ratePercent',
      width: 170,
      render: (rate: string) => <RateBar rate={rate} />,
    },
    { title: t('coverage.byMeasure'), dataIndex: 'measure', align: 'right', width: 100 },
    { title: t('coverage.byClaim'), dataIndex: 'claim', align: 'right', width: 90 },
    { title: t('coverage.byLinkage'), dataIndex: 'linkage', align: 'right', width: 90 },
    { title: t('coverage.byCourtyard'), dataIndex: 'courtyard', align: 'right', width: 90 },
    {
      title: t('coverage.uncovered'),
      dataIndex: 'uncovered',
      align: 'right',
      width: 90,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
  ];

  const householdColumns: TableProps<Uncovered>['columns'] = [
    {
      title: t('coverage.head'),
      dataIndex: 'headName',
      render: (name: string, row) => <Link to={`/households/${row.id}`}>{name}</Link>,
    },
    {
      title: t('coverage.place'),
      key: 'place',
      render: (_, row) => `${row.townName ?? ''}${row.villageName}`,
    },
    {
      title: t('coverage.type'),
      dataIndex: 'householdType',
      render: (type: Uncovered['householdType']) => pick(HOUSEHOLD_TYPE_LABELS[type]),
    },
    { title: t('coverage.labour'), dataIndex: 'labourMembers', align: 'right', responsive: ['md'] },
    {
      title: t('coverage.lastVisited'),
      dataIndex: 'lastVisitedOn',
      responsive: ['md'],
      render: (on: string | null) =>
        on ?? <Typography.Text type="secondary">{t('coverage.never')}</Typography.Text>,
    },
  ];

  const region = data?.regionName ?? '';
  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<number>
              aria-label={t('coverage.year')}
              style={filterWidth(isMobile, 120)}
              value={year}
              onChange={(y) => table.setFilters({ year: String(y) })}
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('coverage.yearValue', { year: y }),
              }))}
            />
            <RegionPicker
              aria-label={t('common.region')}
              placeholder={t('common.region')}
              value={regionCode}
              levels={['city', 'county', 'town', 'village']}
              onChange={(code) => table.setFilters({ regionCode: code })}
              style={filterWidth(isMobile, 200)}
            />
            <Button
              icon={<DownloadOutlined />}
              href={uncoveredListUrl(year, regionCode)}
              download
              disabled={!total || total.uncovered === 0}
              data-testid="coverage-xlsx"
            >
              {t('coverage.uncoveredXlsx')}
            </Button>
          </Flex>
        }
      />
      <Flex vertical gap={16} data-testid="industry-coverage">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('coverage.help')}
        </Typography.Paragraph>
        <QueryError query={coverage} />
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Card size="small" loading={coverage.isPending}>
              <Statistic title={t('coverage.households')} value={total?.households ?? 0} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={coverage.isPending}>
              <Statistic
                title={t('coverage.covered')}
                value={total?.covered ?? 0}
                styles={{ content: { color: GREEN } }}
                valueRender={(node) => <span data-testid="coverage-covered">{node}</span>}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={coverage.isPending}>
              <Statistic
                title={t('coverage.uncovered')}
                value={total?.uncovered ?? 0}
                styles={{ content: { color: total?.uncovered ? '#cf1322' : undefined } }}
                valueRender={(node) => <span data-testid="coverage-uncovered">{node}</span>}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={coverage.isPending}>
              <Statistic
                title={t('coverage.rate')}
                value={total ? `${total.ratePercent}${total.ratePercent === '—' ? '' : '%'}` : '—'}
              />
              {total ? <RateBar rate={total.ratePercent} showInfo={false} /> : null}
            </Card>
          </Col>
        </Row>
        {data && total?.households === 0 ? (
          <Empty description={t('coverage.empty', { region })} />
        ) : (
          <>
            {data && data.children.length > 0 ? (
              <Card size="small" title={t('coverage.children', { region })}>
                <Table<CoverageChild>
                  data-testid="coverage-children"
                  rowKey="regionCode"
                  size="small"
                  columns={columns}
                  dataSource={data.children}
                  loading={coverage.isFetching}
                  pagination={false}
                  scroll={{ x: 960 }}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('coverage.kindsNote')}
                </Typography.Paragraph>
              </Card>
            ) : null}
            <Card size="small" title={t('coverage.uncoveredList')}>
              <UrlTable<Uncovered, (typeof FILTERS)[number]>
                data-testid="coverage-uncovered-list"
                rowKey="id"
                size="small"
                columns={householdColumns}
                query={uncovered}
                params={table}
                emptyText={t('coverage.allCovered', { region, year })}
              />
            </Card>
          </>
        )}
      </Flex>
    </>
  );
}
