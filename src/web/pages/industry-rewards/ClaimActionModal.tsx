import { Alert, App, AutoComplete, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { CLAIM_ACTION_LABELS, type ClaimAction } from '../../../shared/industry-rewards.js';
import { NOTICE_CHANNELS, NOTICE_MIN_DAYS } from '../../../shared/project-codes.js';
import {
  type Claim,
  useActOnClaims,
  usePostClaimNotice,
  useRefreshClaims,
} from '../../data/industry-rewards.js';
import { FormModal } from '../../forms/FormModal.js';
import { fieldRules } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

export type ClaimStep = ClaimAction | 'notice';

interface ActionValues {
  comment: string | undefined;
  onSiteNote: string | undefined;
  paidOn: Dayjs | undefined;
  channel: string | undefined;
  startsOn: Dayjs | undefined;
  endsOn: Dayjs | undefined;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The dialog of one step on the selected claims: the notice's channel and dates (≥ 10 days, start not after
 * today), the on-site note of a sampled claim, the paid-on date, or the reason to send back or refuse.
 */
export function ClaimActionModal({
  step,
  claims,
  onClose,
  onDone,
}: {
  step: ClaimStep | null;
  claims: Claim[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const act = useActOnClaims();
  const post = usePostClaimNotice();
  const refresh = useRefreshClaims();
  const sampled = claims.filter((c) => c.sampled);
  const needsReason = step === 'send_back' || step === 'reject';

  useEffect(() => {
    if (step) {
      form.resetFields();
      form.setFieldsValue({
        paidOn: today(),
        channel: NOTICE_CHANNELS[0],
        startsOn: today(),
        endsOn: today().add(NOTICE_MIN_DAYS - 1, 'day'),
      });
    }
  }, [step, form]);

  const refs = claims.map((c) => ({ id: c.id, version: c.version }));
  const submit = async (v: ActionValues) => {
    if (step === null) {
      return;
    }
    if (step === 'notice') {
      const r = await post.mutateAsync({
        claims: refs,
        channel: (v.channel ?? '').trim(),
        startsOn: day(v.startsOn as Dayjs),
        endsOn: day(v.endsOn as Dayjs),
      });
      void message.success(t('industry.noticePosted', { n: r.claims, end: day(v.endsOn as Dayjs) }));
    } else {
      const r = await act.mutateAsync({
        action: step,
        claims: refs,
        comment: v.comment?.trim() ? v.comment.trim() : null,
        ...(step === 'accept' && v.onSiteNote?.trim() ? { onSiteNote: v.onSiteNote.trim() } : {}),
        ...(step === 'pay' && v.paidOn ? { paidOn: day(v.paidOn) } : {}),
      });
      void message.success(t('industry.acted', { action: pick(CLAIM_ACTION_LABELS[step]), n: r.claims }));
    }
    onDone();
  };

  const title =
    step === null
      ? ''
      : `${step === 'notice' ? t('industry.postNotice') : pick(CLAIM_ACTION_LABELS[step])}（${t('industry.claimCount', { n: claims.length })}）`;
  return (
    <FormModal<ActionValues>
      form={form}
      name="claim-step"
      open={step !== null}
      title={title}
      onCancel={onClose}
      onSubmit={submit}
      onConflict={() => refresh()}
      conflictHint={t('industry.actConflict')}
      okText={t('common.ok')}
      danger={step === 'reject'}
    >
      <Typography.Paragraph type="secondary">
        {claims
          .slice(0, 8)
          .map((c) => c.headName ?? `#${c.householdId}`)
          .join('、')}
        {claims.length > 8 ? t('industry.andMore', { n: claims.length }) : ''}
      </Typography.Paragraph>
      {step === 'notice' ? (
        <>
          <Form.Item
            name="channel"
            label={t('industry.noticeChannel')}
            extra={t('industry.noticeChannelExtra')}
            rules={[
              { required: true, message: t('industry.required', { field: t('industry.noticeChannel') }) },
              ...fieldRules(t, 'POST /api/industry-claims/notices', 'channel', t('industry.noticeChannel')),
            ]}
          >
            <AutoComplete options={NOTICE_CHANNELS.map((c) => ({ value: c }))} />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('industry.noticeStart')}
            extra={t('industry.noticeStartExtra')}
            rules={[
              { required: true, message: t('industry.required', { field: t('industry.noticeStart') }) },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(today(), 'day')}
              onChange={(d: Dayjs | null) => {
                if (d) {
                  form.setFieldsValue({ endsOn: d.add(NOTICE_MIN_DAYS - 1, 'day') });
                }
              }}
            />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('industry.noticeEnd')}
            extra={t('industry.noticeEndExtra', { days: NOTICE_MIN_DAYS })}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('industry.required', { field: t('industry.noticeEnd') }) },
              ({ getFieldValue }) => ({
                validator: (_, end: Dayjs | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  return end && start && end.diff(start, 'day') + 1 < NOTICE_MIN_DAYS
                    ? Promise.reject(new Error(t('industry.noticeTooShort', { days: NOTICE_MIN_DAYS })))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      {step === 'accept' ? (
        <>
          {sampled.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('industry.sampledAlert', {
                names: sampled.map((c) => c.headName ?? `#${c.householdId}`).join('、'),
              })}
            />
          ) : null}
          <Form.Item
            name="onSiteNote"
            label={t('industry.onSiteNote')}
            extra={t('industry.onSiteNoteExtra')}
            rules={[
              ...(sampled.some((c) => !c.onSiteNote)
                ? [{ required: true, message: t('industry.onSiteNoteRequired') }]
                : []),
              ...fieldRules(t, 'POST /api/industry-claims/actions', 'onSiteNote', t('industry.onSiteNote')),
            ]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {step === 'pay' ? (
        <Form.Item
          name="paidOn"
          label={t('industry.paidOn')}
          rules={[{ required: true, message: t('industry.required', { field: t('industry.paidOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
        </Form.Item>
      ) : null}
      {step !== 'notice' ? (
        <Form.Item
          name="comment"
          label={
            needsReason
              ? t('industry.reason')
              : step === 'check'
                ? t('industry.checkNote')
                : t('industry.comment')
          }
          rules={[
            ...(needsReason ? [{ required: true, message: t('industry.reasonRequired') }] : []),
            ...fieldRules(t, 'POST /api/industry-claims/actions', 'comment', t('industry.comment')),
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
