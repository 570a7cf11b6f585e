import { Button, Card, Col, Flex, Row, Statistic, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type QualityItem, type QualityRule, useQualityIssues } from '../../data/quality.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { QUALITY_RULE_LABELS } from '../../i18n/messages.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';

const RULES = Object.keys(QUALITY_RULE_LABELS) as QualityRule[];
const FILTERS = ['rule', 'regionCode'] as const;

/** 数据质量: the national checker's rules as a to-do list, each item linked to its household or case. */
export function QualityPage() {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const table = useTableParams(FILTERS);
  const rule = RULES.find((r) => r === table.filters.rule);
  const regionCode = table.filters.regionCode;
  const list = useQualityIssues({ rule, regionCode, page: table.page, pageSize: table.pageSize });
  const counts = list.data?.counts ?? {};
  const ruleName = (code: string) => (QUALITY_RULE_LABELS[code] ? pick(QUALITY_RULE_LABELS[code]) : code);

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
            value={regionCode}
            onChange={(code) => table.setFilters({ regionCode: code })}
            style={filterWidth(isMobile, 200)}
          />
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="quality-counts">
        {RULES.map((code) => {
          const count = counts[code] ?? 0;
          const isActive = rule === code;
          return (
            <Col key={code} xs={12} sm={8} xl={6} xxl={4}>
              <Card
                size="small"
                hoverable
                role="button"
                aria-pressed={isActive}
                onClick={() => table.setFilters({ rule: isActive ? undefined : code })}
                style={{ height: '100%', borderColor: isActive ? '#1f6f43' : undefined }}
              >
                <Statistic
                  title={<span style={{ whiteSpace: 'normal' }}>{ruleName(code)}</span>}
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
          <Typography.Text strong>{rule ? ruleName(rule) : t('quality.allRules')}</Typography.Text>
          {rule ? (
            <Button size="small" onClick={() => table.setFilters({ rule: undefined })}>
              {t('quality.allRules')}
            </Button>
          ) : null}
        </Flex>
        <UrlTable<QualityItem, (typeof FILTERS)[number]>
          data-testid="quality-table"
          query={list}
          params={table}
          rowKey={(row) => `${row.rule}-${row.householdId}-${row.caseId ?? ''}`}
          size="middle"
          columns={columns}
          scroll={{ x: 800 }}
          emptyText={rule ? t('quality.empty') : t('quality.emptyAll')}
        />
      </Card>
    </>
  );
}
