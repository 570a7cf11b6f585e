import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Input,
  Modal,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import { type SelfCheck, useSelfCheck, useSignSelfCheck } from '../../data/reports.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { canOpen } from '../../routes.js';
import { today } from '../../util/today.js';
import { PageHeader } from '../PageHeader.js';

type Item = SelfCheck['items'][number];
type Child = SelfCheck['children'][number];

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** The server's refusal, with the names still missing when it lists them. */
function refusal(
  error: unknown,
  base: string,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
) {
  if (error instanceof ApiError && typeof error.details === 'object' && error.details !== null) {
    const missing = (error.details as { missing?: unknown }).missing;
    if (Array.isArray(missing) && missing.length > 0) {
      return `${base}（${t('selfCheck.missing', { names: missing.join('、') })}）`;
    }
  }
  return base;
}

/** 一月一自查: this month's checklist for a region, its sign-off, and which regions below have signed. */
export function SelfCheckPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(today());
  const monthText = month.format('YYYY-MM');
  const errorText = useErrorText();
  const remote = useSelfCheck(monthText);
  const data = remote.data;
  const signOff = useSignSelfCheck();
  const [signing, setSigning] = useState(false);
  const [note, setNote] = useState('');
  const [signError, setSignError] = useState<string | null>(null);
  const itemName = (code: string) => t(`selfCheck.item.${code}` as MessageKey);

  const sign = async () => {
    setSignError(null);
    try {
      await signOff.mutateAsync({ month: monthText, note: note.trim() || null });
      setSigning(false);
      setNote('');
      void message.success(t('selfCheck.signedDone'));
    } catch (error) {
      setSignError(refusal(error, errorText(error, t('common.loadFailed')), t));
    }
  };

  const itemColumns = [
    { title: t('selfCheck.item'), dataIndex: 'code', render: (code: string) => itemName(code) },
    {
      title: t('selfCheck.count'),
      dataIndex: 'count',
      width: 100,
      render: (count: number) => <Tag color={count > 0 ? 'red' : 'green'}>{count}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'link',
      width: 120,
      // Only a link to a page this user may open (a leader reads, but not every list).
      render: (_: unknown, row: Item) =>
        canOpen(row.link, can) ? <Link to={row.link}>{t('selfCheck.goList')}</Link> : null,
    },
  ];

  const childColumns = [
    { title: t('selfCheck.child'), dataIndex: 'regionName' },
    {
      title: t('selfCheck.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, row: Child) =>
        row.signedAt ? (
          <Tag color="green" icon={<CheckCircleOutlined />}>
            {t('selfCheck.signed')}
          </Tag>
        ) : (
          <Tag icon={<ClockCircleOutlined />}>{t('selfCheck.unsigned')}</Tag>
        ),
    },
    { title: t('selfCheck.signedBy'), dataIndex: 'signedBy', render: (v: string | null) => v ?? '' },
    { title: t('selfCheck.signedAt'), dataIndex: 'signedAt', render: at },
  ];

  return (
    <>
      <PageHeader
        title={t('selfCheck.title')}
        extra={
          <DatePicker
            picker="month"
            aria-label={t('selfCheck.month')}
            value={month}
            allowClear={false}
            onChange={(value) => value && setMonth(value)}
            disabledDate={(d) => d.isAfter(today(), 'month')}
          />
        }
      />
      <QueryError query={remote} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title={
              data ? `${data.regionName} · ${data.month} · ${t('selfCheck.items')}` : t('selfCheck.items')
            }
            extra={
              data?.signOff ? (
                <Tag color="green" icon={<CheckCircleOutlined />} data-testid="selfcheck-signed">
                  {t('selfCheck.signed')}
                </Tag>
              ) : can('selfcheck.sign') ? (
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  disabled={!data}
                  onClick={() => {
                    setSignError(null);
                    setSigning(true);
                  }}
                >
                  {t('selfCheck.sign')}
                </Button>
              ) : null
            }
          >
            <Table<Item>
              data-testid="selfcheck-items"
              rowKey="code"
              size="middle"
              pagination={false}
              loading={remote.isFetching}
              columns={itemColumns}
              dataSource={data?.items ?? []}
            />
            {data?.signOff ? (
              <Descriptions
                data-testid="selfcheck-signoff"
                bordered
                size="small"
                column={{ xs: 1, sm: 2 }}
                style={{ marginTop: 16 }}
              >
                <Descriptions.Item label={t('selfCheck.signedBy')}>{data.signOff.signedBy}</Descriptions.Item>
                <Descriptions.Item label={t('selfCheck.signedAt')}>
                  {at(data.signOff.signedAt)}
                </Descriptions.Item>
                {data.signOff.note ? (
                  <Descriptions.Item label={t('common.note')} span={2}>
                    {data.signOff.note}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('selfCheck.children')}>
            <Table<Child>
              data-testid="selfcheck-children"
              rowKey="regionCode"
              size="middle"
              pagination={false}
              loading={remote.isFetching}
              columns={childColumns}
              dataSource={data?.children ?? []}
              locale={{ emptyText: t('selfCheck.noChildren') }}
              scroll={{ x: 480 }}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={signing}
        title={t('selfCheck.signTitle', { region: data?.regionName ?? '', month: monthText })}
        okText={t('selfCheck.sign')}
        cancelText={t('common.cancel')}
        confirmLoading={signOff.isPending}
        onOk={sign}
        onCancel={() => setSigning(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('selfCheck.signHelp')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('common.note')}
          placeholder={t('common.note')}
          rows={3}
          maxLength={maxLengthOf('POST /api/self-checks', 'note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {signError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 12 }}
            title={signError}
            data-testid="selfcheck-error"
          />
        ) : null}
      </Modal>
    </>
  );
}
