import { ReloadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Flex, Input, Select, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { RegionPicker } from '../../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../../components/UrlTable.js';
import { type AuditEntry, useAuditActions, useAuditEntries } from '../../../data/audit.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ACTION_LABELS, ENTITY_LABELS } from '../../../i18n/messages.js';
import { filterWidth, useIsMobile } from '../../../util/useIsMobile.js';
import { PageHeader } from '../../PageHeader.js';
import { AuditDiff } from './AuditDiff.js';

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'regionCode', 'from', 'to'] as const;

const ACTION_COLORS: Record<string, string> = {
  'auth.login_failed': 'red',
  'user.disable': 'volcano',
  'user.reset_password': 'orange',
  'user.create': 'green',
  'user.enable': 'green',
  'user.update': 'blue',
};

export function AuditPage() {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const table = useTableParams(FILTERS);
  const { filters } = table;
  // The text boxes are typed into and applied with Enter or 查询; they follow the URL (back button, reset).
  const [actor, setActor] = useState(filters.actor ?? '');
  const [entityId, setEntityId] = useState(filters.entityId ?? '');
  const [entityType, setEntityType] = useState(filters.entityType ?? '');
  useEffect(() => setActor(filters.actor ?? ''), [filters.actor]);
  useEffect(() => setEntityId(filters.entityId ?? ''), [filters.entityId]);
  useEffect(() => setEntityType(filters.entityType ?? ''), [filters.entityType]);

  const entries = useAuditEntries({ page: table.page, pageSize: table.pageSize, ...filters });
  const actions = useAuditActions();

  const update = table.setFilters;
  const actionLabel = (action: string) => {
    const label = ACTION_LABELS[action];
    return label ? pick(label) : action;
  };
  const entityLabel = (type: string) => {
    const label = ENTITY_LABELS[type];
    return label ? pick(label) : type;
  };

  const applyText = () =>
    update({
      actor: actor.trim() || undefined,
      entityType: entityType.trim() || undefined,
      entityId: entityId.trim() || undefined,
    });

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 160,
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action]} title={action}>
          {actionLabel(action)}
        </Tag>
      ),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 100,
      render: (type: string) => entityLabel(type),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 100,
      render: (id: string | null) => id ?? t('common.none'),
    },
    {
      title: t('audit.region'),
      dataIndex: 'regionName',
      width: 140,
      render: (name: string | null, entry: AuditEntry) => name ?? entry.regionCode ?? t('common.none'),
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      render: (ip: string | null) => ip ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Input
            aria-label={t('audit.actor')}
            placeholder={t('audit.actor')}
            allowClear
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            onPressEnter={applyText}
            style={filterWidth(isMobile, 150)}
          />
          <Select<string>
            aria-label={t('audit.action')}
            placeholder={t('audit.action')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={filterWidth(isMobile, 170)}
            value={filters.action}
            onChange={(action) => update({ action: action ?? undefined })}
            options={(actions.data ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
          />
          <AutoComplete
            aria-label={t('audit.entityType')}
            placeholder={t('audit.entityType')}
            allowClear
            value={entityType}
            onChange={(value: string) => setEntityType(value ?? '')}
            onSelect={(value: string) => update({ entityType: value })}
            options={Object.keys(ENTITY_LABELS).map((type) => ({
              value: type,
              label: `${entityLabel(type)} (${type})`,
            }))}
            style={filterWidth(isMobile, 150)}
          />
          <Input
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            allowClear
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
            onPressEnter={applyText}
            style={filterWidth(isMobile, 120)}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.range')}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(next) =>
              update({ from: next?.[0]?.format() ?? undefined, to: next?.[1]?.format() ?? undefined })
            }
            style={filterWidth(isMobile, 340)}
          />
          <RegionPicker
            aria-label={t('audit.region')}
            placeholder={t('audit.region')}
            value={filters.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 200)}
          />
          <Button type="primary" onClick={applyText}>
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              table.reset();
              void entries.refetch();
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable<AuditEntry, (typeof FILTERS)[number]>
          data-testid="audit-table"
          query={entries}
          params={table}
          emptyText={t(Object.keys(filters).length > 0 ? 'audit.emptyFiltered' : 'audit.empty')}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 940 }}
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
        />
      </Card>
    </>
  );
}
