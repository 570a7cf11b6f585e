import { App, Checkbox, Form, Input, InputNumber, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
} from '../../../shared/household-codes.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryState } from '../../components/QueryState.js';
import { type AlertRule, type AlertRuleBody, useAlertRules, useUpdateAlertRule } from '../../data/alerts.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { feedLabel, ruleLabel } from '../feeds/labels.js';

/** The alert rules; the city changes thresholds, household types and deadlines, or switches a rule off. */
export function RulesTab() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const rules = useAlertRules();
  const [target, setTarget] = useState<AlertRule | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('alertRules.help')}</Typography.Paragraph>
      <QueryState query={rules} bare>
        {(data) => (
          <Table<AlertRule>
            data-testid="alert-rules-table"
            rowKey="code"
            size="middle"
            loading={rules.isFetching}
            dataSource={data}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('alertRules.rule'),
                dataIndex: 'code',
                render: (code: string) => ruleLabel(pick, code),
              },
              {
                title: t('alertRules.feedType'),
                dataIndex: 'feedType',
                render: (f: string) => feedLabel(pick, f),
              },
              {
                title: t('alertRules.threshold'),
                dataIndex: 'threshold',
                align: 'right',
                render: (v: string | null) => v ?? '—',
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
        )}
      </QueryState>
      {target ? <RuleModal rule={target} onClose={() => setTarget(null)} /> : null}
    </>
  );
}

function RuleModal({ rule, onClose }: { rule: AlertRule; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AlertRuleBody>();
  const update = useUpdateAlertRule();
  return (
    <FormModal<AlertRuleBody>
      form={form}
      open
      name="alert-rule"
      title={ruleLabel(pick, rule.code)}
      onCancel={onClose}
      onSubmit={async (values) => {
        await update.mutateAsync({
          code: rule.code,
          // Money travels as a decimal string; an emptied field means "no threshold".
          body: {
            ...values,
            threshold: values.threshold?.trim() ? values.threshold.trim() : null,
            version: rule.version,
          },
        });
        void message.success(t('alertRules.saved'));
        onClose();
      }}
    >
      {rule.code === 'medical_out_of_pocket' || rule.code === 'disaster' ? (
        <Form.Item
          name="threshold"
          label={t('alertRules.threshold')}
          initialValue={rule.threshold ?? undefined}
          rules={[{ pattern: MONEY_PATTERN, message: t('alertRules.thresholdFormat') }]}
        >
          <Input inputMode="decimal" style={{ width: 200 }} placeholder="20000.00" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="householdTypes"
        label={t('alertRules.householdTypes')}
        initialValue={rule.householdTypes}
        rules={[{ required: true }]}
      >
        <Checkbox.Group
          options={HOUSEHOLD_TYPES.map((ty) => ({ value: ty, label: pick(HOUSEHOLD_TYPE_LABELS[ty]) }))}
        />
      </Form.Item>
      <Form.Item
        name="deadlineDays"
        label={t('alertRules.deadlineDays')}
        initialValue={rule.deadlineDays}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={60} />
      </Form.Item>
      <Form.Item
        name="enabled"
        label={t('alertRules.enabled')}
        initialValue={rule.enabled}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
