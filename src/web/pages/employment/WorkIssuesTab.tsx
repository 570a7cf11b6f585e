import { Card, Col, Row, Statistic, type TableProps } from 'antd';
import { Link } from 'react-router';
import { WORK_RULE_LABELS, WORK_RULES, type WorkRule } from '../../../shared/employment.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { useWorkIssues, type WorkIssue } from '../../data/employment.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The national checker's work rules over the current work records: counts per rule and the people to fix. */
export function WorkIssuesTab({ regionCode }: { regionCode: string | undefined }) {
  const { t } = useI18n();
  // The chosen rule and the page live in the URL.
  const table = useTableParams(['rule'] as const);
  const rule = WORK_RULES.find((r) => r === table.filters.rule);
  const list = useWorkIssues({ regionCode, rule, page: table.page, pageSize: table.pageSize });
  const counts = list.data?.counts;
  const columns: TableProps<WorkIssue>['columns'] = [
    {
      title: t('quality.rule'),
      dataIndex: 'rule',
      width: 320,
      render: (r: WorkRule) => `${WORK_RULE_LABELS[r].code} ${WORK_RULE_LABELS[r].zh}`,
    },
    {
      title: t('emp.person'),
      dataIndex: 'personName',
      width: 110,
      render: (name: string, row) => <Link to={`/households/${row.householdId}?tab=work`}>{name}</Link>,
    },
    { title: t('common.head'), dataIndex: 'headName', width: 110 },
    { title: t('common.village'), dataIndex: 'regionName', width: 150 },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="work-issue-counts">
        {WORK_RULES.map((r) => {
          const n = counts?.[r] ?? 0;
          const active = rule === r;
          return (
            <Col key={r} xs={12} sm={8} xl={6}>
              <Card
                size="small"
                hoverable
                role="button"
                aria-pressed={active}
                onClick={() => table.setFilters({ rule: active ? undefined : r })}
                style={{ height: '100%', borderColor: active ? '#1f6f43' : undefined }}
              >
                <Statistic
                  title={<span style={{ whiteSpace: 'normal' }}>{WORK_RULE_LABELS[r].zh}</span>}
                  value={n}
                  styles={{ content: { color: n > 0 ? '#cf1322' : '#389e0d', fontSize: 22 } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <UrlTable
        data-testid="work-issues"
        query={list}
        params={table}
        rowKey={(row) => `${row.rule}-${row.recordId}`}
        size="middle"
        columns={columns}
        scroll={{ x: 700 }}
        emptyText={rule ? t('emp.issuesEmptyRule') : t('emp.issuesEmpty')}
      />
    </>
  );
}
