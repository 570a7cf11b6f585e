import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Popconfirm, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  WORK_CATEGORY_LABELS,
  WORK_CHANNEL_LABELS,
  WORK_PLACE_LABELS,
  type WorkChannel,
  type WorkPlace,
} from '../../../shared/employment.js';
import { useSession } from '../../auth/SessionProvider.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { useDeleteWorkRecord, useWorkRecords, type WorkRecord } from '../../data/employment.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { WorkRecordModal } from './WorkRecordModal.js';

/**
 * Work records of a region (or one household, on its page): who works where since when, for how much, through
 * which channel; a clerk adds, edits (ends) and deletes them.
 */
export function WorkRecordsTab({
  regionCode,
  householdId,
}: {
  regionCode?: string | undefined;
  householdId?: number;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const errorText = useErrorText();
  // Paging and 只看在岗 live in the URL (the page's or the household's `tab` stays as it is).
  const table = useTableParams(['current'] as const);
  const current = table.filters.current === 'true';
  const [editing, setEditing] = useState<WorkRecord | 'new' | null>(null);
  const list = useWorkRecords({
    regionCode,
    householdId,
    current: current ? 'true' : undefined,
    page: table.page,
    pageSize: table.pageSize,
  });
  const removeRecord = useDeleteWorkRecord();
  const canWrite = can('employment.write');

  const remove = async (r: WorkRecord) => {
    try {
      await removeRecord.mutateAsync({ id: r.id, version: r.version });
      void message.success(t('emp.deleted'));
    } catch (cause) {
      void message.error(errorText(cause, t('common.loadFailed')));
    }
  };

  const columns: TableProps<WorkRecord>['columns'] = [
    {
      title: t('emp.person'),
      dataIndex: 'personName',
      width: 110,
      fixed: 'left',
      render: (name: string, r) => <Link to={`/households/${r.householdId}`}>{name}</Link>,
    },
    ...(householdId ? [] : [{ title: t('common.village'), dataIndex: 'regionName', width: 130 }]),
    {
      title: t('emp.category'),
      dataIndex: 'category',
      width: 150,
      render: (c: keyof typeof WORK_CATEGORY_LABELS) => WORK_CATEGORY_LABELS[c],
    },
    {
      title: `${t('emp.start')} – ${t('emp.end')}`,
      key: 'months',
      width: 170,
      render: (_, r) => (
        <>
          {r.startMonth} – {r.endMonth ?? <Tag color="green">{t('emp.stillWorking')}</Tag>}
          {r.endLeadId ? (
            <div>
              <Link to={`/leads?focus=${r.endLeadId}`}>{t('emp.endLead', { id: r.endLeadId })}</Link>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('emp.place'),
      key: 'place',
      width: 190,
      render: (_, r) => (
        <>
          {r.place ? <Tag>{WORK_PLACE_LABELS[r.place as WorkPlace]}</Tag> : null}
          {[r.workProvince, r.workCity, r.workCounty].filter(Boolean).join(' ')}
        </>
      ),
    },
    {
      title: t('emp.income'),
      dataIndex: 'monthlyIncome',
      width: 110,
      align: 'right',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('emp.channel'),
      key: 'channel',
      width: 150,
      render: (_, r) =>
        (r.channel ? WORK_CHANNEL_LABELS[r.channel as WorkChannel] : '—') +
        (r.operatorName ? ` · ${r.operatorName}` : ''),
    },
    { title: t('emp.employer'), dataIndex: 'employer', width: 160, render: (v: string | null) => v ?? '—' },
    {
      title: t('emp.source'),
      dataIndex: 'source',
      width: 100,
      render: (s: 'clerk' | 'visit' | 'import') => t(`emp.source.${s}`),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right' as const,
            render: (_: unknown, r: WorkRecord) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  {r.endMonth ? t('common.edit') : t('emp.endJob')}
                </Button>
                <Popconfirm title={t('emp.deleteConfirm')} onConfirm={() => remove(r)}>
                  <Button size="small" type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Checkbox
          checked={current}
          onChange={(e) => table.setFilters({ current: e.target.checked ? 'true' : undefined })}
        >
          {t('emp.current')}
        </Checkbox>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('emp.add')}
          </Button>
        ) : null}
      </Flex>
      <UrlTable
        data-testid="work-records"
        query={list}
        params={table}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1300 }}
        emptyText={current ? t('emp.recordsEmptyCurrent') : t('emp.recordsEmpty')}
      />
      {editing ? (
        <WorkRecordModal
          record={editing === 'new' ? null : editing}
          householdId={householdId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('emp.saved'));
          }}
        />
      ) : null}
    </>
  );
}
