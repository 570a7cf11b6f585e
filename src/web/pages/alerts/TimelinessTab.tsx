import { Table } from 'antd';
import { QueryState } from '../../components/QueryState.js';
import { type Timeliness, useAlertTimeliness } from '../../data/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Row = Timeliness[number];

/** Alert timeliness per county and town: received, closed, closed after the deadline, open past it. */
export function TimelinessTab() {
  const { t } = useI18n();
  const timeliness = useAlertTimeliness();
  const red = (n: number) => (n > 0 ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{n}</span> : n);
  return (
    <QueryState
      query={timeliness}
      bare
      isEmpty={(rows) => rows.length === 0}
      empty={{ reason: t('timeliness.empty') }}
    >
      {(rows) => (
        <Table<Row>
          data-testid="timeliness-table"
          rowKey="townCode"
          size="middle"
          loading={timeliness.isFetching}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('timeliness.county'), dataIndex: 'countyName' },
            { title: t('timeliness.town'), dataIndex: 'townName' },
            { title: t('timeliness.received'), dataIndex: 'received', align: 'right' },
            { title: t('timeliness.closed'), dataIndex: 'closed', align: 'right' },
            { title: t('timeliness.closedLate'), dataIndex: 'closedLate', align: 'right', render: red },
            { title: t('timeliness.openOverdue'), dataIndex: 'openOverdue', align: 'right', render: red },
          ]}
          summary={(data) => {
            const sum = (k: 'received' | 'closed' | 'closedLate' | 'openOverdue') =>
              data.reduce((n, r) => n + r[k], 0);
            return data.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('common.all')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {sum('received')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {sum('closed')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {red(sum('closedLate'))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {red(sum('openOverdue'))}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null;
          }}
        />
      )}
    </QueryState>
  );
}
