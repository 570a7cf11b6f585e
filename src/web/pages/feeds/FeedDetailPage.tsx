import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Feedback, useFeed, useFeedback } from '../../data/feeds.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { PageHeader } from '../PageHeader.js';
import { AlertStatusTag, FeedStatusTag, feedLabel, ruleLabel } from './labels.js';

type Row = Feedback['items'][number];

/** 反馈: provenance of one feed and the outcome of every row it sent. */
export function FeedDetailPage() {
  const { t, pick } = useI18n();
  const id = Number(useParams().id);
  const [page, setPage] = useState(1);
  const errorText = useErrorText();
  const feed = useFeed(id);
  const rows = useFeedback(id, page, 50);
  const f = feed.data;

  return (
    <>
      <PageHeader
        title={t('feedDetail.title')}
        extra={
          <Link to="/feeds">
            <ArrowLeftOutlined /> {t('feedDetail.back')}
          </Link>
        }
      />
      {feed.error ? <Alert type="error" showIcon title={errorText(feed.error)} /> : null}
      {f ? (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
            <Descriptions.Item label={t('feeds.feedType')}>{feedLabel(pick, f.feedType)}</Descriptions.Item>
            <Descriptions.Item label={t('feeds.period')}>{f.period}</Descriptions.Item>
            <Descriptions.Item label={t('decl.status')}>
              <FeedStatusTag status={f.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('feeds.filename')}>
              {f.source === 'api' ? t('feeds.api') : f.filename}
            </Descriptions.Item>
            <Descriptions.Item label={t('feeds.by')}>{f.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('feeds.createdAt')}>
              {new Date(f.createdAt).toLocaleString('zh-CN', { hour12: false })}
            </Descriptions.Item>
            <Descriptions.Item label={t('feedDetail.sha256')} span={3}>
              <code style={{ wordBreak: 'break-all' }}>{f.sha256}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('feeds.rows')} span={3}>
              <Space wrap>
                {t('feeds.summary', {
                  total: f.totalRows,
                  matched: f.matchedRows,
                  unmatched: f.unmatchedRows,
                  alerts: f.alertsCreated,
                })}
                {f.refusedRows > 0 ? (
                  <a href={`/api/feeds/${f.id}/problems.csv`} download>
                    <DownloadOutlined /> {t('feeds.downloadProblems')} ({f.refusedRows})
                  </a>
                ) : null}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Card>
        <Table<Row>
          data-testid="feedback-table"
          rowKey="rowNo"
          size="small"
          loading={rows.isFetching}
          dataSource={rows.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: 50,
            total: rows.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            { title: t('feedDetail.row'), dataIndex: 'rowNo', width: 70 },
            { title: t('feedDetail.name'), dataIndex: 'name', width: 100 },
            { title: t('feedDetail.id'), dataIndex: 'idMasked', width: 190 },
            {
              title: t('feedDetail.match'),
              dataIndex: 'matchStatus',
              width: 170,
              render: (status: string) => (
                <Tag color={status === 'matched' ? 'green' : 'default'}>
                  {t(`match.${status}` as MessageKey)}
                </Tag>
              ),
            },
            {
              title: t('feedDetail.rule'),
              dataIndex: 'ruleCode',
              render: (code: string | null) => ruleLabel(pick, code),
            },
            {
              title: t('feedDetail.outcome'),
              dataIndex: 'alertStatus',
              width: 150,
              render: (status: string | null, row) =>
                row.matchStatus === 'matched' ? <AlertStatusTag status={status} /> : null,
            },
            { title: t('feedDetail.dueOn'), dataIndex: 'dueOn', width: 110 },
            { title: t('feedDetail.reason'), dataIndex: 'closedReason' },
          ]}
        />
      </Card>
    </>
  );
}
