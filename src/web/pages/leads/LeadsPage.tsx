import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Switch, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type LeadItem, type LeadSearch, useLeads } from '../../data/leads.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LEAD_SOURCE_LABELS } from '../../i18n/messages.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { DueDate, LEAD_STATUS_COLORS, sourceLabel } from '../cases/codes.js';
import { reasonLabel } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';
import { LeadDrawer } from './LeadDrawer.js';
import { LeadReportModal } from './LeadReportModal.js';

const STATUSES = ['open', 'closed', 'case_opened'] as const;
type Status = (typeof STATUSES)[number];
type Source = NonNullable<LeadSearch['source']>;
const SOURCES = Object.keys(LEAD_SOURCE_LABELS) as Source[];
const FILTERS = ['status', 'source', 'regionCode', 'overdue'] as const;

export function LeadsPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const table = useTableParams(FILTERS);
  // The status is 待核实 unless another is chosen ("all" is kept in the URL to tell it from the default).
  const statusParam = table.filters.status ?? 'open';
  const status = STATUSES.find((s) => s === statusParam);
  const source = SOURCES.find((s) => s === table.filters.source);
  const regionCode = table.filters.regionCode;
  const overdue = table.filters.overdue === 'true' ? 'true' : undefined;
  const [openId, setOpenId] = useState<number | null>(null);
  const [reporting, setReporting] = useState(false);
  const list = useLeads({ status, source, regionCode, overdue, page: table.page, pageSize: table.pageSize });
  const filtered = status !== 'open' || source || regionCode || overdue;

  const columns: TableProps<LeadItem>['columns'] = [
    {
      title: t('common.head'),
      dataIndex: 'headName',
      width: isMobile ? 60 : 100,
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
      render: (value: string, row) => (
        <Space size={4}>
          {sourceLabel(pick, value)}
          {row.signalCount > 1 ? <Tag>{t('leads.signalCount', { count: row.signalCount })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('leads.reasons'),
      dataIndex: 'reasons',
      ...(isMobile ? { width: 100 } : {}),
      render: (reasons: string[]) => (
        <Space size={[4, 4]} wrap>
          {reasons.map((r) => (
            // A long reason (住房安全有问题（C/D级危房或无房）) wraps rather than widening the row.
            <Tag key={r} color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
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
      width: isMobile ? 96 : 170,
      render: (dueOn: string, row) =>
        row.status === 'open' ? <DueDate dueOn={dueOn} isLate={row.isLate} /> : dueOn,
    },
    {
      title: t('leads.status'),
      dataIndex: 'status',
      width: 110,
      render: (value: Status) => <Tag color={LEAD_STATUS_COLORS[value]}>{t(`leads.status.${value}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: isMobile ? 56 : 120,
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
            {t('common.view')}
          </Button>
          {isMobile ? null : <Link to={`/households/${row.householdId}`}>{t('case.household')}</Link>}
        </Space>
      ),
    },
  ];
  // On a phone the list keeps what a cadre decides on (who, why, by when) and 查看 stays on screen.
  const PHONE_HIDDEN = new Set(['regionName', 'source', 'foundOn', 'status']);
  const shown = isMobile
    ? columns.filter((c) => !('dataIndex' in c && PHONE_HIDDEN.has(String(c.dataIndex))))
    : columns;

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
            value={status ?? 'all'}
            onChange={(next) => table.setFilters({ status: next === 'open' ? undefined : next })}
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
            value={source}
            onChange={(next) => table.setFilters({ source: next ?? undefined })}
            style={filterWidth(isMobile, 140)}
            options={SOURCES.map((s) => ({ value: s, label: sourceLabel(pick, s) }))}
          />
          <RegionPicker
            aria-label={t('common.region')}
            placeholder={t('common.region')}
            value={regionCode}
            onChange={(code) => table.setFilters({ regionCode: code })}
            style={filterWidth(isMobile, 170)}
          />
          <Space>
            <Switch
              aria-label={t('leads.overdueOnly')}
              checked={overdue === 'true'}
              onChange={(on) => table.setFilters({ overdue: on ? 'true' : undefined })}
            />
            {t('leads.overdueOnly')}
          </Space>
          <Button icon={<ReloadOutlined />} onClick={table.reset}>
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable<LeadItem, (typeof FILTERS)[number]>
          data-testid="leads-table"
          query={list}
          params={table}
          rowKey="id"
          size="middle"
          columns={shown}
          // On a phone the table scrolls inside its card, never the page; 查看 is fixed on the right.
          scroll={{ x: isMobile ? 'max-content' : 1000 }}
          emptyText={filtered ? t('leads.emptyFiltered') : t('leads.empty')}
          onRow={(row) => ({ onDoubleClick: () => setOpenId(row.id) })}
        />
      </Card>
      <LeadDrawer leadId={openId} onClose={() => setOpenId(null)} />
      <LeadReportModal
        open={reporting}
        onClose={() => setReporting(false)}
        onReported={(id) => {
          setReporting(false);
          setOpenId(id);
        }}
      />
    </>
  );
}
