import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { shanghaiToday } from '../../../shared/calendar.js';
import { ApiError } from '../../api/client.js';
import { visitApi } from '../../api/endpoints.js';
import type { VisitDueItem, VisitDueSearch } from '../../api/types.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { getMeta, listHouseholds } from '../../offline/db.js';
import { dueListFrom } from '../../offline/offline-due.js';
import { useOffline } from '../../offline/useOffline.js';
import { errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { HouseholdTypeTag } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';

/** The visit plan: households due or overdue for a visit; a helper sees their own households. */
export function VisitsDuePage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isHelper = me.role === 'helper';
  const canWrite = can('visit.write');
  const query: VisitDueSearch = {
    regionCode: params.get('regionCode') ?? undefined,
    overdueOnly: params.get('overdueOnly') === 'true' ? 'true' : undefined,
    helperUserId: isHelper && me.userId ? me.userId : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const offline = useOffline();
  // Offline (no answer from the server), the plan comes from the work set stored on the phone.
  const [fromStore, setFromStore] = useState<string | null>(null);
  const list = useRemote(
    async () => {
      try {
        const answer = await visitApi.due(query);
        setFromStore(null);
        return answer;
      } catch (cause) {
        if (!(cause instanceof ApiError && cause.status === 0) || !canWrite) {
          throw cause;
        }
        const [households, savedAt] = await Promise.all([listHouseholds(), getMeta<string>('savedAt')]);
        if (!savedAt) {
          throw new ApiError(0, 'NETWORK', t('offline.noStore'), undefined, null);
        }
        setFromStore(savedAt);
        return dueListFrom(households, query, shanghaiToday());
      }
    },
    // Reloaded when the phone goes on or offline, and when the outbox drains (sent visits move due dates).
    `${JSON.stringify(query)}|${offline.online}|${offline.outbox.length}`,
  );
  /** Households with a visit waiting in the outbox (待发送). */
  const pendingFor = new Set(
    offline.outbox.flatMap((i) => (i.payload.kind === 'visit' ? [i.payload.body.householdId] : [])),
  );
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    for (const [key, value] of Object.entries(patch)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  const record = (householdId: number) => navigate(`/visits/new?householdId=${householdId}`);

  const due = (row: VisitDueItem) => (
    <Space size={4} wrap>
      <Typography.Text type={row.isOverdue ? 'danger' : undefined}>{row.dueOn}</Typography.Text>
      {row.isOverdue ? <Tag color="red">{t('visits.overdue')}</Tag> : null}
      {pendingFor.has(row.householdId) ? <Tag color="orange">{t('offline.pending')}</Tag> : null}
    </Space>
  );

  const columns: TableProps<VisitDueItem>['columns'] = [
    {
      title: t('common.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => <Link to={`/households/${row.householdId}`}>{name}</Link>,
    },
    {
      title: t('hh.type'),
      dataIndex: 'householdType',
      width: 120,
      render: (type: VisitDueItem['householdType']) => <HouseholdTypeTag type={type} />,
    },
    { title: t('common.village'), dataIndex: 'regionName', width: 150 },
    {
      title: t('visits.cadence'),
      dataIndex: 'cadenceMonths',
      width: 110,
      render: (months: number) => t('visits.cadenceMonths', { months }),
    },
    {
      title: t('visits.lastVisited'),
      dataIndex: 'lastVisitedOn',
      width: 120,
      render: (on: string | null) =>
        on ?? <Typography.Text type="secondary">{t('visits.never')}</Typography.Text>,
    },
    { title: t('visits.dueOn'), dataIndex: 'dueOn', width: 160, render: (_, row) => due(row) },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, row: VisitDueItem) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => record(row.householdId)}
              >
                {t('visits.record')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const pagination = {
    current: query.page,
    pageSize: query.pageSize,
    total: list.data?.total ?? 0,
    showTotal: (count: number) => t('visits.total', { total: count }),
    onChange: (page: number, pageSize: number) => update({ page: String(page), pageSize: String(pageSize) }),
  };

  return (
    <>
      <PageHeader
        title={isHelper ? t('visits.mine') : t('visits.due')}
        extra={
          list.data ? (
            <Typography.Text type="secondary">{t('visits.today', { date: list.data.today })}</Typography.Text>
          ) : null
        }
      />
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
          {isHelper ? null : (
            <RegionPicker
              aria-label={t('common.region')}
              placeholder={t('common.region')}
              value={query.regionCode}
              onChange={(regionCode) => update({ regionCode })}
              style={filterWidth(isMobile, 200)}
            />
          )}
          <Space>
            <Switch
              aria-label={t('visits.overdueOnly')}
              checked={query.overdueOnly === 'true'}
              onChange={(on) => update({ overdueOnly: on ? 'true' : undefined })}
            />
            {t('visits.overdueOnly')}
          </Space>
        </Flex>
        {fromStore ? (
          <Typography.Paragraph type="warning" data-testid="due-from-store">
            {t('offline.fromStore', { time: new Date(fromStore).toLocaleString() })}
          </Typography.Paragraph>
        ) : null}
        {list.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(list.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        {isMobile ? (
          <List<VisitDueItem>
            data-testid="visits-due"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('visits.empty') }}
            pagination={{ ...pagination, simple: true, align: 'center' }}
            renderItem={(row) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Space size={6} wrap>
                      <Link to={`/households/${row.householdId}`}>
                        <Typography.Text strong style={{ fontSize: 16 }}>
                          {row.headName}
                        </Typography.Text>
                      </Link>
                      <HouseholdTypeTag type={row.householdType} />
                    </Space>
                    <Space size={4}>
                      {pendingFor.has(row.householdId) ? (
                        <Tag color="orange" data-testid="visit-pending">
                          {t('offline.pending')}
                        </Tag>
                      ) : null}
                      {row.isOverdue ? <Tag color="red">{t('visits.overdue')}</Tag> : null}
                    </Space>
                  </Flex>
                  <Typography.Text type="secondary">{row.regionName}</Typography.Text>
                  <Typography.Text>
                    {t('visits.dueOn')} {row.dueOn} · {t('visits.lastVisited')}{' '}
                    {row.lastVisitedOn ?? t('visits.never')}
                  </Typography.Text>
                  {canWrite ? (
                    <Button
                      type="primary"
                      size="large"
                      block
                      icon={<EditOutlined />}
                      onClick={() => record(row.householdId)}
                      style={{ minHeight: 48 }}
                    >
                      {t('visits.record')}
                    </Button>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<VisitDueItem>
            data-testid="visits-due"
            rowKey="householdId"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={{ x: 880 }}
            locale={{ emptyText: t('visits.empty') }}
            pagination={{ ...pagination, showSizeChanger: true }}
          />
        )}
      </Card>
    </>
  );
}
