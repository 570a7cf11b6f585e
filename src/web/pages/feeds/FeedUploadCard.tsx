import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { monthOf } from '../../../shared/calendar.js';
import { clock } from '../../../shared/clock.js';
import { FEED_LAYOUTS, type FeedType, feedTypesOf } from '../../../shared/feed-types.js';
import { useMe } from '../../auth/SessionProvider.js';
import { type FeedResult, feedProblemsUrl, feedTemplateUrl, useUploadFeed } from '../../data/feeds.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FeedColumnMapForm } from './FeedColumnMapForm.js';
import { FeedStatusTag, feedLabel } from './labels.js';

const thisMonth = () => monthOf(clock().today());

/**
 * A department uploads this month's file of one of its feed types and sees at once what was taken (the upload
 * refreshes the feed list below).
 */
export function FeedUploadCard() {
  const me = useMe();
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const upload = useUploadFeed();
  const types = feedTypesOf(me.department ?? '');
  const [feedType, setFeedType] = useState<FeedType | undefined>(types[0]);
  const [period, setPeriod] = useState(thisMonth());
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [result, setResult] = useState<FeedResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!feedType || !file) {
      return;
    }
    setError(null);
    try {
      setResult(
        await upload.mutateAsync({
          file,
          query: { feedType, period, skipBadRows: skipBadRows ? 'true' : 'false' },
        }),
      );
    } catch (cause) {
      setResult(null);
      setError(errorText(cause, t('common.loadFailed')));
    }
  }

  const layout = feedType ? FEED_LAYOUTS[feedType] : null;
  return (
    <Card title={t('feeds.upload')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('feeds.help')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit} data-testid="feed-upload-form">
        <Space wrap align="end" size="large">
          <Form.Item label={t('feeds.feedType')} style={{ minWidth: 220 }}>
            <Select
              aria-label={t('feeds.feedType')}
              value={feedType}
              onChange={setFeedType}
              options={types.map((type) => ({ value: type, label: feedLabel(pick, type) }))}
            />
          </Form.Item>
          <Form.Item label={t('feeds.period')} htmlFor="feed-period">
            <Input id="feed-period" type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('feeds.file')} htmlFor="feed-file">
            <input
              id="feed-file"
              type="file"
              accept=".xlsx,.csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
        </Space>
        {layout ? (
          <Typography.Paragraph type="secondary">
            {t('feeds.columns', {
              columns: ['姓名', '身份证号', ...layout.columns.map((c) => c.header)].join('、'),
            })}{' '}
            {feedType ? (
              <a href={feedTemplateUrl(feedType)} download>
                <DownloadOutlined /> {t('feeds.template')}
              </a>
            ) : null}
          </Typography.Paragraph>
        ) : null}
        <Space>
          <Checkbox checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)}>
            {t('feeds.skipBadRows')}
          </Checkbox>
          <Button
            type="primary"
            htmlType="submit"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            disabled={!file || !feedType}
          >
            {t('feeds.submit')}
          </Button>
        </Space>
      </Form>
      {error ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} /> : null}
      {result ? (
        <div data-testid="feed-result" style={{ marginTop: 16 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <FeedStatusTag status={result.status} />
            <Typography.Text>
              {t('feeds.summary', {
                total: result.totalRows,
                matched: result.matchedRows,
                unmatched: result.unmatchedRows,
                alerts: result.alertsCreated,
              })}
            </Typography.Text>
          </Space>
          {result.duplicate ? <Alert type="info" showIcon title={t('feeds.duplicate')} /> : null}
          {result.status === 'refused' && !result.duplicate ? (
            <Alert type="warning" showIcon title={t('feeds.refusedHint')} />
          ) : null}
          {result.headerProblem && feedType ? (
            <FeedColumnMapForm
              feedType={feedType}
              problem={result.headerProblem}
              onSaved={() => void submit()}
            />
          ) : null}
          {result.notes.length > 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              data-testid="feed-notes"
              title={t('feeds.notes')}
              description={result.notes
                .map((n) => t('feeds.note', { row: n.row, reason: n.reason }))
                .join('；')}
            />
          ) : null}
          {result.problems.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('feeds.problems')}{' '}
                <a href={feedProblemsUrl(result.feedId)} download>
                  <DownloadOutlined /> {t('feeds.downloadProblems')}
                </a>
              </Typography.Title>
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.reason}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('feedDetail.row'), dataIndex: 'row', width: 80 },
                  { title: t('feedDetail.reason'), dataIndex: 'reason' },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
