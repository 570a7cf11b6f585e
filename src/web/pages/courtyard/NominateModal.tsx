import { App, Form, Select } from 'antd';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useNominateCourtyard } from '../../data/courtyard.js';
import { useHouseholds } from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Values {
  regionCode: string;
  householdIds: number[];
}

/** The township nominates one of its villages and its 脱贫/监测 households, picked from the registry. */
export function NominateModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const regionCode = Form.useWatch('regionCode', form);
  const enabled = open && typeof regionCode === 'string' && regionCode.length === 12;
  const exited = useHouseholds({ regionCode, type: 'exited_poverty', page: 1, pageSize: 200 }, { enabled });
  const monitored = useHouseholds({ regionCode, type: 'monitored', page: 1, pageSize: 200 }, { enabled });
  const nominate = useNominateCourtyard();
  const options = [...(exited.data?.items ?? []), ...(monitored.data?.items ?? [])].map((h) => ({
    value: h.id,
    label: `${h.headName} · ${h.householdType === 'monitored' ? '监测户' : '脱贫户'} · ${h.householdNo ?? `#${h.id}`}`,
  }));
  return (
    <FormModal<Values>
      form={form}
      name="courtyard-nominate"
      open={open}
      title={t('courtyard.nominateTitle', { year })}
      onCancel={onClose}
      onSubmit={async (v) => {
        const r = await nominate.mutateAsync({
          year,
          regionCode: v.regionCode,
          householdIds: v.householdIds ?? [],
        });
        void message.success(t('courtyard.nominated', { n: r.households }));
        form.resetFields();
        onClose();
      }}
    >
      <Form.Item
        name="regionCode"
        label={t('courtyard.village')}
        rules={[{ required: true, message: t('courtyard.pickVillage') }]}
      >
        <RegionPicker levels={['village']} aria-label={t('courtyard.village')} />
      </Form.Item>
      <Form.Item name="householdIds" label={t('courtyard.households')} extra={t('courtyard.eligibleHint')}>
        <Select<number[]>
          mode="multiple"
          aria-label={t('courtyard.households')}
          disabled={!enabled}
          loading={exited.isFetching || monitored.isFetching}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={enabled ? t('courtyard.searchHousehold') : t('courtyard.pickVillageFirst')}
        />
      </Form.Item>
    </FormModal>
  );
}
