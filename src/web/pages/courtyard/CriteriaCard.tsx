import { Button, Card, Descriptions, Form, Input, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryState } from '../../components/QueryState.js';
import {
  type CourtyardCriteria,
  useCourtyardCriteria,
  useSaveCourtyardCriteria,
} from '../../data/courtyard.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Values = Omit<CourtyardCriteria, 'countyCode' | 'isDefault' | 'year' | 'version'>;

/** The county's demo criteria of the year (the §C2 defaults until it sets its own); the county edits them. */
export function CriteriaCard({ year }: { year: number }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const isCity = me?.role === 'city' || me?.role === 'leader';
  const criteria = useCourtyardCriteria(year, undefined, !isCity);
  const save = useSaveCourtyardCriteria();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  if (isCity) {
    return null;
  }
  const c = criteria.data;
  return (
    <Card
      title={t('courtyard.criteria', { year })}
      data-testid="courtyard-criteria"
      extra={
        can('courtyard.configure') && c ? (
          <Button
            onClick={() => {
              form.setFieldsValue(c);
              setEditing(true);
            }}
          >
            {t('courtyard.editCriteria')}
          </Button>
        ) : null
      }
    >
      <QueryState bare query={criteria}>
        {(d) => (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('courtyard.minActivities')}>
              {d.householdMinActivities}
            </Descriptions.Item>
            <Descriptions.Item label={t('courtyard.minIncome')}>{d.householdMinIncome} 元</Descriptions.Item>
            <Descriptions.Item label={t('courtyard.cleanYard')}>
              {d.requireCleanYard ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('courtyard.minHouseholds')}>
              {d.villageMinHouseholds}
            </Descriptions.Item>
            <Descriptions.Item label={t('courtyard.minShare')}>{d.villageMinIncomeShare}%</Descriptions.Item>
            <Descriptions.Item label={t('courtyard.target')}>
              {d.targetVillages} × {d.targetHouseholds}
            </Descriptions.Item>
            {d.isDefault ? (
              <Descriptions.Item label={t('courtyard.source')}>{t('courtyard.defaults')}</Descriptions.Item>
            ) : null}
          </Descriptions>
        )}
      </QueryState>
      <FormModal<Values>
        form={form}
        name="courtyard-criteria"
        open={editing}
        title={t('courtyard.editCriteria')}
        onCancel={() => setEditing(false)}
        onSubmit={async (v) => {
          await save.mutateAsync({ ...v, year, version: c?.version ?? 0 });
          setEditing(false);
        }}
        conflictHint={t('courtyard.conflict')}
      >
        <Form.Item
          name="householdMinActivities"
          label={t('courtyard.minActivities')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="householdMinIncome" label={t('courtyard.minIncome')} rules={[{ required: true }]}>
          <Input inputMode="decimal" suffix="元" />
        </Form.Item>
        <Form.Item name="requireCleanYard" label={t('courtyard.cleanYard')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="villageMinHouseholds"
          label={t('courtyard.minHouseholds')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="villageMinIncomeShare" label={t('courtyard.minShare')} rules={[{ required: true }]}>
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
        <Form.Item name="targetVillages" label={t('courtyard.targetVillages')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="targetHouseholds"
          label={t('courtyard.targetHouseholds')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
