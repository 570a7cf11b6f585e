import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../../shared/household-codes.js';
import {
  CLAIM_ACTION_LABELS,
  CLAIM_STAGE_LABELS,
  CLAIM_STAGES,
  type ClaimAction,
  type ClaimStage,
} from '../../../shared/industry-rewards.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { AttachmentLinks } from '../../components/PhotoUpload.js';
import { type ClaimDetail, type Scheme, useClaim, useRecordObjections } from '../../data/industry-rewards.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { ClaimFormModal, type ClaimFormTarget } from './ClaimFormModal.js';
import { CapTag, percentText, StageTag, useScaleText } from './claim-rules.js';

interface ObjectionValues {
  objections: number | null;
  objectionNote: string | undefined;
  resolved: boolean;
}

/** The objections raised while the claims were posted and whether they are settled (the township waits for it). */
function ObjectionsForm({ notice }: { notice: NonNullable<ClaimDetail['notice']> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ObjectionValues>();
  const record = useRecordObjections();

  useEffect(() => {
    form.setFieldsValue({ objections: notice.objections, resolved: notice.resolved });
  }, [notice, form]);

  const submit = async (v: ObjectionValues) => {
    await record.mutateAsync({
      id: notice.id,
      body: {
        objections: v.objections ?? 0,
        objectionNote: v.objectionNote?.trim() ? v.objectionNote.trim() : null,
        resolved: v.resolved,
      },
    });
    void message.success(t('industry.objectionsSaved'));
  };

  return (
    <Form<ObjectionValues>
      form={form}
      name="objections"
      layout="vertical"
      onFinish={(v) => submit(v).catch(() => undefined)}
      disabled={record.isPending}
    >
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="objections" label={t('industry.objections')} style={{ marginBottom: 8 }}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="resolved" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('industry.objectionsResolved')}</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item name="objectionNote" label={t('industry.objectionNote')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} placeholder={t('industry.objectionNotePlaceholder')} />
      </Form.Item>
      {record.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(record.error)}
          style={{ marginBottom: 8 }}
          role="alert"
        />
      ) : null}
      <Button htmlType="submit" loading={record.isPending}>
        {t('industry.objectionsSave')}
      </Button>
    </Form>
  );
}

const isStage = (s: string | null): s is ClaimStage => CLAIM_STAGES.some((x) => x === s);

