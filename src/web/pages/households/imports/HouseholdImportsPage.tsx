import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { IMPORT_STATUS_LABELS, IMPORT_STATUSES, type ImportStatus } from '../../../../shared/imports.js';
import { UrlTable, useTableParams } from '../../../components/UrlTable.js';
import {
  type HouseholdImportJob,
  importProblemsUrl,
  useHouseholdImports,
} from '../../../data/household-transfer.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PageHeader } from '../../PageHeader.js';

const FILTERS = ['status'] as const;
const STATUS_COLOR: Record<ImportStatus, string> = {
  imported: 'green',
  partial: 'orange',
  refused: 'red',
  checked: 'blue',
};

/**
 * 导入记录: every household import and check (预检) of the user's scope, newest first, with who sent which file,
 * what came of it, and its problem report. Nothing here is typed: each row is the import job the upload wrote.
 */
export function HouseholdImportsPage() {
  const { t, pick } = useI18n();
  const table = useTableParams(FILTERS);
  const status = IMPORT_STATUSES.find((s) => s === table.filters.status);
  const jobs = useHouseholdImports({ page: table.page, pageSize: table.pageSize, status });

  const columns: TableProps<HouseholdImportJob>['columns'] = [
    {
      title: t('hhImports.at'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    { title: t('hhImports.file'), dataIndex: 'filename', ellipsis: true },
    { title: t('hhImports.by'), dataIndex: 'actorName', width: 140 },
    {
      title: t('hhImports.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportStatus) => <Tag color={STATUS_COLOR[s]}>{pick(IMPORT_STATUS_LABELS[s])}</Tag>,
    },
    { title: t('hhImports.rows'), dataIndex: 'totalRows', width: 80, align: 'right' },
    { title: t('hhImports.households'), dataIndex: 'households', width: 80, align: 'right' },
    { title: t('hhImports.persons'), dataIndex: 'persons', width: 80, align: 'right' },
    { title: t('hhImports.problems'), dataIndex: 'problemCount', width: 80, align: 'right' },
    { title: t('hhImports.notes'), dataIndex: 'noteCount', width: 70, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, job) =>
        job.problemCount + job.noteCount > 0 ? (
          <a href={importProblemsUrl(job.id)} download>
            {t('hhImports.download')}
          </a>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('hhImports.title')}
        extra={
          <Link to="/households">
            <Button icon={<ArrowLeftOutlined />}>{t('hhImports.back')}</Button>
          </Link>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Select<ImportStatus>
            aria-label={t('hhImports.status')}
            placeholder={t('hhImports.status')}
            allowClear
            value={status}
            onChange={(next) => table.setFilters({ status: next ?? undefined })}
            style={{ width: 160 }}
            options={IMPORT_STATUSES.map((s) => ({ value: s, label: pick(IMPORT_STATUS_LABELS[s]) }))}
          />
        </Flex>
        <UrlTable<HouseholdImportJob, (typeof FILTERS)[number]>
          data-testid="household-imports-table"
          query={jobs}
          params={table}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1000 }}
          emptyText={status ? t('hhImports.emptyFiltered') : t('hhImports.empty')}
        />
      </Card>
    </>
  );
}
