import { CheckOutlined, ExperimentOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { isConflict } from '../../api/client.js';
import { reportApi } from '../../api/endpoints.js';
import type { Sample } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** 月度核查: the county draws households to check each month; county and township staff record the outcome. */
export function VerificationPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const monthText = month.format('YYYY-MM');
  const remote = useRemote(() => reportApi.samples(monthText), monthText);
  const [drawing, setDrawing] = useState(false);
  const [perTown, setPerTown] = useState<number>(5);
  const [busy, setBusy] = useState(false);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [problemOf, setProblemOf] = useState<Sample | null>(null);
  const [note, setNote] = useState('');
  const manage = can('verification.manage');

  const draw = async () => {
    setBusy(true);
    setDrawError(null);
    try {
      const result = await reportApi.drawSamples(monthText, perTown);
      setDrawing(false);
      message.success(t('verify.drawn', { n: result.drawn }));
      remote.reload();
    } catch (error) {
      setDrawError(errorMessage(error, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  };

  const record = async (sample: Sample, outcome: 'confirmed' | 'problem', text: string | null) => {
    setBusy(true);
    try {
      await reportApi.recordSample(sample.id, { version: sample.version, outcome, note: text });
      message.success(t('verify.saved'));
      setProblemOf(null);
      setNote('');
    } catch (error) {
      if (isConflict(error)) {
        message.warning(t('common.conflictReloaded', { message: error.message }));
        setProblemOf(null);
      } else {
        message.error(errorMessage(error, t('common.loadFailed')));
        return;
      }
    } finally {
      setBusy(false);
    }
    remote.reload();
  };

  const columns: TableProps<Sample>['columns'] = [
    {
      title: t('verify.head'),
      dataIndex: 'headName',
      width: 100,
      render: (name: string, row) => <Link to={`/households/${row.householdId}`}>{name}</Link>,
    },
    { title: t('verify.village'), dataIndex: 'regionName', width: 140 },
    {
      title: t('verify.reason'),
      dataIndex: 'reason',
      width: 120,
      render: (reason: string) => t(`verify.reason.${reason}` as MessageKey),
    },
    {
      title: t('verify.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (outcome: Sample['outcome']) =>
        outcome === 'confirmed' ? (
          <Tag color="green">{t('verify.outcome.confirmed')}</Tag>
        ) : outcome === 'problem' ? (
          <Tag color="red">{t('verify.outcome.problem')}</Tag>
        ) : (
          <Tag>{t('verify.pending')}</Tag>
        ),
    },
    { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    {
      title: t('verify.checkedBy'),
      dataIndex: 'checkedBy',
      width: 110,
      render: (v: string | null) => v ?? '',
    },
    { title: t('verify.checkedAt'), dataIndex: 'checkedAt', width: 150, render: at },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, row: Sample) => (
              <Space>
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  disabled={busy}
                  onClick={() => record(row, 'confirmed', null)}
                >
                  {t('verify.confirm')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<WarningOutlined />}
                  disabled={busy}
                  onClick={() => {
                    setNote(row.note ?? '');
                    setProblemOf(row);
                  }}
                >
                  {t('verify.problem')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('verify.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label={t('selfCheck.month')}
              value={month}
              allowClear={false}
              onChange={(value) => value && setMonth(value)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
            {manage ? (
              <Button
                type="primary"
                icon={<ExperimentOutlined />}
                onClick={() => {
                  setDrawError(null);
                  setDrawing(true);
                }}
              >
                {t('verify.draw')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        {remote.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(remote.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={remote.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        <Table<Sample>
          data-testid="samples-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={remote.data ?? []}
          loading={remote.loading}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('verify.empty') }}
          pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { total: count }) }}
        />
      </Card>
      <Modal
        open={drawing}
        title={t('verify.drawTitle', { month: monthText })}
        okText={t('verify.draw')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={draw}
        onCancel={() => setDrawing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('verify.drawHelp')}</Typography.Paragraph>
        <Flex gap={8} align="center">
          <Typography.Text>{t('verify.perTown')}</Typography.Text>
          <InputNumber
            aria-label={t('verify.perTown')}
            min={1}
            max={50}
            value={perTown}
            onChange={(value) => setPerTown(value ?? 5)}
          />
        </Flex>
        {drawError ? (
          <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={drawError} />
        ) : null}
      </Modal>
      <Modal
        open={problemOf !== null}
        title={t('verify.problemTitle', { name: problemOf?.headName ?? '' })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !note.trim() }}
        confirmLoading={busy}
        onOk={() => problemOf && record(problemOf, 'problem', note.trim())}
        onCancel={() => setProblemOf(null)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('verify.problemNote')}
          placeholder={t('verify.problemNote')}
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
