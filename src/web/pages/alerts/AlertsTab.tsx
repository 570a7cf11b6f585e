import { App, Checkbox, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { clock } from '../../../shared/clock.js';
import { ALERT_OUTCOMES, type AlertOutcome } from '../../../shared/feed-types.js';
import type { HouseholdType } from '../../../shared/household-codes.js';
import { useSession } from '../../auth/SessionProvider.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import { type AlertItem, type AlertSearch, useAlerts, useCloseAlert } from '../../data/alerts.js';
import { FormModal } from '../../forms/FormModal.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { AlertStatusTag, feedLabel, ruleLabel } from '../feeds/labels.js';
import { HouseholdTypeTag } from '../households/codes.js';

const today = () => clock().today();

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

const STATUSES: NonNullable<AlertSearch['status']>[] = ['open', ...ALERT_OUTCOMES];
const FILTERS = ['status', 'overdue'] as const;

/** The alerts in scope, open ones first by deadline; staff verify and close them here. */
export function AlertsTab() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const table = useTableParams(FILTERS);
  // Open alerts unless another status is chosen ("all" stays in the URL to tell it from the default).
  const statusParam = table.filters.status ?? 'open';
  const status = STATUSES.find((s) => s === statusParam);
  const overdue = table.filters.overdue === 'true';
  const alerts = useAlerts({
    status,
    overdue: overdue ? 'true' : undefined,
    page: table.page,
    pageSize: table.pageSize,
  });
  const [target, setTarget] = useState<AlertItem | null>(null);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('decl.status')}
          style={{ width: 170 }}
          value={status ?? 'all'}
          onChange={(v) => table.setFilters({ status: v === 'open' ? undefined : v })}
          options={[
            { value: 'all', label: t('alerts.all') },
            { value: 'open', label: t('alertStatus.open') },
            ...ALERT_OUTCOMES.map((o) => ({ value: o, label: t(`alertStatus.${o}`) })),
          ]}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => table.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
        >
          {t('alerts.overdue')}
        </Checkbox>
      </Space>
      <UrlTable<AlertItem, (typeof FILTERS)[number]>
        data-testid="alerts-table"
        query={alerts}
        params={table}
        rowKey="id"
        size="middle"
        scroll={{ x: 1100 }}
        emptyText={status === 'open' && !overdue ? t('alerts.emptyOpen') : t('alerts.emptyFiltered')}
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
      {target ? <VerifyModal alert={target} onClose={() => setTarget(null)} /> : null}
    </>
  );
}

interface VerifyValues {
  outcome: AlertOutcome;
  reason?: string;
}

function VerifyModal({ alert, onClose }: { alert: AlertItem; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerifyValues>();
  const close = useCloseAlert();
  const outcome = Form.useWatch('outcome', form);

  return (
    <FormModal<VerifyValues>
      form={form}
      open
      name="verify-alert"
      title={t('alerts.verifyTitle', { name: alert.headName })}
      onCancel={onClose}
      onSubmit={async (values) => {
        await close.mutateAsync({
          id: alert.id,
          body: { outcome: values.outcome, reason: values.reason?.trim() || null, version: alert.version },
        });
        void message.success(t('alerts.closed'));
        onClose();
      }}
    >
      <Typography.Paragraph>
        {ruleLabel(pick, alert.ruleCode)} — {factsText(alert.facts)}
      </Typography.Paragraph>
      <Form.Item
        name="outcome"
        label={t('alerts.outcome')}
        initialValue="included"
        rules={[{ required: true }]}
      >
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
        <Input.TextArea rows={3} maxLength={maxLengthOf('POST /api/alerts/{id}/close', 'reason')} />
      </Form.Item>
    </FormModal>
  );
}
