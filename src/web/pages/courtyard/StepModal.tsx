import { App, Checkbox, DatePicker, Form, Input, Radio, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  COURTYARD_ACTION_LABELS,
  COURTYARD_ACTIVITIES,
  COURTYARD_ACTIVITY_LABELS,
  type CourtyardAction,
  type CourtyardActivity,
} from '../../../shared/courtyard.js';
import { NOTICE_MIN_DAYS } from '../../../shared/project-codes.js';
import { useActOnCourtyard } from '../../data/courtyard.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

interface Values {
  comment?: string;
  channel?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  activities?: CourtyardActivity[];
  scale?: string;
  scaleUnit?: 'mu' | 'head';
  netIncome?: string;
  cleanYard?: boolean;
  note?: string;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** One step on the picked villages or households: the notice for a selection, the 验收 result, or a reason. */
export function StepModal({
  kind,
  step,
  items,
  onClose,
  onDone,
}: {
  kind: 'village' | 'household';
  step: CourtyardAction | null;
  items: Array<{ id: number; version: number; headName?: string | null; villageName: string }>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useActOnCourtyard();
  const needsReason = step === 'send_back' || step === 'fail';
  const isResult = step === 'accept' && kind === 'household';

  useEffect(() => {
    if (step) {
      form.resetFields();
      form.setFieldsValue({
        channel: '县政府网站',
        startsOn: today(),
        endsOn: today().add(NOTICE_MIN_DAYS - 1, 'day'),
        cleanYard: true,
        scaleUnit: 'mu',
      });
    }
  }, [step, form]);

  const submit = async (v: Values) => {
    if (!step) {
      return;
    }
    const r = await act.mutateAsync({
      action: step,
      kind,
      items: items.map((i) => ({ id: i.id, version: i.version })),
      comment: v.comment?.trim() ? v.comment.trim() : null,
      ...(step === 'select' && v.startsOn && v.endsOn
        ? { notice: { channel: (v.channel ?? '').trim(), startsOn: day(v.startsOn), endsOn: day(v.endsOn) } }
        : {}),
      ...(isResult
        ? {
            result: {
              activities: v.activities ?? [],
              scale: v.scale?.trim() ? v.scale.trim() : null,
              scaleUnit: v.scale?.trim() ? (v.scaleUnit ?? 'mu') : null,
              netIncome: (v.netIncome ?? '').trim(),
              cleanYard: v.cleanYard ?? false,
              note: v.note?.trim() ? v.note.trim() : null,
            },
          }
        : {}),
    });
    void message.success(t('courtyard.acted', { action: pick(COURTYARD_ACTION_LABELS[step]), n: r.count }));
    onDone();
  };

  return (
    <FormModal<Values>
      form={form}
      name="courtyard-step"
      open={step !== null}
      title={step ? `${pick(COURTYARD_ACTION_LABELS[step])}（${items.length}）` : ''}
      onCancel={onClose}
      onSubmit={submit}
      conflictHint={t('courtyard.conflict')}
      danger={step === 'fail'}
    >
      <Typography.Paragraph type="secondary">
        {items
          .slice(0, 8)
          .map((i) => (kind === 'village' ? i.villageName : (i.headName ?? `#${i.id}`)))
          .join('、')}
      </Typography.Paragraph>
      {step === 'select' ? (
        <>
          <Form.Item
            name="channel"
            label={t('courtyard.noticeChannel')}
            rules={[{ required: true, max: 40 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="startsOn" label={t('courtyard.noticeStart')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('courtyard.noticeEnd')}
            extra={t('courtyard.noticeHint')}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      {isResult ? (
        <>
          <Form.Item
            name="activities"
            label={t('courtyard.activities')}
            rules={[{ required: true, message: t('courtyard.activitiesRequired') }]}
          >
            <Checkbox.Group
              options={COURTYARD_ACTIVITIES.map((a) => ({
                value: a,
                label: pick(COURTYARD_ACTIVITY_LABELS[a]),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('courtyard.scale')}>
            <Form.Item
              name="scale"
              noStyle
              rules={[{ pattern: /^\d{1,8}(\.\d{1,2})?$/, message: t('courtyard.scaleFormat') }]}
            >
              <Input inputMode="decimal" style={{ width: 140 }} aria-label={t('courtyard.scale')} />
            </Form.Item>{' '}
            <Form.Item name="scaleUnit" noStyle>
              <Radio.Group
                options={[
                  { value: 'mu', label: '亩' },
                  { value: 'head', label: '头（只）' },
                ]}
              />
            </Form.Item>
          </Form.Item>
          <Form.Item
            name="netIncome"
            label={t('courtyard.netIncome')}
            extra={t('courtyard.incomeHint')}
            rules={[
              { required: true, message: t('courtyard.incomeRequired') },
              { pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('courtyard.moneyFormat') },
            ]}
          >
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
          <Form.Item name="cleanYard" label={t('courtyard.cleanYardMet')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('courtyard.resultNote')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="comment"
        label={needsReason ? t('courtyard.reason') : t('courtyard.comment')}
        rules={[{ required: needsReason, message: t('courtyard.reasonRequired') }, { max: 200 }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
