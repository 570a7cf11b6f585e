import { App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { PRODUCT_ACTION_LABELS, type ProductAction } from '../../../shared/consumer-assistance.js';
import {
  type Product,
  useActOnProducts,
  usePostProductNotice,
  useRefreshConsumer,
} from '../../data/consumer.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

export type ProductStep = ProductAction | 'notice';

interface Values {
  comment?: string;
  certificateNo?: string;
  channel?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
}

const NEEDS_REASON: readonly ProductStep[] = ['send_back', 'refuse', 'revoke'];

/** One step on the selected products (all or nothing); a notice, a reason or a certificate number when it needs one. */
export function ProductActionModal({
  step,
  products,
  onClose,
  onDone,
}: {
  step: ProductStep | null;
  products: Product[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useActOnProducts();
  const notice = usePostProductNotice();
  const refresh = useRefreshConsumer();
  useEffect(() => {
    if (step) {
      form.resetFields();
      form.setFieldsValue({
        channel: t('consumer.noticeChannelDefault'),
        startsOn: today(),
        endsOn: today().add(9, 'day'),
      });
    }
  }, [step, form, t]);
  const refs = products.map((p) => ({ id: p.id, version: p.version }));
  const needsCertificate = step === 'certify' && products.some((p) => !p.certificateNo);

  const submit = async (v: Values) => {
    if (step === 'notice') {
      await notice.mutateAsync({
        products: refs,
        channel: v.channel ?? '',
        startsOn: (v.startsOn as Dayjs).format('YYYY-MM-DD'),
        endsOn: (v.endsOn as Dayjs).format('YYYY-MM-DD'),
      });
    } else if (step) {
      await act.mutateAsync({
        action: step,
        products: refs,
        comment: v.comment?.trim() || null,
        certificateNo: v.certificateNo?.trim() || null,
      });
    }
    void message.success(t('consumer.stepDone', { n: products.length }));
    onDone();
  };

  return (
    <FormModal<Values>
      name="consumer-step"
      form={form}
      open={step !== null}
      title={step ? `${pick(PRODUCT_ACTION_LABELS[step])}（${products.length}）` : ''}
      onCancel={onClose}
      onSubmit={submit}
      onConflict={() => refresh()}
      conflictHint={t('consumer.conflict')}
      okText={step ? pick(PRODUCT_ACTION_LABELS[step]) : undefined}
      danger={step === 'refuse' || step === 'revoke'}
      onValuesChange={(changed) => {
        // The shortest notice (10 days) from the day it went up; the county may lengthen it.
        if (changed.startsOn) {
          form.setFieldsValue({ endsOn: changed.startsOn.add(9, 'day') });
        }
      }}
    >
      <Typography.Paragraph type="secondary">{products.map((p) => p.name).join('、')}</Typography.Paragraph>
      {step === 'notice' ? (
        <>
          <Form.Item
            name="channel"
            label={t('consumer.noticeChannel')}
            rules={[
              { required: true, message: t('consumer.required', { field: t('consumer.noticeChannel') }) },
              { max: 40 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="startsOn" label={t('consumer.noticeStart')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('consumer.noticeEnd')}
            extra={t('consumer.noticeExtra')}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      {needsCertificate ? (
        <Form.Item
          name="certificateNo"
          label={t('consumer.certificateNo')}
          rules={[
            {
              required: products.length === 1,
              message: t('consumer.required', { field: t('consumer.certificateNo') }),
            },
            { max: 60 },
          ]}
        >
          <Input />
        </Form.Item>
      ) : null}
      {step && step !== 'notice' ? (
        <Form.Item
          name="comment"
          label={NEEDS_REASON.includes(step) ? t('consumer.reason') : t('consumer.comment')}
          rules={[
            { required: NEEDS_REASON.includes(step), message: t('consumer.reasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
