import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { wan } from '../../../shared/consumer-assistance.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { QueryError } from '../../components/QueryState.js';
import { type ConsumerSettings, useConsumerSettings, useSaveConsumerSettings } from '../../data/consumer.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface SettingsValues {
  valueFloor: string;
  nationalFloor: string;
  renewalDays: number | null;
}

const valuesOf = (s: ConsumerSettings): SettingsValues => ({
  valueFloor: s.valueFloor,
  nationalFloor: s.nationalFloor,
  renewalDays: s.renewalDays,
});

/** A region code inside a county (or the county itself) has its 5th–6th digits set; a city's are 00. */
const countyOfRegion = (code: string | undefined) =>
  code && code.slice(4, 6) !== '00' ? `${code.slice(0, 6)}000000` : undefined;

/**
 * 认定标准: the county's floor of the annual value, the floor of a national certification and how many days
 * before the end of validity a product is listed for renewal. The county sets its own; others read them.
 */
export function SettingsCard({ regionCode }: { regionCode?: string | undefined }) {
  const { t } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const { message } = App.useApp();
  // A county user sees and sets the own county's; others see the county picked in the page's region filter.
  const countyCode = me.role === 'county' ? undefined : countyOfRegion(regionCode);
  const settings = useConsumerSettings(countyCode);
  const save = useSaveConsumerSettings();
  const [form] = Form.useForm<SettingsValues>();
  const [editing, setEditing] = useState(false);
  const s = settings.data;
  const isCounty = s !== undefined && s.countyCode.slice(4, 6) !== '00';
  const mayEdit = can('consumer.configure') && me.role === 'county';
  const required = (field: string) => [{ required: true, message: t('consumer.required', { field }) }];
  const money = (field: string) => [
    ...required(field),
    { pattern: MONEY_PATTERN, message: t('consumer.moneyFormat', { field }) },
  ];

  const open = () => {
    if (s) {
      form.setFieldsValue(valuesOf(s));
      setEditing(true);
    }
  };
  const submit = async (v: SettingsValues) => {
    await save.mutateAsync({
      valueFloor: v.valueFloor.trim(),
      nationalFloor: v.nationalFloor.trim(),
      renewalDays: v.renewalDays ?? 0,
      version: s?.version ?? 0,
    });
    void message.success(t('consumer.settingsSaved'));
    setEditing(false);
  };

  return (
    <Card
      size="small"
      title={t('consumer.settings')}
      data-testid="consumer-settings"
      loading={settings.isPending && !settings.isError}
      extra={
        mayEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={open} disabled={!s}>
            {t('consumer.editSettings')}
          </Button>
        ) : null
      }
    >
      <QueryError query={settings} />
      {s && !isCounty ? (
        <Typography.Text type="secondary">{t('consumer.settingsPickCounty')}</Typography.Text>
      ) : null}
      {s && isCounty ? (
        <Descriptions column={{ xs: 1, sm: 2, xl: 4 }} size="small">
          <Descriptions.Item label={t('consumer.valueFloor')}>{wan(s.valueFloor)}</Descriptions.Item>
          <Descriptions.Item label={t('consumer.nationalFloor')}>{wan(s.nationalFloor)}</Descriptions.Item>
          <Descriptions.Item label={t('consumer.renewalDays')}>
            {t('consumer.renewalDaysValue', { n: s.renewalDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('consumer.settingsSource')}>
            {/* Version 0: the county has never saved its own, the defaults apply. */}
            {s.version === 0 ? (
              <Tag>{t('consumer.settingsDefault')}</Tag>
            ) : (
              <Tag color="blue">{t('consumer.settingsOwn')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <FormModal<SettingsValues>
        form={form}
        name="consumer-settings"
        open={editing}
        title={t('consumer.editSettings')}
        onCancel={() => setEditing(false)}
        onSubmit={submit}
        conflictHint={t('consumer.settingsConflict')}
        onConflict={async () => {
          const fresh = await settings.refetch();
          if (fresh.data) {
            form.setFieldsValue(valuesOf(fresh.data));
          }
        }}
      >
        <Form.Item
          name="valueFloor"
          label={t('consumer.valueFloor')}
          extra={t('consumer.valueFloorExtra')}
          rules={money(t('consumer.valueFloor'))}
        >
          <Input inputMode="decimal" suffix={t('common.yuan')} />
        </Form.Item>
        <Form.Item
          name="nationalFloor"
          label={t('consumer.nationalFloor')}
          extra={t('consumer.nationalFloorExtra')}
          rules={money(t('consumer.nationalFloor'))}
        >
          <Input inputMode="decimal" suffix={t('common.yuan')} />
        </Form.Item>
        <Form.Item
          name="renewalDays"
          label={t('consumer.renewalDays')}
          extra={t('consumer.renewalDaysExtra')}
          rules={[
            ...required(t('consumer.renewalDays')),
            { type: 'integer', min: 1, max: 730, message: t('consumer.renewalDaysRange') },
          ]}
        >
          <InputNumber min={1} max={730} precision={0} suffix={t('consumer.days')} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
