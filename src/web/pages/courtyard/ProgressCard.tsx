import { Card, Progress, Table, Tag } from 'antd';
import { QueryState } from '../../components/QueryState.js';
import { type CourtyardProgress, useCourtyardProgress } from '../../data/courtyard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';

type Row = CourtyardProgress['items'][number];

/** The county check: villages named ÷ target, full villages, households per village, mean courtyard income. */
export function ProgressCard({ year }: { year: number }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const progress = useCourtyardProgress(year);
  return (
    <Card title={t('courtyard.progress', { year })} data-testid="courtyard-progress">
      <QueryState
        bare
        query={progress}
        isEmpty={(d) => d.items.length === 0}
        empty={{ reason: t('courtyard.progressEmpty') }}
      >
        {(d) => (
          <Table<Row>
            rowKey="countyCode"
            size="small"
            pagination={false}
            dataSource={d.items}
            scroll={{ x: isMobile ? 560 : undefined }}
            columns={[
              {
                title: t('courtyard.county'),
                dataIndex: 'countyName',
                render: (name: string, r) => (
                  <>
                    {name} {r.bound ? <Tag color="orange">{t('courtyard.bound')}</Tag> : null}
                  </>
                ),
              },
              {
                title: t('courtyard.namedVillages'),
                key: 'villages',
                width: 200,
                render: (_: unknown, r) => (
                  <Progress
                    size="small"
                    percent={
                      r.targetVillages === 0 ? 100 : Math.min(100, (r.namedVillages * 100) / r.targetVillages)
                    }
                    format={() => `${r.namedVillages}/${r.targetVillages}`}
                    status={r.met ? 'success' : 'normal'}
                  />
                ),
              },
              {
                title: t('courtyard.fullVillages', { n: d.items[0]?.targetHouseholds ?? 10 }),
                dataIndex: 'fullVillages',
                align: 'right',
              },
              { title: t('courtyard.namedHouseholds'), dataIndex: 'namedHouseholds', align: 'right' },
              { title: t('courtyard.perVillage'), dataIndex: 'householdsPerVillage', align: 'right' },
              { title: t('courtyard.averageIncome'), dataIndex: 'averageIncome', align: 'right' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
