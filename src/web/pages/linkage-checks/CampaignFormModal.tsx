import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  DEFAULT_CHECK_ITEMS,
  DEFAULT_FOLLOW_UP_ITEMS,
  DEFAULT_SAMPLE_PERCENT,
} from '../../../shared/linkage-checks.js';
import { type CampaignDetail, useCreateCampaign, useUpdateCampaign } from '../../data/linkage-checks.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

export type CampaignFormTarget =
  | { kind: 'create'; year: number }
  | { kind: 'edit'; campaign: CampaignDetail };

interface Values {
  name: string | undefined;
  startsOn: Dayjs | undefined;
  endsOn: Dayjs | undefined;
  checkItems: string[];
  followUpItems: string[];
  samplePercent: number | undefined;
}

/** 组织核查 / 编辑活动: name, period, the editable item lists and (when set up) the sample percentage. */
export function CampaignFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: CampaignFormTarget | null;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();

  useEffect(() => {
    if (!target) {
      return;
    }
    form.resetFields();
    if (target.kind === 'create') {
      const start = today().year() === target.year ? today() : dayjs(`${target.year}-01-01`);
      form.setFieldsValue({
        name: `${t('lc.yearValue', { year: target.year })}联农带农“四查四促”核查`,
        startsOn: start,
        endsOn: dayjs(`${target.year}-12-31`),
        checkItems: [...DEFAULT_CHECK_ITEMS],
        followUpItems: [...DEFAULT_FOLLOW_UP_ITEMS],
        samplePercent: DEFAULT_SAMPLE_PERCENT,
      });
    } else {
      const c = target.campaign;
      form.setFieldsValue({
        name: c.name,
        startsOn: dayjs(c.startsOn),
        endsOn: dayjs(c.endsOn),
        checkItems: c.checkItems,
        followUpItems: c.followUpItems,
      });
    }
  }, [target, form, t]);

  const submit = async (v: Values) => {
    if (!target) {
      return;
    }
    const common = {
      name: (v.name ?? '').trim(),
      startsOn: (v.startsOn as Dayjs).format('YYYY-MM-DD'),
      endsOn: (v.endsOn as Dayjs).format('YYYY-MM-DD'),
      checkItems: v.checkItems.map((i) => i.trim()).filter(Boolean),
      followUpItems: v.followUpItems.map((i) => i.trim()).filter(Boolean),
    };
    if (target.kind === 'create') {
      const created = await create.mutateAsync({
        ...common,
        year: target.year,
        samplePercent: v.samplePercent ?? DEFAULT_SAMPLE_PERCENT,
      });
      void message.success(t('lc.created', { n: created.sample.length }));
      onCreated?.(created.id);
    } else {
      await update.mutateAsync({
        id: target.campaign.id,
        body: { ...common, version: target.campaign.version },
      });
      void message.success(t('lc.saved'));
    }
    onClose();
  };

  const required = (field: string) => [{ required: true, message: t('lc.required', { field }) }];
  return (
    <FormModal<Values>
      form={form}
      name="campaign"
      open={target !== null}
      title={target?.kind === 'edit' ? t('lc.edit') : t('lc.create')}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        name="name"
        label={t('lc.name')}
        rules={[
          ...required(t('lc.name')),
          ...fieldRules(t, 'POST /api/linkage-checks', 'name', t('lc.name')),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="startsOn" label={t('lc.startsOn')} rules={required(t('lc.startsOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('lc.endsOn')} rules={required(t('lc.endsOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="checkItems"
        label={t('lc.checkItems')}
        extra={t('lc.itemsExtra')}
        rules={required(t('lc.checkItems'))}
      >
        <Select mode="tags" open={false} aria-label={t('lc.checkItems')} />
      </Form.Item>
      <Form.Item name="followUpItems" label={t('lc.followUpItems')} rules={required(t('lc.followUpItems'))}>
        <Select mode="tags" open={false} aria-label={t('lc.followUpItems')} />
      </Form.Item>
      {target?.kind === 'create' ? (
        <Form.Item
          name="samplePercent"
          label={t('lc.samplePercent')}
          extra={t('lc.samplePercentExtra')}
          rules={required(t('lc.samplePercent'))}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
