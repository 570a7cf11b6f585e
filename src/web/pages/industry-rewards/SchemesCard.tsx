import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { HOUSEHOLD_TYPE_LABELS } from '../../../shared/household-codes.js';
import { SCHEME_UNIT_LABELS } from '../../../shared/industry-rewards.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import { type Scheme, useUpdateScheme } from '../../data/industry-rewards.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { percentText } from './claim-rules.js';
import { SchemeFormModal, type SchemeFormTarget } from './SchemeFormModal.js';

/** 奖补项目: the counties' schemes of the year, what each pays and how much has gone out; the county sets them. */
export function SchemesCard({
  year,
  schemes,
}: {
  year: number;
  schemes: UseQueryResult<{ items: Scheme[] }>;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canConfigure = can('industry.configure');
  const isMobile = useIsMobile();
  const items = schemes.data?.items ?? [];
  const [target, setTarget] = useState<SchemeFormTarget | null>(null);
  const update = useUpdateScheme();

  /** Closes or reopens a scheme with its other terms unchanged. */
  const setStatus = async (s: Scheme, status: 'open' | 'closed') => {
    try {
      await update.mutateAsync({
        id: s.id,
        body: {
          year: s.year,
          item: s.item,
          unit: s.unit,
          ratePercent: s.ratePercent,
          unitCap: s.unitCap,
          householdCap: s.householdCap,
          eligibleTypes: s.eligibleTypes,
          windowStart: s.windowStart,
          windowEnd: s.windowEnd,
          projectId: s.projectId,
          version: s.version,
          status,
        },
      });
      void message.success(status === 'closed' ? t('industry.schemeClosed') : t('industry.schemeReopened'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const columns: TableProps<Scheme>['columns'] = [
    {
      title: t('industry.item'),
      dataIndex: 'item',
      width: 150,
      fixed: isMobile ? undefined : 'left',
      render: (item: string, s) => (
        <>
          <Typography.Text strong>{item}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.countyName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('industry.unit'),
      dataIndex: 'unit',
      width: 80,
      render: (u: Scheme['unit']) => pick(SCHEME_UNIT_LABELS[u]),
    },
    {
      title: t('industry.ratePercent'),
      dataIndex: 'ratePercent',
      width: 90,
      align: 'right',
      render: (r: string) => `${percentText(r)}%`,
    },
    {
      title: t('industry.unitCap'),
      dataIndex: 'unitCap',
      width: 110,
      align: 'right',
      render: (cap: string | null, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {cap === null ? t('industry.noUnitCap') : `${cap}/${pick(SCHEME_UNIT_LABELS[s.unit])}`}
        </span>
      ),
    },
    { title: t('industry.householdCap'), dataIndex: 'householdCap', width: 110, align: 'right' },
    {
      title: t('industry.eligibleTypes'),
      dataIndex: 'eligibleTypes',
      width: 130,
      render: (types: Scheme['eligibleTypes']) =>
        types.map((type) => pick(HOUSEHOLD_TYPE_LABELS[type])).join('、'),
    },
    {
      title: t('industry.window'),
      key: 'window',
      width: 120,
      render: (_, s) => (
        <>
          <div>{s.windowStart}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ~ {s.windowEnd}
          </Typography.Text>
        </>
      ),
    },
    // Only when a scheme names its funding project: a column of dashes says nothing.
    ...(items.some((s) => s.projectName)
      ? [
          {
            title: t('industry.project'),
            dataIndex: 'projectName',
            width: 160,
            render: (n: string | null) => n ?? '—',
          },
        ]
      : []),
    {
      title: t('industry.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Scheme['status']) =>
        status === 'open' ? (
          <Tag color="green">{t('industry.statusOpen')}</Tag>
        ) : (
          <Tag>{t('industry.statusClosed')}</Tag>
        ),
    },
    { title: t('industry.liveClaims'), dataIndex: 'claims', width: 90, align: 'right' },
    { title: t('industry.paidTotal'), dataIndex: 'paidTotal', width: 120, align: 'right' },
    ...(canConfigure
      ? [
          {
            key: 'actions',
            width: 140,
            render: (_: unknown, s: Scheme) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setTarget({ kind: 'edit', scheme: s })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={s.status === 'open' ? t('industry.closeConfirm') : t('industry.reopenConfirm')}
                  onConfirm={() => setStatus(s, s.status === 'open' ? 'closed' : 'open')}
                >
                  <Button size="small" type="link" danger={s.status === 'open'}>
                    {s.status === 'open' ? t('industry.closeScheme') : t('industry.reopenScheme')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('industry.schemes', { year })}
      extra={
        canConfigure ? (
          <Button icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'create', year })}>
            {t('industry.createScheme')}
          </Button>
        ) : null
      }
    >
      <QueryError query={schemes} />
      <Table<Scheme>
        data-testid="industry-schemes"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={schemes.isFetching}
        pagination={false}
        locale={{
          emptyText: schemes.isError ? (
            ' '
          ) : (
            <Empty
              description={
                canConfigure
                  ? t('industry.schemesEmptyCounty', { year })
                  : t('industry.schemesEmpty', { year })
              }
            />
          ),
        }}
        scroll={{ x: 'max-content' }}
      />
      <SchemeFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
