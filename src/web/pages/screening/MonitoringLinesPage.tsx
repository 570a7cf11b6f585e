import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { screeningApi } from '../../api/endpoints.js';
import type { MonitoringLine } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { money } from '../households/codes.js';
import { PageHeader } from '../PageHeader.js';

type Target = { kind: 'add' } | { kind: 'edit'; line: MonitoringLine } | null;

export function MonitoringLinesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const lines = useRemote(() => screeningApi.lines(), 'lines');
  const [target, setTarget] = useState<Target>(null);
  const canConfigure = can('screening.configure');
  const sorted = [...(lines.data ?? [])].sort(
    (a, b) => b.year - a.year || a.province.localeCompare(b.province),
  );

  return (
    <>
      <PageHeader
        title={t('lines.title')}
        extra={
          canConfigure ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'add' })}>
              {t('lines.add')}
            </Button>
          ) : null
        }
      />
      <Card style={{ maxWidth: 960 }}>
        <Typography.Paragraph type="secondary">{t('lines.help')}</Typography.Paragraph>
        {lines.error ? (
          <Alert type="error" showIcon title={errorMessage(lines.error, t('common.loadFailed'))} />
        ) : null}
        <Table<MonitoringLine>
          data-testid="lines-table"
          rowKey={(l) => `${l.province}/${l.year}`}
          size="middle"
          loading={lines.loading}
          dataSource={sorted}
          pagination={false}
          scroll={{ x: 600 }}
          columns={[
            { title: t('lines.province'), dataIndex: 'province', width: 100 },
            { title: t('lines.year'), dataIndex: 'year', width: 80 },
            {
              title: t('lines.amount'),
              dataIndex: 'amount',
              width: 170,
              align: 'right',
              render: (amount: number) => <Typography.Text strong>{money(amount)}</Typography.Text>,
            },
            { title: t('lines.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
            ...(canConfigure
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, line: MonitoringLine) => (
                      <Button type="link" size="small" onClick={() => setTarget({ kind: 'edit', line })}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <LineModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          lines.reload();
        }}
        defaultProvince={sorted[0]?.province ?? '河南'}
      />
    </>
  );
}

function LineModal({
  target,
  onClose,
  onSaved,
  defaultProvince,
}: {
  target: Target;
  onClose: () => void;
  onSaved: () => void;
  defaultProvince: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MonitoringLine>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    form.resetFields();
    if (target?.kind === 'edit') {
      form.setFieldsValue(target.line);
    } else if (target) {
      form.setFieldsValue({ province: defaultProvince, year: new Date().getFullYear(), note: '' });
    }
  }, [target, form, defaultProvince]);

  const onFinish = async (v: MonitoringLine) => {
    setSaving(true);
    setError(null);
    try {
      await screeningApi.setLine({ ...v, province: v.province.trim(), note: v.note?.trim() || null });
      message.success(t('lines.saved'));
      onSaved();
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['province', 'year', 'amount', 'note'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const isEdit = target?.kind === 'edit';
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Modal
      open={target !== null}
      title={
        target?.kind === 'edit'
          ? t('lines.editTitle', { province: target.line.province, year: target.line.year })
          : t('lines.addTitle')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<MonitoringLine>
        form={form}
        layout="vertical"
        name="line-form"
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item label={t('lines.province')} name="province" rules={[required(t('lines.province'))]}>
          <Input maxLength={20} disabled={isEdit} />
        </Form.Item>
        <Form.Item label={t('lines.year')} name="year" rules={[required(t('lines.year'))]}>
          <InputNumber min={2015} max={2100} precision={0} disabled={isEdit} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('lines.amount')} name="amount" rules={[required(t('lines.amount'))]}>
          <InputNumber min={1} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('lines.note')} name="note" style={{ marginBottom: 0 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
