import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { HOUSEHOLD_TYPE_LABELS, HOUSEHOLD_TYPES } from '../../../../shared/household-codes.js';
import { MONEY_PATTERN } from '../../../../shared/money.js';
import { useSession } from '../../../auth/SessionProvider.js';
import { QueryState } from '../../../components/QueryState.js';
import { type ScreeningRules, useScreeningRules, useUpdateScreeningRules } from '../../../data/screening.js';
import { showOnFields } from '../../../forms/FormModal.js';
import { useErrorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PageHeader } from '../../PageHeader.js';

/** One rule: its switch, and its threshold when it has one (greyed out while the rule is off). */
function RuleRow({
  name,
  label,
  threshold,
}: {
  name: keyof Omit<ScreeningRules, 'householdTypes'>;
  label: string;
  /** `money`: an amount in 元, edited as a decimal string like every amount (the API refuses a number). */
  threshold?: { field: string; label: string; min: number; max?: number; suffix?: string; money?: boolean };
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ScreeningRules>();
  const enabled = Form.useWatch([name, 'enabled'], form);
  return (
    <Row gutter={16} align="middle" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Col xs={24} md={10}>
        <Form.Item name={[name, 'enabled']} valuePropName="checked" noStyle>
          <Switch aria-label={label} />
        </Form.Item>
        <Typography.Text strong style={{ marginInlineStart: 12 }}>
          {label}
        </Typography.Text>
      </Col>
      <Col xs={24} md={14}>
        {threshold ? (
          <Form.Item
            label={threshold.label}
            name={[name, threshold.field]}
            style={{ margin: '8px 0 0' }}
            rules={[
              { required: true, message: threshold.label },
              ...(threshold.money ? [{ pattern: MONEY_PATTERN, message: t('rules.moneyFormat') }] : []),
            ]}
          >
            {threshold.money ? (
              <Input
                inputMode="decimal"
                disabled={!enabled}
                style={{ width: 180 }}
                suffix={threshold.suffix}
              />
            ) : (
              <InputNumber
                min={threshold.min}
                max={threshold.max}
                disabled={!enabled}
                style={{ width: 180 }}
                suffix={threshold.suffix}
              />
            )}
          </Form.Item>
        ) : null}
      </Col>
    </Row>
  );
}

export function ScreeningRulesPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remote = useScreeningRules();
  const update = useUpdateScreeningRules();
  const [form] = Form.useForm<ScreeningRules>();
  const [error, setError] = useState<string | null>(null);
  const saving = update.isPending;
  const canConfigure = can('screening.configure');

  useEffect(() => {
    if (remote.data) {
      form.setFieldsValue(remote.data.rules);
    }
  }, [remote.data, form]);

  const onFinish = async (rules: ScreeningRules) => {
    setError(null);
    try {
      const saved = await update.mutateAsync(rules);
      void message.success(t('rules.saved', { version: saved.version }));
    } catch (cause) {
      if (!showOnFields(form, cause)) {
        setError(errorText(cause, t('common.loadFailed')));
      }
    }
  };

  const version = remote.data?.version;
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        extra={
          version === undefined ? null : (
            <Tag color="blue" data-testid="rules-version">
              {version === 0 ? t('rules.defaults') : t('rules.version', { version })}
            </Tag>
          )
        }
      />
      <Card style={{ maxWidth: 960 }}>
        <QueryState query={remote} bare>
          {(view) => (
            <Form<ScreeningRules>
              form={form}
              layout="vertical"
              name="rules-form"
              onFinish={onFinish}
              disabled={!canConfigure || saving}
              initialValues={view.rules}
            >
              <Alert
                type={canConfigure ? 'info' : 'warning'}
                showIcon
                title={canConfigure ? t('rules.help') : t('rules.readOnly')}
                style={{ marginBottom: 16 }}
              />
              {error ? (
                <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
              ) : null}
              <Form.Item
                label={t('rules.householdTypes')}
                name="householdTypes"
                rules={[{ required: true, message: t('rules.householdTypes') }]}
              >
                <Checkbox.Group
                  options={HOUSEHOLD_TYPES.map((type) => ({
                    value: type,
                    label: pick(HOUSEHOLD_TYPE_LABELS[type]),
                  }))}
                />
              </Form.Item>
              <RuleRow name="incomeBelowLine" label={t('rules.incomeBelowLine')} />
              <RuleRow
                name="nearLine"
                label={t('rules.nearLine')}
                threshold={{
                  field: 'marginPercent',
                  label: t('rules.marginPercent'),
                  min: 0,
                  max: 200,
                  suffix: '%',
                }}
              />
              <RuleRow
                name="sharpDrop"
                label={t('rules.sharpDrop')}
                threshold={{
                  field: 'dropPercent',
                  label: t('rules.dropPercent'),
                  min: 1,
                  max: 100,
                  suffix: '%',
                }}
              />
              <RuleRow name="guarantees" label={t('rules.guarantees')} />
              <RuleRow
                name="medicalSpending"
                label={t('rules.medicalSpending')}
                threshold={{
                  field: 'threshold',
                  label: t('rules.threshold'),
                  min: 0,
                  suffix: t('common.yuan'),
                  money: true,
                }}
              />
              {canConfigure ? (
                <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
                  {t('common.save')}
                </Button>
              ) : null}
            </Form>
          )}
        </QueryState>
      </Card>
    </>
  );
}
