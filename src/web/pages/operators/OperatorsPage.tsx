import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  LEAD_ENTERPRISE_LEVEL_LABELS,
  OPERATOR_STATUS_LABELS,
  OPERATOR_STATUSES,
  OPERATOR_TYPE_LABELS,
  OPERATOR_TYPES,
  type OperatorStatus,
  type OperatorType,
} from '../../../shared/operators.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type Operator, useOperators } from '../../data/operators.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { OperatorDrawer, WorkshopFlagTag } from './OperatorDrawer.js';
import { OperatorFormModal, type OperatorFormTarget } from './OperatorFormModal.js';

const FILTERS = ['q', 'operatorType', 'regionCode', 'status'] as const;
const STATUS_COLORS: Record<OperatorStatus, string> = {
  active: 'green',
  suspended: 'orange',
  closed: 'default',
};

/** 经营主体: the operators of the user's scope, registered once and read by employment, linkage and sales. */
export function OperatorsPage() {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const canWrite = can('operator.write');
  const table = useTableParams(FILTERS);
  const { filters } = table;
  const [keyword, setKeyword] = useState(filters.q ?? '');
  const [formTarget, setFormTarget] = useState<OperatorFormTarget | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  // The box follows the URL (back button, reset).
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);

  const operators = useOperators({
    page: table.page,
    pageSize: table.pageSize,
    q: filters.q,
    operatorType: OPERATOR_TYPES.find((type) => type === filters.operatorType),
    regionCode: filters.regionCode,
    status: OPERATOR_STATUSES.find((status) => status === filters.status),
  });

  const columns: TableProps<Operator>['columns'] = [
    {
      title: t('operators.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, o) => (
        <>
          <Typography.Link strong onClick={() => setOpenId(o.id)}>
            {name}
          </Typography.Link>
          {o.uscc ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
                {o.uscc}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('operators.type'),
      dataIndex: 'operatorType',
      width: 170,
      render: (type: OperatorType, o) => (
        <Flex wrap gap={4}>
          <span>{pick(OPERATOR_TYPE_LABELS[type])}</span>
          {o.leadLevel ? <Tag color="gold">{pick(LEAD_ENTERPRISE_LEVEL_LABELS[o.leadLevel])}</Tag> : null}
          <WorkshopFlagTag operator={o} />
        </Flex>
      ),
    },
    { title: t('operators.region'), dataIndex: 'regionName', width: 150 },
    {
      title: t('operators.legalPerson'),
      dataIndex: 'legalPerson',
      width: 140,
      render: (name: string | null, o) => (
        <>
          <div>{name ?? '—'}</div>
          {o.contactPhone ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.contactPhone}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: <Tooltip title={t('operators.workersHint')}>{t('operators.workers')}</Tooltip>,
      dataIndex: 'workersThisYear',
      width: 120,
      align: 'right',
    },
    {
      title: t('operators.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: OperatorStatus) => (
        <Tag color={STATUS_COLORS[status]}>{pick(OPERATOR_STATUS_LABELS[status])}</Tag>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('operators.actions'),
            key: 'actions',
            width: 90,
            fixed: isMobile ? undefined : ('right' as const),
            render: (_: unknown, o: Operator) => (
              <Button type="link" size="small" onClick={() => setFormTarget({ kind: 'edit', operator: o })}>
                {t('operators.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const filtered = Boolean(filters.q || filters.operatorType || filters.regionCode || filters.status);
  return (
    <>
      <PageHeader
        title={t('operators.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ kind: 'create' })}>
              {t('operators.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('operators.help')}</Typography.Paragraph>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Input.Search
            aria-label={t('operators.keyword')}
            placeholder={t('operators.keyword')}
            allowClear
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(value) => table.setFilters({ q: value.trim() || undefined })}
            style={filterWidth(isMobile, 240)}
            enterButton={t('common.search')}
            maxLength={40}
          />
          <Select<OperatorType>
            aria-label={t('operators.type')}
            placeholder={t('operators.type')}
            allowClear
            style={filterWidth(isMobile, 170)}
            value={OPERATOR_TYPES.find((type) => type === filters.operatorType)}
            onChange={(operatorType) => table.setFilters({ operatorType })}
            options={OPERATOR_TYPES.map((type) => ({ value: type, label: pick(OPERATOR_TYPE_LABELS[type]) }))}
          />
          <RegionPicker
            aria-label={t('operators.region')}
            placeholder={t('operators.region')}
            value={filters.regionCode}
            onChange={(regionCode) => table.setFilters({ regionCode })}
            style={filterWidth(isMobile, 200)}
          />
          <Select<OperatorStatus>
            aria-label={t('operators.status')}
            placeholder={t('operators.status')}
            allowClear
            style={filterWidth(isMobile, 120)}
            value={OPERATOR_STATUSES.find((status) => status === filters.status)}
            onChange={(status) => table.setFilters({ status })}
            options={OPERATOR_STATUSES.map((status) => ({
              value: status,
              label: pick(OPERATOR_STATUS_LABELS[status]),
            }))}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setKeyword('');
              table.reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable<Operator, (typeof FILTERS)[number]>
          data-testid="operators-table"
          rowKey="id"
          size="middle"
          columns={columns}
          query={operators}
          params={table}
          emptyText={
            filtered
              ? t('operators.emptyFiltered')
              : canWrite
                ? t('operators.empty')
                : t('operators.emptyReadOnly')
          }
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <OperatorFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <OperatorDrawer operatorId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
