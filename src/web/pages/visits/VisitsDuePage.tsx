import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useTableParams } from '../../components/UrlTable.js';
import { isNoStore, useVisitsDue, type VisitDueItem } from '../../data/visits.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useOffline } from '../../offline/useOffline.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { HouseholdTypeTag } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';

const FILTERS = ['regionCode', 'overdueOnly'] as const;

/** The visit plan: households due or overdue for a visit; a helper sees their own households. */
export function VisitsDuePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const table = useTableParams(FILTERS);
  const isHelper = me.role === 'helper';
  const canWrite = can('visit.write');
  const regionCode = table.filters.regionCode;
  const overdueOnly = table.filters.overdueOnly === 'true' ? 'true' : undefined;
  const offline = useOffline();
  // Offline (no answer from the server), a cadre's plan comes from the work set stored on the phone.
  const list = useVisitsDue(
    {
      regionCode,
      overdueOnly,
      helperUserId: isHelper && me.userId ? me.userId : undefined,
      page: table.page,
      pageSize: table.pageSize,
    },
    { fromStore: canWrite },
  );
  const fromStore = list.data?.savedAt ?? null;
  /** Households with a visit waiting in the outbox (待发送). */
  const pendingFor = new Set(
    offline.outbox.flatMap((i) => (i.payload.kind === 'visit' ? [i.payload.body.householdId] : [])),
  );
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
    current: table.page,
    pageSize: table.pageSize,
    total: list.data?.total ?? 0,
    showTotal: (count: number) => t('visits.total', { total: count }),
    onChange: (page: number, pageSize: number) => table.setPage(page, pageSize),
  };
  const emptyText = regionCode || overdueOnly ? t('visits.emptyFiltered') : t('visits.empty');

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
              value={regionCode}
              onChange={(code) => table.setFilters({ regionCode: code })}
              style={filterWidth(isMobile, 200)}
            />
          )}
          <Space>
            <Switch
              aria-label={t('visits.overdueOnly')}
              checked={overdueOnly === 'true'}
              onChange={(on) => table.setFilters({ overdueOnly: on ? 'true' : undefined })}
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
            {isNoStore(list.error) ? t('offline.noStore') : errorText(list.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : list.fetchStatus === 'paused' && !list.data ? (
          <Typography.Paragraph type="secondary">{t('data.paused')}</Typography.Paragraph>
        ) : null}
        {isMobile ? (
          <List<VisitDueItem>
            data-testid="visits-due"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText }}
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
            loading={list.isFetching}
            scroll={{ x: 880 }}
            locale={{ emptyText }}
            pagination={{ ...pagination, showSizeChanger: true }}
          />
        )}
      </Card>
    </>
  );
}
