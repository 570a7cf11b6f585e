import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { leadApi } from '../../api/endpoints.js';
import type { LeadItem, LeadSearch } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LEAD_SOURCE_LABELS } from '../../i18n/messages.js';
import { errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { reasonLabel } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';
import { DueDate, LEAD_STATUS_COLORS, sourceLabel } from './codes.js';
import { LeadDrawer } from './LeadDrawer.js';
import { LeadReportModal } from './LeadReportModal.js';

const STATUSES = ['open', 'closed', 'case_opened'] as const;
type Status = (typeof STATUSES)[number];
type Source = NonNullable<LeadSearch['source']>;
const SOURCES = Object.keys(LEAD_SOURCE_LABELS) as Source[];

/** The filters live in the URL; the status is 待核实 unless another is chosen ("all" clears it). */
function readQuery(params: URLSearchParams): LeadSearch {
  const status = params.get('status') ?? 'open';
  const source = params.get('source');
  return {
    status: STATUSES.includes(status as Status) ? (status as Status) : undefined,
    source: SOURCES.includes(source as Source) ? (source as Source) : undefined,
    regionCode: params.get('regionCode') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
}

function writeQuery(query: LeadSearch): URLSearchParams {
  const params = new URLSearchParams();
  params.set('status', query.status ?? 'all');
  for (const key of ['source', 'regionCode', 'overdue'] as const) {
    if (query[key]) {
      params.set(key, String(query[key]));
    }
  }
  if (query.page > 1) {
    params.set('page', String(query.page));
  }
  if (query.pageSize !== 20) {
    params.set('pageSize', String(query.pageSize));
  }
  if (params.get('status') === 'open') {
    params.delete('status');
  }
  return params;
}

export function LeadsPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reporting, setReporting] = useState(false);
  const list = useRemote(() => leadApi.search(query), JSON.stringify(query));
  const update = (patch: Partial<LeadSearch>) => setParams(writeQuery({ ...query, page: 1, ...patch }));

  const columns: TableProps<LeadItem>['columns'] = [
    {
      title: t('common.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpenId(row.id)}>
          <Typography.Text strong>{name}</Typography.Text>
        </Button>
      ),
    },
    { title: t('common.village'), dataIndex: 'regionName', width: 150 },
    {
      title: t('leads.source'),
      dataIndex: 'source',
      width: 120,
      render: (source: string, row) => (
        <Space size={4}>
          {sourceLabel(pick, source)}
          {row.signalCount > 1 ? <Tag>{t('leads.signalCount', { count: row.signalCount })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('leads.reasons'),
      dataIndex: 'reasons',
      render: (reasons: string[]) => (
        <Space size={[4, 4]} wrap>
          {reasons.map((r) => (
            <Tag key={r} color="orange" style={{ marginInlineEnd: 0 }}>
              {reasonLabel(pick, r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('leads.foundOn'), dataIndex: 'foundOn', width: 110 },
    {
      title: t('leads.dueOn'),
      dataIndex: 'dueOn',
      width: 170,
      render: (dueOn: string, row) =>
        row.status === 'open' ? <DueDate dueOn={dueOn} isLate={row.isLate} /> : dueOn,
    },
    {
      title: t('leads.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: Status) => <Tag color={LEAD_STATUS_COLORS[status]}>{t(`leads.status.${status}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
            {t('common.view')}
          </Button>
          <Link to={`/households/${row.householdId}`}>{t('case.household')}</Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        extra={
          can('lead.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
              {t('leads.report')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
          <Select<Status | 'all'>
            aria-label={t('leads.status')}
            value={query.status ?? 'all'}
            onChange={(status) => update({ status: status === 'all' ? undefined : status })}
            style={filterWidth(isMobile, 130)}
            options={[
              { value: 'all', label: t('common.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) })),
            ]}
          />
          <Select<Source>
            aria-label={t('leads.source')}
            placeholder={t('leads.source')}
            allowClear
            value={query.source}
            onChange={(source) => update({ source: source ?? undefined })}
            style={filterWidth(isMobile, 140)}
            options={SOURCES.map((s) => ({ value: s, label: sourceLabel(pick, s) }))}
          />
          <RegionPicker
            aria-label={t('common.region')}
            placeholder={t('common.region')}
            value={query.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 170)}
          />
          <Space>
            <Switch
              aria-label={t('leads.overdueOnly')}
              checked={query.overdue === 'true'}
              onChange={(on) => update({ overdue: on ? 'true' : undefined })}
            />
            {t('leads.overdueOnly')}
          </Space>
          <Button icon={<ReloadOutlined />} onClick={() => setParams(new URLSearchParams())}>
            {t('common.reset')}
          </Button>
        </Flex>
        {list.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(list.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        <Table<LeadItem>
          data-testid="leads-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('leads.empty') }}
          onRow={(row) => ({ onDoubleClick: () => setOpenId(row.id) })}
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
      <LeadDrawer leadId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      <LeadReportModal
        open={reporting}
        onClose={() => setReporting(false)}
        onReported={(id) => {
          setReporting(false);
          list.reload();
          setOpenId(id);
        }}
      />
    </>
  );
}
