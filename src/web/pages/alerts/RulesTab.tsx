import { Alert, App, Checkbox, Form, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import { type AlertRule, type AlertRuleInput, alertApi } from '../../api/department.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { feedLabel, ruleLabel } from '../feeds/labels.js';

/** The alert rules; the city changes thresholds, household types and deadlines, or switches a rule off. */
export function RulesTab() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const rules = useRemote(() => alertApi.rules(), 'alert-rules');
  const [target, setTarget] = useState<AlertRule | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('alertRules.help')}</Typography.Paragraph>
      {rules.error ? (
        <Alert type="error" showIcon title={errorMessage(rules.error, t('common.loadFailed'))} />
      ) : null}
      <Table<AlertRule>
        data-testid="alert-rules-table"
        rowKey="code"
        size="middle"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('alertRules.rule'), dataIndex: 'code', render: (code: string) => ruleLabel(pick, code) },
          {
            title: t('alertRules.feedType'),
            dataIndex: 'feedType',
            render: (f: string) => feedLabel(pick, f),
          },
          {
            title: t('alertRules.threshold'),
            dataIndex: 'threshold',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')),
          },
          {
            title: t('alertRules.householdTypes'),
            dataIndex: 'householdTypes',
            render: (types: HouseholdType[]) =>
              types.map((ty) => <Tag key={ty}>{pick(HOUSEHOLD_TYPE_LABELS[ty])}</Tag>),
          },
          { title: t('alertRules.deadlineDays'), dataIndex: 'deadlineDays', align: 'right' },
          {
            title: t('alertRules.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean) =>
              on ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_: unknown, rule) =>
              can('alert.configure') ? (
                <Typography.Link onClick={() => setTarget(rule)}>{t('alertRules.edit')}</Typography.Link>
              ) : null,
          },
        ]}
      />
      {target ? (
        <RuleModal
          rule={target}
          onClose={(saved) => {
            setTarget(null);
            if (saved) {
              rules.reload();
            }
          }}
        />
      ) : null}
    </>
  );
}

function RuleModal({ rule, onClose }: { rule: AlertRule; onClose: (saved: boolean) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AlertRuleInput>();
  const [busy, setBusy] = useState(false);
  async function save() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await alertApi.updateRule(rule.code, { ...values, threshold: values.threshold ?? null });
      message.success(t('alertRules.saved'));
      onClose(true);
    } catch (error) {
      message.error(errorMessage(error, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={ruleLabel(pick, rule.code)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          threshold: rule.threshold,
          householdTypes: rule.householdTypes,
          deadlineDays: rule.deadlineDays,
          enabled: rule.enabled,
        }}
      >
        {rule.code === 'medical_out_of_pocket' || rule.code === 'disaster' ? (
          <Form.Item name="threshold" label={t('alertRules.threshold')}>
            <InputNumber min={0} step={1000} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="householdTypes" label={t('alertRules.householdTypes')} rules={[{ required: true }]}>
          <Checkbox.Group
            options={HOUSEHOLD_TYPES.map((ty) => ({ value: ty, label: pick(HOUSEHOLD_TYPE_LABELS[ty]) }))}
          />
        </Form.Item>
        <Form.Item name="deadlineDays" label={t('alertRules.deadlineDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="enabled" label={t('alertRules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
