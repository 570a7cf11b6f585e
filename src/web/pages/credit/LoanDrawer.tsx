import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { clock } from '../../../shared/clock.js';
import {
  DPD_BUCKET_LABELS,
  type LoanAction,
  RENEWAL_CAUSE_LABELS,
  RENEWAL_CAUSES,
} from '../../../shared/credit.js';
import { useLoan, useLoanStep, useRecordDaysPastDue, useRecordRepayment } from '../../data/credit.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { LoanStatusTag } from './labels.js';

type FormKind = LoanAction | 'repay' | 'dpd';

/** One loan: its facts, lifecycle, repayments and DPD history, and the steps the user may take on it. */
export function LoanDrawer({ loanId, onClose }: { loanId: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loan = useLoan(loanId);
  const repay = useRecordRepayment();
  const recordDaysPastDue = useRecordDaysPastDue();
  const step = useLoanStep();
  const [form, setForm] = useState<FormKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [formRef] = Form.useForm();
  const data = loan.data;

  async function submit(values: Record<string, unknown>) {
    if (!data || !form) {
      return;
    }
    setBusy(true);
    try {
      const amount = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
      if (form === 'repay') {
        await repay.mutateAsync({
          id: data.id,
          body: {
            version: data.version,
            paidOn: String(values.onDate ?? clock().today()),
            principal: amount(values.principal) ?? '0',
            interest: amount(values.interest) ?? '0',
          },
        });
      } else if (form === 'dpd') {
        await recordDaysPastDue.mutateAsync({
          id: data.id,
          body: {
            version: data.version,
            asOf: String(values.onDate ?? clock().today()),
            daysPastDue: Number(values.daysPastDue ?? 0),
          },
        });
      } else {
        await step.mutateAsync({
          id: data.id,
          body: {
            action: form,
            version: data.version,
            onDate: (values.onDate as string | undefined) || undefined,
            creditGrade: (values.creditGrade as string | undefined) || undefined,
            contractNo: (values.contractNo as string | undefined) || undefined,
            maturityOn: (values.maturityOn as string | undefined) || undefined,
            amount: amount(values.amount),
            note: (values.note as string | undefined) || null,
            ...(values.cause ? { cause: values.cause as (typeof RENEWAL_CAUSES)[number] } : {}),
          },
        });
      }
      setForm(null);
      formRef.resetFields();
      void message.success(t('credit.saved'));
    } catch (cause) {
      void message.error(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, input: React.ReactNode, required = false) => (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: t('credit.required') }] : []}
    >
      {input}
    </Form.Item>
  );

  return (
    <Drawer
      open={loanId !== null}
      onClose={onClose}
      size={720}
      title={t('credit.loanDetail')}
      destroyOnHidden
    >
      {loan.error ? (
        <Alert type="error" showIcon title={errorMessage(loan.error, t('common.loadFailed'))} />
      ) : null}
      {data ? (
        <div data-testid="loan-detail">
          <Space wrap style={{ marginBottom: 12 }}>
            {data.allowedActions.map((a) => (
              <Button key={a} type="primary" onClick={() => setForm(a)}>
                {t(`credit.action.${a}` as 'credit.action.endorse')}
              </Button>
            ))}
            {data.canReport ? (
              <>
                <Button onClick={() => setForm('repay')}>{t('credit.action.repay')}</Button>
                <Button onClick={() => setForm('dpd')}>{t('credit.action.dpd')}</Button>
              </>
            ) : null}
          </Space>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('credit.borrower')}>
              {data.borrowerName}（{data.borrowerIdMasked}）
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.village')}>
              {data.townName} {data.villageName}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.bank')}>{data.bankName}</Descriptions.Item>
            <Descriptions.Item label={t('credit.contractNo')}>{data.contractNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('credit.amount')}>
              {data.amount} {t('credit.subsidisedPart', { amount: data.subsidisedAmount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.rate')}>
              {data.ratePercent}%（LPR {data.lprPercent}%）
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.term')}>
              {t('credit.months', { n: data.termMonths })}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.purpose')}>
              {data.purposeCode}
              {data.purpose ? `：${data.purpose}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.status')}>
              <LoanStatusTag status={data.status} />{' '}
              {data.daysPastDue > 0 ? DPD_BUCKET_LABELS[data.dpdBucket] : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.outstanding')}>{data.principalOutstanding}</Descriptions.Item>
            <Descriptions.Item label={t('credit.disbursedOn')}>{data.disbursedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('credit.maturityOn')}>{data.maturityOn ?? '—'}</Descriptions.Item>
            {data.subsidyThisYear ? (
              <Descriptions.Item label={t('credit.subsidyThisYear')} span={2}>
                {t('credit.subsidyLine', data.subsidyThisYear)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('credit.events')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.events}
            columns={[
              { title: t('credit.date'), dataIndex: 'onDate', width: 110 },
              { title: t('credit.step'), dataIndex: 'actionLabel', width: 110 },
              {
                title: t('credit.status'),
                dataIndex: 'toStatus',
                width: 100,
                render: (s: string) => <LoanStatusTag status={s} />,
              },
              { title: t('credit.amount'), dataIndex: 'amount', width: 100 },
              { title: t('credit.note'), render: (_, e) => [e.cause, e.note].filter(Boolean).join('；') },
              { title: t('credit.by'), dataIndex: 'actorName', width: 120 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('credit.repayments')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            dataSource={data.repayments}
            locale={{ emptyText: t('credit.noRepayments') }}
            columns={[
              { title: t('credit.date'), dataIndex: 'paidOn' },
              { title: t('credit.principal'), dataIndex: 'principal' },
              { title: t('credit.interest'), dataIndex: 'interest' },
              {
                title: t('credit.source'),
                dataIndex: 'bankFileId',
                render: (id: number | null) => (id ? `${t('credit.bankFile')} #${id}` : t('credit.manual')),
              },
            ]}
          />
          {data.dpdHistory.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('credit.dpdHistory')}
              </Typography.Title>
              <Space wrap>
                {data.dpdHistory.map((h) => (
                  <Tag key={`${h.fromOn}-${h.bucket}`} color={h.bucket === 'current' ? 'green' : 'orange'}>
                    {h.fromOn} {DPD_BUCKET_LABELS[h.bucket]}
                  </Tag>
                ))}
              </Space>
            </>
          ) : null}
        </div>
      ) : null}
      <Modal
        open={form !== null}
        title={form ? t(`credit.action.${form}` as 'credit.action.endorse') : ''}
        onCancel={() => setForm(null)}
        onOk={() => formRef.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={formRef} layout="vertical" onFinish={submit} data-testid="loan-step-form">
          {field('onDate', t('credit.date'), <Input type="date" aria-label={t('credit.date')} />)}
          {form === 'rate'
            ? field(
                'creditGrade',
                t('credit.creditGrade'),
                <Input aria-label={t('credit.creditGrade')} />,
                true,
              )
            : null}
          {form === 'approve'
            ? field('contractNo', t('credit.contractNo'), <Input aria-label={t('credit.contractNo')} />, true)
            : null}
          {form === 'renew' || form === 'extend' ? (
            <>
              {field(
                'cause',
                t('credit.cause'),
                <Select
                  aria-label={t('credit.cause')}
                  options={RENEWAL_CAUSES.map((c) => ({ value: c, label: RENEWAL_CAUSE_LABELS[c] }))}
                />,
                true,
              )}
              {field(
                'maturityOn',
                t('credit.newMaturity'),
                <Input type="date" aria-label={t('credit.newMaturity')} />,
                true,
              )}
            </>
          ) : null}
          {form === 'recover'
            ? field('amount', t('credit.recovered'), <Input aria-label={t('credit.recovered')} />, true)
            : null}
          {form === 'repay' ? (
            <>
              {field('principal', t('credit.principal'), <Input aria-label={t('credit.principal')} />, true)}
              {field('interest', t('credit.interest'), <Input aria-label={t('credit.interest')} />)}
            </>
          ) : null}
          {form === 'dpd'
            ? field(
                'daysPastDue',
                t('credit.daysPastDue'),
                <InputNumber min={0} aria-label={t('credit.daysPastDue')} />,
                true,
              )
            : null}
          {form !== 'repay' && form !== 'dpd'
            ? field(
                'note',
                t('credit.note'),
                <Input.TextArea rows={2} aria-label={t('credit.note')} />,
                form === 'refuse',
              )
            : null}
        </Form>
      </Modal>
    </Drawer>
  );
}
