import { DownloadOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isConflict } from '../../api/client.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import {
  type Bulletin,
  type BulletinSection,
  bulletinDocxUrl,
  useBulletins,
  useDraftBulletin,
  useIssueBulletin,
  useUpdateBulletin,
} from '../../data/reports.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { PageHeader } from '../PageHeader.js';
import { quarterOf } from './quarter.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

function DownloadButton({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useI18n();
  return (
    <Button
      icon={<DownloadOutlined />}
      href={bulletinDocxUrl(bulletin.id)}
      download
      data-testid="bulletin-docx"
    >
      {t('bulletin.download')}
    </Button>
  );
}

/**
 * One bulletin: a draft's title and section texts are editable by its own region (the city or a county, who
 * hold bulletin.write; the server takes edits of its own drafts only); the ranking table is shown as is.
 * The editor is keyed by the bulletin's version: a save (or another person's, after a conflict) brings a new
 * version into the list and the editor starts again from it.
 */
function BulletinEditor({
  bulletin,
  onConflict,
  onClose,
}: {
  bulletin: Bulletin;
  onConflict: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useUpdateBulletin();
  const issueBulletin = useIssueBulletin();
  const editable =
    bulletin.status === 'draft' && can('bulletin.write') && bulletin.regionCode === me?.regionCode;
  const [title, setTitle] = useState(bulletin.title);
  const [sections, setSections] = useState<BulletinSection[]>(bulletin.sections);
  const busy = update.isPending || issueBulletin.isPending;

  const run = async (action: () => Promise<Bulletin>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      if (isConflict(error)) {
        void message.warning(t('common.conflictReloaded', { message: errorText(error) }));
        await onConflict();
      } else {
        void message.error(errorText(error, t('common.loadFailed')));
      }
    }
  };

  const saveEdits = () =>
    update.mutateAsync({
      id: bulletin.id,
      body: { version: bulletin.version, title: title.trim(), sections },
    });
  const save = () => run(saveEdits, t('common.saved'));
  const issue = () =>
    run(async () => {
      const saved = title !== bulletin.title || sections !== bulletin.sections ? await saveEdits() : bulletin;
      return issueBulletin.mutateAsync({ id: bulletin.id, version: saved.version });
    }, t('bulletin.issued'));

  return (
    <Drawer
      open
      size="large"
      title={`${bulletin.quarter} · ${t(`bulletin.status.${bulletin.status}`)}`}
      onClose={onClose}
      extra={
        <Space>
          <DownloadButton bulletin={bulletin} />
          {editable ? (
            <>
              <Button icon={<EditOutlined />} loading={busy} onClick={save}>
                {t('common.save')}
              </Button>
              <Popconfirm
                title={t('bulletin.issueConfirm')}
                okText={t('bulletin.issue')}
                cancelText={t('common.cancel')}
                onConfirm={issue}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy}>
                  {t('bulletin.issue')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      }
    >
      <Typography.Text strong>{t('bulletin.docTitle')}</Typography.Text>
      {editable ? (
        <Input
          aria-label={t('bulletin.docTitle')}
          value={title}
          maxLength={maxLengthOf('PATCH /api/bulletins/{id}', 'title')}
          onChange={(e) => setTitle(e.target.value)}
          style={{ margin: '8px 0 16px' }}
        />
      ) : (
        <Typography.Title level={4} style={{ marginTop: 8 }}>
          {bulletin.title}
        </Typography.Title>
      )}
      {sections.map((section, index) => (
        <Card key={section.heading} size="small" title={section.heading} style={{ marginBottom: 12 }}>
          {editable ? (
            <Input.TextArea
              aria-label={`${section.heading} ${t('bulletin.sectionText')}`}
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={5000}
              value={section.text}
              onChange={(e) =>
                setSections(sections.map((s, i) => (i === index ? { ...s, text: e.target.value } : s)))
              }
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{section.text}</Typography.Paragraph>
          )}
          {section.table && section.table.length > 0 ? (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 8px' }}>
                {t('bulletin.readOnlyTable')}
              </Typography.Text>
              <Table<{ key: number; cells: string[] }>
                size="small"
                pagination={false}
                scroll={{ x: 600 }}
                rowKey="key"
                columns={(section.table[0] ?? []).map((head, col) => ({
                  title: head,
                  key: String(col),
                  render: (_: unknown, row: { cells: string[] }) => row.cells[col] ?? '',
                }))}
                dataSource={section.table.slice(1).map((cells, key) => ({ key, cells }))}
              />
            </>
          ) : null}
        </Card>
      ))}
    </Drawer>
  );
}

/** 季度通报: the city drafts a bulletin from the quarter's ranking, edits it, issues it; anyone downloads it. */
export function BulletinsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useBulletins();
  const draftBulletin = useDraftBulletin();
  const [openId, setOpenId] = useState<number | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [quarter, setQuarter] = useState<Dayjs>(today());
  const [draftError, setDraftError] = useState<string | null>(null);
  const open = list.data?.find((b) => b.id === openId) ?? null;

  const draft = async () => {
    setDraftError(null);
    try {
      // Resolves once the list has been read again, so the new draft opens from it.
      const created = await draftBulletin.mutateAsync(quarterOf(quarter));
      setDrafting(false);
      setOpenId(created.id);
      void message.success(t('bulletin.drafted'));
    } catch (error) {
      setDraftError(errorText(error, t('common.loadFailed')));
    }
  };

  const columns: TableProps<Bulletin>['columns'] = [
    { title: t('bulletin.quarter'), dataIndex: 'quarter', width: 100 },
    {
      title: t('bulletin.docTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Typography.Link onClick={() => setOpenId(row.id)}>{title}</Typography.Link>
      ),
    },
    {
      title: t('bulletin.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: Bulletin['status']) => (
        <Tag color={status === 'issued' ? 'green' : 'default'}>{t(`bulletin.status.${status}`)}</Tag>
      ),
    },
    {
      title: t('bulletin.issuedOn'),
      dataIndex: 'issuedOn',
      width: 120,
      render: (v: string | null) => v ?? '',
    },
    { title: t('bulletin.createdBy'), dataIndex: 'createdBy', width: 120 },
    { title: t('bulletin.createdAt'), dataIndex: 'createdAt', width: 160, render: at },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, row) => (
        <Space>
          <Button size="small" onClick={() => setOpenId(row.id)}>
            {t('bulletin.open')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} href={bulletinDocxUrl(row.id)} download>
            Word
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('bulletin.title')}
        extra={
          can('bulletin.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setDraftError(null);
                setDrafting(true);
              }}
            >
              {t('bulletin.draft')}
            </Button>
          ) : null
        }
      />
      <Card>
        <QueryError query={list} />
        <Table<Bulletin>
          data-testid="bulletins-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: list.isError ? ' ' : t('bulletin.empty') }}
          pagination={false}
        />
      </Card>
      <Modal
        open={drafting}
        title={t('bulletin.draftTitle')}
        okText={t('bulletin.draft')}
        cancelText={t('common.cancel')}
        confirmLoading={draftBulletin.isPending}
        onOk={draft}
        onCancel={() => setDrafting(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('bulletin.draftHelp')}</Typography.Paragraph>
        <Flex gap={8} align="center">
          <Typography.Text>{t('bulletin.quarter')}</Typography.Text>
          <DatePicker
            picker="quarter"
            aria-label={t('bulletin.quarter')}
            value={quarter}
            allowClear={false}
            format={(d) => quarterOf(d)}
            onChange={(value) => value && setQuarter(value)}
          />
        </Flex>
        {draftError ? (
          <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={draftError} />
        ) : null}
      </Modal>
      {open ? (
        <BulletinEditor
          key={`${open.id}-${open.version}`}
          bulletin={open}
          onClose={() => setOpenId(null)}
          onConflict={() => list.refetch()}
        />
      ) : null}
    </>
  );
}
