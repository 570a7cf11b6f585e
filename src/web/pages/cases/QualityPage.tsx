import { Button, Card, Col, Flex, Row, Statistic, Table, type TableProps, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { qualityApi } from '../../api/endpoints.js';
import type { QualityItem, QualityRule, QualitySearch } from '../../api/types.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { QUALITY_RULE_LABELS } from '../../i18n/messages.js';
import { errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';

const RULES = Object.keys(QUALITY_RULE_LABELS) as QualityRule[];

function readQuery(params: URLSearchParams): QualitySearch {
  const rule = params.get('rule');
  return {
    rule: RULES.includes(rule as QualityRule) ? (rule as QualityRule) : undefined,
    regionCode: params.get('regionCode') ?? undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
}

function writeQuery(query: QualitySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (query.rule) {
    params.set('rule', query.rule);
  }
  if (query.regionCode) {
    params.set('regionCode', query.regionCode);
  }
  if (query.page > 1) {
    params.set('page', String(query.page));
  }
  if (query.pageSize !== 20) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

/** 数据质量: the national checker's rules as a to-do list, each item linked to its household or case. */
export function QualityPage() {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const list = useRemote(() => qualityApi.list(query), JSON.stringify(query));
  const update = (patch: Partial<QualitySearch>) => setParams(writeQuery({ ...query, page: 1, ...patch }));
  const counts = list.data?.counts ?? {};
  const ruleName = (rule: string) => (QUALITY_RULE_LABELS[rule] ? pick(QUALITY_RULE_LABELS[rule]) : rule);

  const columns: TableProps<QualityItem>['columns'] = [
    { title: t('quality.rule'), dataIndex: 'rule', width: 220, render: (rule: string) => ruleName(rule) },
    {
      title: t('common.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => <Link to={`/households/${row.householdId}`}>{name}</Link>,
    },
    { title: t('common.village'), dataIndex: 'regionName', width: 150 },
    { title: t('quality.detail'), dataIndex: 'detail', render: (d: string | null) => d ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, row) =>
        row.caseId ? (
          <Link to={`/cases/${row.caseId}`}>{t('quality.viewCase')}</Link>
        ) : (
          <Link to={`/households/${row.householdId}`}>{t('quality.viewHousehold')}</Link>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('quality.title')}
        extra={
          <RegionPicker
            aria-label={t('common.region')}
            placeholder={t('common.region')}
            value={query.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 200)}
          />
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="quality-counts">
        {RULES.map((rule) => {
          const count = counts[rule] ?? 0;
          const isActive = query.rule === rule;
          return (
            <Col key={rule} xs={12} sm={8} xl={6} xxl={4}>
              <Card
                size="small"
                hoverable
                role="button"
                aria-pressed={isActive}
                onClick={() => update({ rule: isActive ? undefined : rule })}
                style={{ height: '100%', borderColor: isActive ? '#1f6f43' : undefined }}
              >
                <Statistic
                  title={<span style={{ whiteSpace: 'normal' }}>{ruleName(rule)}</span>}
                  value={count}
                  styles={{ content: { color: count > 0 ? '#cf1322' : '#389e0d', fontSize: 22 } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {query.rule ? ruleName(query.rule) : t('quality.allRules')}
          </Typography.Text>
          {query.rule ? (
            <Button size="small" onClick={() => update({ rule: undefined })}>
              {t('quality.allRules')}
            </Button>
          ) : null}
        </Flex>
        {list.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(list.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        <Table<QualityItem>
          data-testid="quality-table"
          rowKey={(row) => `${row.rule}-${row.householdId}-${row.caseId ?? ''}`}
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('quality.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { total: count }),
            onChange: (page, pageSize) => setParams(writeQuery({ ...query, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
