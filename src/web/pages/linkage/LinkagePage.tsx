import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LINKAGE_MODE_LABELS, LINKAGE_MODES, type LinkageMode } from '../../../shared/linkage.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type Linkage, linkageLedgerUrl, useLinkages } from '../../data/linkage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { LinkageDrawer } from './LinkageDrawer.js';
import { LinkageFormModal, type LinkageFormTarget } from './LinkageFormModal.js';

const FILTERS = ['year', 'regionCode', 'mode'] as const;
/** Agreements from the transition period's start (2021) to this year. */
const FIRST_YEAR = 2021;

/** 联农带农: agreements of the user's scope in a year, linkage counted from payments, and the ledger to download. */
export function LinkagePage() {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const canWrite = can('linkage.write');
  const table = useTableParams(FILTERS);
  const { filters } = table;
  const thisYear = today().year();
  const year =
    Number(filters.year) >= FIRST_YEAR && Number(filters.year) <= thisYear ? Number(filters.year) : thisYear;
  const mode = LINKAGE_MODES.find((m) => m === filters.mode);
  const [formTarget, setFormTarget] = useState<LinkageFormTarget | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  const linkages = useLinkages({
    page: table.page,
    pageSize: table.pageSize,
    year,
    regionCode: filters.regionCode,
    mode,
  });

  const columns: TableProps<Linkage>['columns'] = [
    {
      title: t('linkage.operator'),
      dataIndex: 'operatorName',
      width: 220,
      render: (name: string, a) => (
        <>
          <Typography.Link strong onClick={() => setOpenId(a.id)}>
            {name}
          </Typography.Link>
          {a.projectName ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.projectName}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('linkage.mode'),
      dataIndex: 'mode',
      width: 130,
      render: (m: LinkageMode) => pick(LINKAGE_MODE_LABELS[m]),
    },
    { title: t('linkage.region'), dataIndex: 'regionName', width: 100 },
    {
      title: t('linkage.term'),
      key: 'term',
      width: 120,
      render: (_, a) => (
        <>
          <div>{a.startedOn}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ~ {a.endedOn ?? t('linkage.longTerm')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('linkage.linked'),
      key: 'linked',
      width: 170,
      render: (_, a) => (
        <>
          <div>{a.linked.total}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('linkage.linkedSplit', {
              exited: a.linked.exitedPoverty,
              monitored: a.linked.monitored,
              other: a.linked.other,
            })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('linkage.paid'),
      dataIndex: 'paidHouseholds',
      width: 150,
      align: 'right',
      render: (paid: number, a) => (
        <Flex gap={4} justify="flex-end" wrap>
          <span>{paid}</span>
          {a.unpaidHouseholds > 0 ? (
            <Tag color="red">
              {t('linkage.unpaid')} {a.unpaidHouseholds}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    { title: t('linkage.totalBenefit'), dataIndex: 'totalBenefit', width: 130, align: 'right' },
  ];

  const filtered = Boolean(filters.regionCode || filters.mode);
  return (
    <>
      <PageHeader
        title={t('linkage.title')}
        extra={
          <Flex gap={8} wrap>
            <Button
              icon={<DownloadOutlined />}
              href={linkageLedgerUrl(year, filters.regionCode)}
              download
              data-testid="linkage-ledger"
            >
              {t('linkage.ledger')}
            </Button>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormTarget({ kind: 'create' })}
              >
                {t('linkage.create')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('linkage.help')}</Typography.Paragraph>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Select<number>
            aria-label={t('linkage.year')}
            style={filterWidth(isMobile, 120)}
            value={year}
            onChange={(y) => table.setFilters({ year: String(y) })}
            options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('linkage.yearValue', { year: y }),
            }))}
          />
          <RegionPicker
            aria-label={t('linkage.region')}
            placeholder={t('linkage.region')}
            value={filters.regionCode}
            onChange={(regionCode) => table.setFilters({ regionCode })}
            style={filterWidth(isMobile, 200)}
          />
          <Select<LinkageMode>
            aria-label={t('linkage.mode')}
            placeholder={t('linkage.mode')}
            allowClear
            style={filterWidth(isMobile, 160)}
            value={mode}
            onChange={(m) => table.setFilters({ mode: m })}
            options={LINKAGE_MODES.map((m) => ({ value: m, label: pick(LINKAGE_MODE_LABELS[m]) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={() => table.reset()}>
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable<Linkage, (typeof FILTERS)[number]>
          data-testid="linkage-table"
          rowKey="id"
          size="middle"
          columns={columns}
          query={linkages}
          params={table}
          emptyText={
            filtered
              ? t('linkage.emptyFiltered')
              : canWrite
                ? t('linkage.empty', { year })
                : t('linkage.emptyReadOnly', { year })
          }
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <LinkageFormModal target={formTarget} onClose={() => setFormTarget(null)} onCreated={setOpenId} />
      <LinkageDrawer linkageId={openId} year={year} onClose={() => setOpenId(null)} />
    </>
  );
}