/** One claim: the household and its figures, the reward and its cap, the notice (and its objections), the steps. */
export function ClaimDrawer({
  claimId,
  schemes,
  onClose,
}: {
  claimId: number | null;
  /** The year's schemes (the edit form previews the reward with its scheme's rate and caps). */
  schemes: Scheme[];
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const isMobile = useIsMobile();
  const scaleText = useScaleText();
  const errorText = useErrorText();
  const detail = useClaim(claimId);
  const [editing, setEditing] = useState<ClaimFormTarget | null>(null);
  const c = claimId === null ? null : (detail.data ?? null);
  const mayEdit = c !== null && can('industry.declare') && (c.stage === 'declared' || c.stage === 'returned');
  const mayRecordObjections = can('industry.act') && (me.role === 'village' || me.role === 'township');
  const stepName = (action: string) =>
    action in CLAIM_ACTION_LABELS
      ? pick(CLAIM_ACTION_LABELS[action as ClaimAction])
      : t(
          `industry.event.${action === 'declare' || action === 'edit' || action === 'notice' ? action : 'other'}`,
        );

  return (
    <Drawer
      open={claimId !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={
        c ? `${t('industry.claimDetail')} · ${c.headName ?? `#${c.householdId}`}` : t('industry.claimDetail')
      }
      width={isMobile ? '100%' : 760}
      destroyOnHidden
      extra={
        mayEdit && c ? (
          <Button onClick={() => setEditing({ kind: 'edit', claim: c })}>{t('industry.editClaim')}</Button>
        ) : null
      }
    >
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} role="alert" /> : null}
      {c ? (
        <Flex vertical gap={20} data-testid="claim-drawer">
          {c.stage === 'returned' && c.lastComment ? (
            <Alert type="warning" showIcon title={t('industry.returnedAlert', { comment: c.lastComment })} />
          ) : null}
          {c.stage === 'rejected' && c.lastComment ? (
            <Alert type="error" showIcon title={t('industry.rejectedAlert', { comment: c.lastComment })} />
          ) : null}
          <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={t('industry.stage')}>
              <Flex gap={4} wrap>
                <StageTag stage={c.stage} />
                {c.sampled ? <Tag color="volcano">{t('industry.sampled')}</Tag> : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.scheme')}>
              {c.schemeYear} · {c.schemeItem}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.headName')}>
              {c.headName ?? '—'}
              {c.headIdMasked ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {c.headIdMasked}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.householdNo')}>{c.householdNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('industry.householdType')}>
              {c.householdType in HOUSEHOLD_TYPE_LABELS
                ? pick(HOUSEHOLD_TYPE_LABELS[c.householdType as HouseholdType])
                : c.householdType}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.village')}>
              {c.countyName}
              {c.townName ?? ''}
              {c.villageName}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.scale')}>
              {scaleText(c.scale, c.schemeUnit)}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.source')}>
              {c.source === 'visit' ? t('industry.sourceVisit') : t('industry.sourceHousehold')}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.revenue')}>{c.revenue}</Descriptions.Item>
            <Descriptions.Item label={t('industry.cost')}>{c.cost}</Descriptions.Item>
            <Descriptions.Item label={t('industry.netIncome')}>{c.netIncome}</Descriptions.Item>
            <Descriptions.Item label={t('industry.ratePercent')}>
              {percentText(c.ratePercent)}%
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.reward')}>
              <Typography.Text strong>{c.reward}</Typography.Text> <CapTag cap={c.capApplied} />
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.paidOn')}>{c.paidOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('industry.villageNote')}>{c.villageNote ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('industry.onSiteNote')}>{c.onSiteNote ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('industry.note')} span={isMobile ? 1 : 2}>
              {c.note ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.photos')} span={isMobile ? 1 : 2}>
              {c.attachmentIds.length > 0 ? (
                <span data-testid="claim-photos">
                  <AttachmentLinks ids={c.attachmentIds} />
                </span>
              ) : (
                t('industry.noPhotos')
              )}
            </Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('industry.notice')}</Typography.Title>
            {c.notice ? (
              <Flex vertical gap={12}>
                <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
                  <Descriptions.Item label={t('industry.noticePeriod')}>
                    {c.notice.startsOn} ~ {c.notice.endsOn}
                    {c.notice.endsOn >= today().format('YYYY-MM-DD') ? (
                      <Tag color="gold" style={{ marginInlineStart: 8 }}>
                        {t('industry.noticeRunning')}
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('industry.objections')}>
                    {c.notice.objections}
                    {c.notice.objections > 0 ? (
                      <Tag color={c.notice.resolved ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                        {c.notice.resolved ? t('industry.objectionsSettled') : t('industry.objectionsOpen')}
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                </Descriptions>
                {mayRecordObjections && c.stage === 'notice' ? <ObjectionsForm notice={c.notice} /> : null}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('industry.noNotice')}</Typography.Text>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{t('industry.events')}</Typography.Title>
            <Timeline
              data-testid="claim-events"
              items={c.events.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <div>
                      {e.actedOn} · {e.actorName} · {stepName(e.action)}
                      {isStage(e.toStage) ? ` → ${pick(CLAIM_STAGE_LABELS[e.toStage])}` : ''}
                    </div>
                    {e.comment ? <Typography.Text type="secondary">{e.comment}</Typography.Text> : null}
                  </>
                ),
              }))}
            />
          </div>
        </Flex>
      ) : null}
      <ClaimFormModal name="claim-edit" target={editing} schemes={schemes} onClose={() => setEditing(null)} />
    </Drawer>
  );
}
