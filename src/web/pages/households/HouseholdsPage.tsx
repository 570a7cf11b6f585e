import {
  AlertOutlined,
  DownloadOutlined,
  PlusOutlined,
  ReloadOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Select, Space, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { householdExportUrl } from '../../data/household-transfer.js';
import { type HouseholdListItem, type HouseholdSearch, useHouseholds } from '../../data/households.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { canOpen } from '../../routes.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { HouseholdTypeTag } from './codes.js';
import { HouseholdCreateModal } from './HouseholdCreateModal.js';
import { HouseholdImportModal } from './HouseholdImportModal.js';

const FLAGS = ['open_lead', 'housing', 'water', 'medical_spending'] as const;
type Flag = (typeof FLAGS)[number];

export function HouseholdsPage() {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  // The search lives in the URL, so going back from a household returns to the same list.
  const table = useTableParams(['regionCode', 'type', 'headName', 'idNumber', 'flag'] as const);
  const { filters } = table;
  const query: HouseholdSearch = {
    page: table.page,
    pageSize: table.pageSize,
    regionCode: filters.regionCode,
    type: HOUSEHOLD_TYPES.find((type) => type === filters.type),
    headName: filters.headName,
    idNumber: filters.idNumber,
    flag: FLAGS.find((flag) => flag === filters.flag),
  };
  // The export holds what the list shows: the same search, without the page.
  const { page: _page, pageSize: _pageSize, ...listSearch } = query;
  const [headName, setHeadName] = useState(query.headName ?? '');
  const [idNumber, setIdNumber] = useState(query.idNumber ?? '');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const list = useHouseholds(query);
  const search = () =>
    table.setFilters({
      headName: headName.trim() || undefined,
      // People type ID numbers in groups; the server cleans them too.
      idNumber: idNumber.replace(/\s+/g, '') || undefined,
    });

  const columns: TableProps<HouseholdListItem>['columns'] = [
    {
      title: t('hh.householdNo'),
      dataIndex: 'householdNo',
      width: 190,
      render: (no: string | null, row) => (
        <Link to={`/households/${row.id}`} style={{ fontFamily: 'monospace' }}>
          {no ?? `#${row.id}`}
        </Link>
      ),
    },
    {
      title: t('hh.head'),
      dataIndex: 'headName',
      width: 110,
      render: (name: string, row) => (
        <Link to={`/households/${row.id}`}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('hh.type'),
      dataIndex: 'householdType',
      width: 130,
      render: (type: HouseholdType) => <HouseholdTypeTag type={type} />,
    },
    { title: t('hh.memberCount'), dataIndex: 'memberCount', width: 70, align: 'right' },
    {
      title: t('hh.townVillage'),
      key: 'place',
      width: 200,
      render: (_, row) => `${row.townName} / ${row.villageName}`,
    },
    {
      title: t('hh.lead'),
      dataIndex: 'hasOpenLead',
      width: 100,
      render: (hasLead: boolean) =>
        hasLead ? (
          <Badge status="error" text={t('hh.hasLead')} />
        ) : (
          <Typography.Text type="secondary">{t('hh.noLead')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/households/${row.id}`)}>
          {t('hh.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('hh.title')}
        extra={
          <Space wrap>
            {canOpen('/households/screening', can) ? (
              <Button icon={<AlertOutlined />} onClick={() => navigate('/households/screening')}>
                {t('hh.screening')}
              </Button>
            ) : null}
            {can('household.export') ? (
              <Button
                icon={<DownloadOutlined />}
                href={householdExportUrl({ ...listSearch, format: 'xlsx' })}
                data-testid="household-export"
              >
                {t('hhImport.export')}
              </Button>
            ) : null}
            {can('household.import') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('hhImport.open')}
              </Button>
            ) : null}
            {can('household.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('hh.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <RegionPicker
            aria-label={t('hh.region')}
            placeholder={t('hh.region')}
            value={query.regionCode}
            onChange={(regionCode) => table.setFilters({ regionCode })}
            style={filterWidth(isMobile, 170)}
          />
          <Select<HouseholdType>
            aria-label={t('hh.type')}
            placeholder={t('hh.type')}
            allowClear
            value={query.type}
            onChange={(type) => table.setFilters({ type: type ?? undefined })}
            style={filterWidth(isMobile, 130)}
            options={HOUSEHOLD_TYPES.map((type) => ({
              value: type,
              label: pick(HOUSEHOLD_TYPE_LABELS[type]),
            }))}
          />
          <Input
            aria-label={t('hh.headName')}
            placeholder={t('hh.headName')}
            allowClear
            value={headName}
            onChange={(e) => setHeadName(e.target.value)}
            onPressEnter={search}
            style={filterWidth(isMobile, 120)}
            maxLength={20}
          />
          <Input
            aria-label={t('hh.idNumber')}
            placeholder={t('hh.idNumberPlaceholder')}
            allowClear
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            onPressEnter={search}
            style={filterWidth(isMobile, 200)}
            maxLength={30}
            autoComplete="off"
          />
          <Select<Flag>
            aria-label={t('hh.flag')}
            placeholder={t('hh.flag')}
            allowClear
            value={query.flag}
            onChange={(flag) => table.setFilters({ flag: flag ?? undefined })}
            style={filterWidth(isMobile, 140)}
            options={FLAGS.map((flag) => ({ value: flag, label: t(`hh.flag.${flag}`) }))}
          />
          <Button type="primary" icon={<SearchOutlined />} onClick={search}>
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setHeadName('');
              setIdNumber('');
              table.reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable
          data-testid="households-table"
          query={list}
          params={table}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 880 }}
          onRow={(row) => ({
            onDoubleClick: () => navigate(`/households/${row.id}`),
          })}
          emptyText={Object.keys(filters).length > 0 ? t('hh.emptyFiltered') : t('hh.empty')}
          totalText={(count) =>
            list.data?.isTotalCapped ? t('hh.totalCapped') : t('hh.total', { total: count })
          }
        />
      </Card>
      <HouseholdCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/households/${id}`);
        }}
      />
      <HouseholdImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
