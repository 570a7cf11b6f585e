import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { clock } from '../../../../shared/clock.js';
import { useSession } from '../../../auth/SessionProvider.js';
import { QueryState } from '../../../components/QueryState.js';
import {
  type MonitoringLine,
  type MonitoringLineInput,
  useMonitoringLines,
  useSetMonitoringLine,
} from '../../../data/monitoring-lines.js';
import { FormModal } from '../../../forms/FormModal.js';
import { fieldRules, maxLengthOf } from '../../../forms/field-rules.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { money } from '../../households/codes.js';
import { PageHeader } from '../../PageHeader.js';
import { MissingLineAlert } from './MissingLineAlert.js';

type Target = { kind: 'add' } | { kind: 'edit'; line: MonitoringLine } | null;

const LINE_PUT = 'PUT /api/screening/lines';

export function MonitoringLinesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const lines = useMonitoringLines();
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
        {canConfigure ? <MissingLineAlert /> : null}
        <QueryState
          query={lines}
          bare
          isEmpty={(d) => d.length === 0}
          empty={{ reason: t(canConfigure ? 'lines.emptyConfigure' : 'lines.empty') }}
        >
          {() => (
            <Table<MonitoringLine>
              data-testid="lines-table"
              rowKey={(l) => `${l.province}/${l.year}`}
              size="middle"
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
                  render: (amount: string) => <Typography.Text strong>{money(amount)}</Typography.Text>,
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
          )}
        </QueryState>
      </Card>
      <LineModal
        target={target}
        onClose={() => setTarget(null)}
        defaultProvince={sorted[0]?.province ?? '河南'}
      />
    </>
  );
}

function LineModal({
  target,
  onClose,
  defaultProvince,
}: {
  target: Target;
  onClose: () => void;
  defaultProvince: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MonitoringLineInput>();
  const save = useSetMonitoringLine();

  useEffect(() => {
    form.resetFields();
    if (target?.kind === 'edit') {
      form.setFieldsValue(target.line);
    } else if (target) {
      form.setFieldsValue({ province: defaultProvince, year: Number(clock().today().slice(0, 4)), note: '' });
    }
  }, [target, form, defaultProvince]);

  const isEdit = target?.kind === 'edit';
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<MonitoringLineInput>
      form={form}
      open={target !== null}
      name="line-form"
      title={
        target?.kind === 'edit'
          ? t('lines.editTitle', { province: target.line.province, year: target.line.year })
          : t('lines.addTitle')
      }
      onCancel={onClose}
      onSubmit={async (v) => {
        await save.mutateAsync({
          ...v,
          province: v.province.trim(),
          amount: v.amount.trim(),
          note: v.note?.trim() || null,
        });
        void message.success(t('lines.saved'));
        onClose();
      }}
    >
      <Form.Item
        label={t('lines.province')}
        name="province"
        rules={[required(t('lines.province')), ...fieldRules(t, LINE_PUT, 'province', t('lines.province'))]}
      >
        <Input maxLength={maxLengthOf(LINE_PUT, 'province')} disabled={isEdit} />
      </Form.Item>
      <Form.Item
        label={t('lines.year')}
        name="year"
        rules={[required(t('lines.year')), ...fieldRules(t, LINE_PUT, 'year', t('lines.year'))]}
      >
        <InputNumber precision={0} disabled={isEdit} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('lines.amount')}
        name="amount"
        rules={[
          required(t('lines.amount')),
          ...fieldRules(t, LINE_PUT, 'amount', t('lines.amount'), {
            patternMessage: t('common.moneyFormat', { field: t('lines.amount') }),
          }),
        ]}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item
        label={t('lines.note')}
        name="note"
        style={{ marginBottom: 0 }}
        rules={fieldRules(t, LINE_PUT, 'note', t('lines.note'))}
      >
        <Input maxLength={maxLengthOf(LINE_PUT, 'note')} />
      </Form.Item>
    </FormModal>
  );
}
