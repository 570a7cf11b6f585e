import { Alert, App, Button, Card, Form, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { clock } from '../../../shared/clock.js';
import { QueryError } from '../../components/QueryState.js';
import {
  type EmploymentSettings,
  useCityCounties,
  useEmploymentSettings,
  useSaveEmploymentSettings,
} from '../../data/employment.js';
import { showOnFields } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The city's counting rule (months of work), job-end gap, and the 200,000 target split per county, per year. */
export function EmploymentSettingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const year = Number(clock().today().slice(0, 4));
  const errorText = useErrorText();
  const settings = useEmploymentSettings(year);
  const counties = useCityCounties();
  const saveSettings = useSaveEmploymentSettings();
  const [form] = Form.useForm<
    Omit<EmploymentSettings, 'targets'> & { targets: Record<string, number | null> }
  >();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) {
      form.setFieldsValue({
        ...settings.data,
        targets: Object.fromEntries(settings.data.targets.map((x) => [x.countyCode, x.target])),
      });
    }
  }, [settings.data, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) {
      return;
    }
    setProblem(null);
    try {
      await saveSettings.mutateAsync({
        year,
        minMonths: v.minMonths,
        jobGapDays: v.jobGapDays,
        cityTarget: v.cityTarget,
        targets: Object.entries(v.targets ?? {})
          .filter((e): e is [string, number] => typeof e[1] === 'number')
          .map(([countyCode, target]) => ({ countyCode, target })),
      });
      void message.success(t('emp.settingsSaved'));
    } catch (cause) {
      if (!showOnFields(form, cause)) {
        setProblem(errorText(cause, t('common.loadFailed')));
      }
    }
  };

  return (
    <Card style={{ maxWidth: 720 }} loading={settings.isPending && !settings.isError}>
      <QueryError query={settings} />
      <QueryError query={counties} />
      {problem ? (
        <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph type="secondary">
        {t('emp.year')} {year}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="employment-settings">
        <Form.Item label={t('emp.minMonths')} name="minMonths" rules={[{ required: true }]}>
          <InputNumber min={1} max={12} />
        </Form.Item>
        <Form.Item label={t('emp.gapDays')} name="jobGapDays" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item label={t('emp.cityTarget')} name="cityTarget" rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
        <Typography.Text strong>{t('emp.countyTargets')}</Typography.Text>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          style={{ margin: '8px 0 16px' }}
          dataSource={counties.data ?? []}
          columns={[
            { title: t('monthly.region'), dataIndex: 'name' },
            {
              title: t('emp.target'),
              key: 'target',
              render: (_, c) => (
                <Form.Item name={['targets', c.code]} noStyle>
                  <InputNumber min={0} aria-label={`${c.name}${t('emp.target')}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Button type="primary" onClick={save} loading={saveSettings.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
