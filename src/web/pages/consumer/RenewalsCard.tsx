import { Card, Table, Typography } from 'antd';
import { QueryError } from '../../components/QueryState.js';
import { type Renewal, useRenewals } from '../../data/consumer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ValidityTag } from './consumer-rules.js';

/** 到期复审: certified products whose validity ends within the county's window, and those already expired. */
export function RenewalsCard({
  regionCode,
  onOpen,
}: {
  regionCode?: string | undefined;
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  const renewals = useRenewals(regionCode);
  return (
    <Card title={t('consumer.renewals')} size="small">
      <QueryError query={renewals} />
      <Table<Renewal>
        data-testid="consumer-renewals"
        size="small"
        rowKey="id"
        loading={renewals.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={renewals.data?.items ?? []}
        locale={{ emptyText: t('consumer.renewalsEmpty') }}
        columns={[
          {
            title: t('consumer.productName'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Typography.Link onClick={() => onOpen(p.id)}>{name}</Typography.Link>
            ),
          },
          { title: t('consumer.producer'), dataIndex: 'operatorName' },
          { title: t('consumer.validTo'), dataIndex: 'validTo', width: 100 },
          {
            title: t('consumer.validity'),
            key: 'state',
            width: 150,
            render: (_, p) => (
              <>
                <ValidityTag validity={p.validity} />
                {p.daysLeft >= 0
                  ? t('consumer.daysLeft', { n: p.daysLeft })
                  : t('consumer.daysAgo', { n: -p.daysLeft })}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
