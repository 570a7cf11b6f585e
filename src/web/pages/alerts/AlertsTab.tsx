import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ALERT_OUTCOMES, type AlertOutcome } from '../../../shared/feed-types.js';
import type { HouseholdType } from '../../../shared/household-codes.js';
import { type AlertItem, alertApi } from '../../api/department.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { AlertStatusTag, feedLabel, ruleLabel } from '../feeds/labels.js';
import { HouseholdTypeTag } from '../households/codes.js';

const today = () => new Date().toISOString().slice(0, 10);

function factsText(facts: Record<string, unknown>): string {
  const parts: string[] = [];
  if (facts.name) {
    parts.push(`${facts.name} ${facts.idMasked ?? ''}`);
  }
  if (typeof facts.amount === 'number') {
    parts.push(`${facts.amount.toLocaleString('zh-CN')} 元`);
  }
  for (const key of ['category', 'grade', 'changeType', 'detail', 'eventOn'] as const) {
    if (facts[key]) {
      parts.push(String(facts[key]));
    }
  }
  return parts.join(' · ');
}

/** The alerts in scope, open ones first by deadline; staff verify and close them here. */
export function AlertsTab() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const alerts = useRemote(
    () => alertApi.list({ status, overdue, page, pageSize: 20 }),
    `alerts-${status}-${overdue}-${page}`,
  );
  const [target, setTarget] = useState<AlertItem | null>(null);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('decl.status')}
          style={{ width: 170 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('alerts.all') },
            { value: 'open', label: t('alertStatus.open') },
            ...ALERT_OUTCOMES.map((o) => ({ value: o, label: t(`alertStatus.${o}`) })),
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('alerts.overdue')}
        </Checkbox>
      </Space>
      {alerts.error ? (
        <Alert type="error" showIcon title={errorMessage(alerts.error, t('common.loadFailed'))} />
      ) : null}
      <Table<AlertItem>
        data-testid="alerts-table"
        rowKey="id"
        size="middle"
        loading={alerts.loading}
        dataSource={alerts.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: alerts.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          {
            title: t('alerts.household'),
            dataIndex: 'headName',
            width: 130,
            render: (name: string, a) =>
              can('household.read') ? <Link to={`/households/${a.householdId}`}>{name}</Link> : name,
          },
          {
            title: t('hh.type'),
            dataIndex: 'householdType',
            width: 100,
            render: (type: HouseholdType) => <HouseholdTypeTag type={type} />,
          },
          {
            title: t('alerts.village'),
            dataIndex: 'villageName',
            width: 140,
            render: (v: string, a) => `${a.townName ?? ''} ${v}`,
          },
          {
            title: t('alerts.source'),
            dataIndex: 'department',
            width: 150,
            render: (d: string, a) => `${d} · ${feedLabel(pick, a.feedType)} · ${a.period}`,
          },
          {
            title: t('alerts.rule'),
            dataIndex: 'ruleCode',
            render: (code: string, a) => (
              <>
                <Typography.Text strong>{ruleLabel(pick, code)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{factsText(a.facts)}</Typography.Text>
              </>
            ),
          },
          {
            title: t('alerts.dueOn'),
            dataIndex: 'dueOn',
            width: 120,
            render: (due: string, a) => (
              <Space size={4}>
                {due}
                {a.status === 'open' && due < today() ? (
                  <Tag color="red">{t('alerts.overdueTag')}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('decl.status'),
            dataIndex: 'status',
            width: 140,
            render: (s: string, a) => (
              <>
                <AlertStatusTag status={s} />
                {a.closedReason ? <Typography.Text type="secondary">{a.closedReason}</Typography.Text> : null}
              </>
            ),
          },
          {
            title: t('common.actions'),
            width: 90,
            fixed: 'right',
            render: (_: unknown, a) =>
              a.status === 'open' && can('alert.handle') ? (
                <Typography.Link onClick={() => setTarget(a)}>{t('alerts.verify')}</Typography.Link>
              ) : null,
          },
        ]}
      />
      {target ? (
        <VerifyModal
          alert={target}
          onClose={(changed) => {
            setTarget(null);
            if (changed) {
              alerts.reload();
            }
          }}
        />
      ) : null}
    </>
  );
}

function VerifyModal({ alert, onClose }: { alert: AlertItem; onClose: (changed: boolean) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: AlertOutcome; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  async function save() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await alertApi.close(alert.id, {
        outcome: values.outcome,
        reason: values.reason ?? null,
        version: alert.version,
      });
      message.success(t('alerts.closed'));
      onClose(true);
    } catch (error) {
      if (!applyServerFieldErrors(form, error, ['reason'])) {
        message.error(errorMessage(error, t('common.loadFailed')));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('alerts.verifyTitle', { name: alert.headName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {ruleLabel(pick, alert.ruleCode)} — {factsText(alert.facts)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'included' }}>
        <Form.Item name="outcome" label={t('alerts.outcome')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space direction="vertical">
              {ALERT_OUTCOMES.map((o) => (
                <Radio key={o} value={o}>
                  {t(`alertStatus.${o}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('alerts.reason')}
          rules={[
            { required: outcome === 'not_at_risk', whitespace: true, message: t('alerts.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
