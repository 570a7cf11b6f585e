import { AlertOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Select, Space, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import { householdApi } from '../../api/endpoints.js';
import type { HouseholdListItem, HouseholdSearch } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';
import { HouseholdTypeTag } from './codes.js';
import { HouseholdCreateModal } from './HouseholdCreateModal.js';

const FLAGS = ['open_lead', 'housing', 'water', 'medical_spending'] as const;
type Flag = (typeof FLAGS)[number];

/** The search lives in the URL, so going back from a household returns to the same list. */
function readQuery(params: URLSearchParams): HouseholdSearch {
  const type = params.get('type');
  const flag = params.get('flag');
  return {
    regionCode: params.get('regionCode') ?? undefined,
    type: HOUSEHOLD_TYPES.includes(type as HouseholdType) ? (type as HouseholdType) : undefined,
    headName: params.get('headName') ?? undefined,
    idNumber: params.get('idNumber') ?? undefined,
    flag: FLAGS.includes(flag as Flag) ? (flag as Flag) : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
}

function writeQuery(query: HouseholdSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) {
      params.set(key, String(value));
    }
  }
  if (query.pageSize === 20) {
    params.delete('pageSize');
  }
  return params;
}

export function HouseholdsPage() {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [headName, setHeadName] = useState(query.headName ?? '');
  const [idNumber, setIdNumber] = useState(query.idNumber ?? '');
  const [creating, setCreating] = useState(false);

  const list = useRemote(() => householdApi.search(query), JSON.stringify(query));
  const update = (patch: Partial<HouseholdSearch>) => setParams(writeQuery({ ...query, page: 1, ...patch }));
  const search = () =>
    update({
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

  const total = list.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('hh.title')}
        extra={
          <Space wrap>
            {can('screening.read') ? (
              <Button icon={<AlertOutlined />} onClick={() => navigate('/households/screening')}>
                {t('hh.screening')}
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
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 170)}
          />
          <Select<HouseholdType>
            aria-label={t('hh.type')}
            placeholder={t('hh.type')}
            allowClear
            value={query.type}
            onChange={(type) => update({ type: type ?? undefined })}
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
            onChange={(flag) => update({ flag: flag ?? undefined })}
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
              setParams(new URLSearchParams());
            }}
          >
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
        <Table<HouseholdListItem>
          data-testid="households-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 880 }}
          onRow={(row) => ({
            onDoubleClick: () => navigate(`/households/${row.id}`),
          })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (count) =>
              list.data?.isTotalCapped ? t('hh.totalCapped') : t('hh.total', { total: count }),
            onChange: (page, pageSize) => setParams(writeQuery({ ...query, page, pageSize })),
          }}
        />
      </Card>
      <HouseholdCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/households/${id}`);
        }}
      />
    </>
  );
}
