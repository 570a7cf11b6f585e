import { ReloadOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, type TableProps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CASE_CATEGORIES, type CaseCategory } from '../../../shared/case-workflow.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type CaseGroup, type CaseItem, type CaseSearch, useCases } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { AssignHelperModal } from './AssignHelperModal.js';
import { CaseSummaryPanel } from './CaseSummaryPanel.js';
import { CategoryTag, categoryOptions, DueDate, RiskTags, StageTag } from './codes.js';

export const CASE_GROUPS: readonly CaseGroup[] = [
  'identifying',
  'late',
  'monitoring',
  'eliminating',
  'eliminated',
  'rejected',
];

export function CasesPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const table = useTableParams(['group', 'category', 'regionCode', 'headName'] as const);
  const { filters } = table;
  const query: CaseSearch & { group: CaseGroup } = {
    group: CASE_GROUPS.find((group) => group === filters.group) ?? 'identifying',
    category: CASE_CATEGORIES.find((category) => category === filters.category),
    regionCode: filters.regionCode,
    headName: filters.headName,
    page: table.page,
    pageSize: table.pageSize,
  };
  const [headName, setHeadName] = useState(query.headName ?? '');
  const [selected, setSelected] = useState<CaseItem[]>([]);
  const [assigning, setAssigning] = useState(false);
  const list = useCases(query);
  const update = (patch: {
    group?: CaseGroup;
    category?: CaseCategory;
    regionCode?: string;
    headName?: string;
  }) => {
    setSelected([]);
    // The first group is the default: it is not written to the URL.
    const { group, ...rest } = patch;
    table.setFilters({
      ...rest,
      ...('group' in patch ? { group: group === 'identifying' ? undefined : group } : {}),
    });
  };
  const canAssign = can('helper.assign') && query.group === 'monitoring';
  const showElimination = query.group === 'eliminated';

  const columns: TableProps<CaseItem>['columns'] = [
    {
      title: t('common.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => (
        <Link to={`/cases/${row.id}`}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    { title: t('common.village'), dataIndex: 'regionName', width: 140 },
    {
      title: t('cases.stage'),
      dataIndex: 'stage',
      width: 130,
      render: (stage: string, row) => (
        <Space size={4} wrap>
          <StageTag stage={stage} />
          {row.greenChannel ? <Tag color="green">{t('cases.greenChannel')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('cases.category'),
      dataIndex: 'category',
      width: 130,
      render: (category: string | null) => <CategoryTag category={category} />,
    },
    {
      title: t('cases.risks'),
      dataIndex: 'risks',
      render: (risks: CaseItem['risks']) => <RiskTags risks={risks} />,
    },
    showElimination
      ? {
          title: t('cases.eliminatedOn'),
          dataIndex: 'eliminatedOn',
          width: 150,
          render: (on: string | null, row) =>
            on
              ? `${on} ${row.eliminationMode ? t(`cases.mode.${row.eliminationMode}`) : ''}`
              : t('common.none'),
        }
      : query.group === 'identifying' || query.group === 'late'
        ? {
            title: t('common.dueOn'),
            dataIndex: 'dueOn',
            width: 160,
            render: (dueOn: string, row) => <DueDate dueOn={dueOn} isLate={row.isLate} />,
          }
        : {
            title: t('cases.identifiedOn'),
            dataIndex: 'identifiedOn',
            width: 110,
            render: (on: string | null) => on ?? t('common.none'),
          },
    {
      title: t('cases.helpers'),
      dataIndex: 'helperNames',
      width: 120,
      render: (names: string[], row) =>
        names.length > 0 ? (
          names.join('、')
        ) : row.stage === 'monitored' || row.stage === 'safety_net' ? (
          <Typography.Text type="danger">{t('cases.noHelper')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { title: t('cases.measures'), dataIndex: 'measureCount', width: 70, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/cases/${row.id}`)}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('cases.title')} />
      <CaseSummaryPanel regionCode={query.regionCode} onRegion={(regionCode) => update({ regionCode })} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={query.group}
          onChange={(group) => update({ group: group as CaseGroup })}
          items={CASE_GROUPS.map((group) => ({ key: group, label: t(`cases.group.${group}`) }))}
        />
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <RegionPicker
            aria-label={t('common.region')}
            placeholder={t('common.region')}
            value={query.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 170)}
          />
          <Select<CaseCategory>
            aria-label={t('cases.category')}
            placeholder={t('cases.category')}
            allowClear
            value={query.category}
            onChange={(category) => update({ category: category ?? undefined })}
            style={filterWidth(isMobile, 150)}
            options={categoryOptions(pick)}
          />
          <Input
            aria-label={t('hh.headName')}
            placeholder={t('hh.headName')}
            allowClear
            value={headName}
            onChange={(e) => setHeadName(e.target.value)}
            onPressEnter={() => update({ headName: headName.trim() || undefined })}
            style={filterWidth(isMobile, 120)}
            maxLength={20}
          />
          <Button
            type="primary"
            icon={<SearchOutlined />}
            onClick={() => update({ headName: headName.trim() || undefined })}
          >
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setHeadName('');
              setSelected([]);
              table.setFilters({ category: undefined, regionCode: undefined, headName: undefined });
            }}
          >
            {t('common.reset')}
          </Button>
          {canAssign ? (
            <Button
              icon={<UserAddOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
              style={{ marginInlineStart: isMobile ? 0 : 'auto' }}
            >
              {t('cases.assignCount', { count: selected.length })}
            </Button>
          ) : null}
        </Flex>
        <UrlTable
          data-testid="cases-table"
          query={list}
          params={table}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1040 }}
          emptyText={
            filters.category || filters.regionCode || filters.headName
              ? t('cases.emptyFiltered')
              : t(`cases.empty.${query.group}`)
          }
          totalText={(count) => t('cases.total', { total: count })}
          rowSelection={
            canAssign
              ? {
                  selectedRowKeys: selected.map((c) => c.id),
                  onChange: (_, rows) => setSelected(rows),
                  preserveSelectedRowKeys: true,
                }
              : undefined
          }
          onRow={(row) => ({ onDoubleClick: () => navigate(`/cases/${row.id}`) })}
        />
      </Card>
      <AssignHelperModal
        open={assigning}
        householdIds={[...new Set(selected.map((c) => c.householdId))]}
        regionCode={query.regionCode}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setAssigning(false);
          setSelected([]);
        }}
      />
    </>
  );
}
