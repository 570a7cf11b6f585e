import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FEED_DEPARTMENTS } from '../../../shared/roles.js';
import { useSession } from '../../auth/SessionProvider.js';
import { departmentListUrl, type FeedList, useFeeds } from '../../data/feeds.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../PageHeader.js';
import { FeedUploadCard } from './FeedUploadCard.js';
import { FeedStatusTag, feedLabel } from './labels.js';

type Feed = FeedList['items'][number];

/**
 * 部门数据: a department's landing page (upload this month's data, see every feed it sent and open the
 * feedback); the bureau sees the feeds sent in its region and exports the lists each department needs.
 */
export function FeedsPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const errorText = useErrorText();
  const feeds = useFeeds(page, 20);
  const [department, setDepartment] = useState<string>(FEED_DEPARTMENTS[0]);

  return (
    <>
      <PageHeader title={t('feeds.title')} />
      {can('feed.submit') ? <FeedUploadCard /> : null}
      {can('department.export') ? (
        <Card title={t('feeds.exportLists')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('feeds.exportHelp')}</Typography.Paragraph>
          <Space>
            <Select
              aria-label={t('feeds.department')}
              style={{ width: 140 }}
              value={department}
              onChange={setDepartment}
              options={FEED_DEPARTMENTS.map((d) => ({ value: d, label: d }))}
            />
            <Button icon={<DownloadOutlined />} href={departmentListUrl(department)}>
              {t('feeds.download')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <Card title={t('feeds.history')}>
        {feeds.error ? <Alert type="error" showIcon title={errorText(feeds.error)} /> : null}
        <Table<Feed>
          data-testid="feeds-table"
          rowKey="id"
          size="middle"
          loading={feeds.isFetching}
          dataSource={feeds.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: feeds.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              title: t('feeds.createdAt'),
              dataIndex: 'createdAt',
              width: 160,
              render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }),
            },
            { title: t('feeds.department'), dataIndex: 'department', width: 70 },
            {
              title: t('feeds.feedType'),
              dataIndex: 'feedType',
              render: (type: string) => feedLabel(pick, type),
            },
            { title: t('feeds.period'), dataIndex: 'period', width: 90 },
            {
              title: t('feeds.filename'),
              dataIndex: 'filename',
              render: (name: string | null, feed) => (feed.source === 'api' ? t('feeds.api') : name),
            },
            {
              title: t('decl.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: Feed['status']) => <FeedStatusTag status={status} />,
            },
            { title: t('feeds.rows'), dataIndex: 'totalRows', width: 70, align: 'right' },
            { title: t('feeds.matched'), dataIndex: 'matchedRows', width: 70, align: 'right' },
            { title: t('feeds.unmatched'), dataIndex: 'unmatchedRows', width: 80, align: 'right' },
            { title: t('feeds.alerts'), dataIndex: 'alertsCreated', width: 70, align: 'right' },
            { title: t('feeds.by'), dataIndex: 'createdByName', width: 120 },
            {
              title: t('common.actions'),
              width: 90,
              fixed: 'right',
              render: (_: unknown, feed) => <Link to={`/feeds/${feed.id}`}>{t('feeds.feedback')}</Link>,
            },
          ]}
        />
      </Card>
    </>
  );
}
