import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Drawer, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError, QueryState } from '../../components/QueryState.js';
import {
  type WorkImportRow as ImportRow,
  useUploadWorkFile,
  useWorkImport,
  useWorkImportFeedback,
  useWorkImports,
  type WorkImportResult,
  workImportTemplateUrl,
} from '../../data/employment.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../PageHeader.js';

const STATUS_COLOR = { imported: 'green', partial: 'orange', refused: 'red' } as const;
const STATUS_TEXT = { imported: '已导入', partial: '部分导入', refused: '未导入' } as const;

/** The row-by-row outcome of one import: matched to a member or not. Names and masked IDs only. */
function FeedbackDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const feedback = useWorkImportFeedback(id, page);
  const detail = useWorkImport(id);
  return (
    <Drawer open title={t('emp.feedback')} size="large" onClose={onClose}>
      <QueryError query={detail} />
      <QueryError query={feedback} />
      {detail.data && detail.data.problems.length > 0 ? (
        <Table
          size="small"
          style={{ marginBottom: 16 }}
          rowKey={(p) => `${p.row}-${p.reason}`}
          dataSource={detail.data.problems}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('emp.row'), dataIndex: 'row', width: 80 },
            { title: t('emp.reason'), dataIndex: 'reason' },
          ]}
        />
      ) : null}
      <Table
        size="small"
        rowKey="rowNo"
        data-testid="work-import-feedback"
        loading={feedback.isFetching}
        dataSource={feedback.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: feedback.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('emp.row'), dataIndex: 'rowNo', width: 80 },
          { title: t('emp.person'), dataIndex: 'name', width: 120 },
          { title: t('emp.idMasked'), dataIndex: 'idMasked', width: 200 },
          {
            title: t('emp.feedback'),
            dataIndex: 'matchStatus',
            render: (s: 'matched' | 'unmatched' | 'out_of_scope') => (
              <Tag color={s === 'matched' ? 'green' : 'orange'}>{t(`emp.match.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

/**
 * 务工信息导入: the 人社 department (or a county or township clerk) uploads a work file and sees what was taken and
 * which rows matched nobody; the registry itself is never shown here.
 */
export function WorkImportsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const list = useWorkImports({});
  const upload = useUploadWorkFile();
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [result, setResult] = useState<WorkImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const submit = async () => {
    if (!file) {
      return;
    }
    setError(null);
    try {
      setResult(await upload.mutateAsync({ file, skipBadRows }));
    } catch (cause) {
      setResult(null);
      setError(errorText(cause, t('common.loadFailed')));
    }
  };

  return (
    <>
      <PageHeader title={t('nav.employmentImports')} />
      <Card title={t('emp.upload')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          {t('emp.uploadHelp')}{' '}
          <a href={workImportTemplateUrl} download>
            <DownloadOutlined /> {t('emp.template')}
          </a>
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} data-testid="work-import-form">
          <Form.Item label={t('feeds.file')} htmlFor="work-file">
            <input
              id="work-file"
              type="file"
              accept=".xlsx,.csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          <Space wrap>
            <Checkbox checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)}>
              {t('emp.skipBad')}
            </Checkbox>
            <Button
              type="primary"
              htmlType="submit"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              disabled={!file}
            >
              {t('feeds.submit')}
            </Button>
          </Space>
        </Form>
        {error ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} /> : null}
        {result ? (
          <div data-testid="work-import-result" style={{ marginTop: 16 }}>
            <Space wrap style={{ marginBottom: 8 }}>
              <Tag color={STATUS_COLOR[result.status]}>{STATUS_TEXT[result.status]}</Tag>
              <Typography.Text>
                {t('emp.importResult', {
                  total: result.totalRows,
                  accepted: result.acceptedRows,
                  matched: result.matchedRows,
                  unmatched: result.unmatchedRows,
                })}
              </Typography.Text>
            </Space>
            {result.duplicate ? <Alert type="info" showIcon title={t('emp.duplicate')} /> : null}
            {result.status === 'refused' && !result.duplicate ? (
              <Alert type="warning" showIcon title={t('emp.refused')} />
            ) : null}
            {result.problems.length > 0 ? (
              <Table
                size="small"
                style={{ marginTop: 12 }}
                rowKey={(p) => `${p.row}-${p.reason}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('emp.row'), dataIndex: 'row', width: 80 },
                  { title: t('emp.reason'), dataIndex: 'reason' },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Card>
      <Card>
        <QueryState
          query={list}
          bare
          isEmpty={(imports) => imports.items.length === 0}
          empty={{ reason: t('emp.importsEmpty') }}
        >
          {(imports) => (
            <Table<ImportRow>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={imports.items}
              scroll={{ x: 800 }}
              columns={[
                { title: t('feeds.file'), dataIndex: 'filename', render: (f: string | null) => f ?? '—' },
                {
                  title: t('emp.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (s: ImportRow['status']) => <Tag color={STATUS_COLOR[s]}>{STATUS_TEXT[s]}</Tag>,
                },
                {
                  title: t('emp.rows'),
                  key: 'rows',
                  width: 220,
                  render: (_, r) => `${r.matchedRows} / ${r.acceptedRows} / ${r.totalRows}`,
                },
                { title: t('emp.createdBy'), dataIndex: 'createdByName', width: 120 },
                {
                  title: t('feeds.createdAt'),
                  dataIndex: 'createdAt',
                  width: 150,
                  render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_, r) => (
                    <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                      {t('emp.feedback')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {open !== null ? <FeedbackDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
