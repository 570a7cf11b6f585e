import { Alert, Button, Descriptions, Drawer, Flex, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  COURTYARD_ACTION_LABELS,
  COURTYARD_ACTIVITY_LABELS,
  COURTYARD_STAGE_LABELS,
  COURTYARD_STAGES,
  type CourtyardAction,
  type CourtyardStage,
} from '../../../shared/courtyard.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { type CourtyardHousehold, type CourtyardVillage, useCourtyardRecord } from '../../data/courtyard.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { ObjectionsModal } from './ObjectionsModal.js';
import { CourtyardStageTag } from './stage-tag.js';

export interface RecordTarget {
  kind: 'village' | 'household';
  id: number;
}

const isStage = (s: string | null): s is CourtyardStage => COURTYARD_STAGES.some((x) => x === s);

/** One demo village or household: its facts, its stage, the county's list notice (and objections), the steps. */
export function RecordDrawer({ target, onClose }: { target: RecordTarget | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const errorText = useErrorText();
  const detail = useCourtyardRecord(target?.kind ?? 'village', target?.id ?? null);
  const record = target === null ? null : (detail.data ?? null);
  const v = record?.village ?? null;
  const h = record?.household ?? null;
  const stage = v?.stage ?? h?.stage ?? null;
  const reason = v?.failReason ?? h?.failReason ?? v?.lastComment ?? h?.lastComment ?? null;
  const title = v
    ? `${t('courtyard.villageDetail')} · ${v.townName ?? ''}${v.villageName}`
    : h
      ? `${t('courtyard.householdDetail')} · ${h.headName ?? `#${h.householdId}`}`
      : t(target?.kind === 'household' ? 'courtyard.householdDetail' : 'courtyard.villageDetail');
  const stepName = (action: string) =>
    action in COURTYARD_ACTION_LABELS
      ? pick(COURTYARD_ACTION_LABELS[action as CourtyardAction])
      : action === 'nominate'
        ? t('courtyard.eventNominate')
        : action;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={title}
      width={isMobile ? '100%' : 760}
      destroyOnHidden
    >
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} role="alert" /> : null}
      {record && stage ? (
        <Flex vertical gap={20} data-testid="courtyard-drawer">
          {(stage === 'failed' || stage === 'nominated') && reason ? (
            <Alert
              type={stage === 'failed' ? 'error' : 'warning'}
              showIcon
              title={t('courtyard.reasonAlert', {
                stage: pick(COURTYARD_STAGE_LABELS[stage]),
                comment: reason,
              })}
            />
          ) : null}
          {v ? <VillageFacts v={v} /> : null}
          {h ? <HouseholdFacts h={h} /> : null}
          {v ? <NoticeSection v={v} /> : null}
          <div>
            <Typography.Title level={5}>{t('courtyard.events')}</Typography.Title>
            {record.events.length === 0 ? (
              <Typography.Text type="secondary">{t('courtyard.noEvents')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="courtyard-events"
                items={record.events.map((e) => ({
                  key: e.id,
                  children: (
                    <>
                      <div>
                        {e.actedOn} · {e.actorName} · {stepName(e.action)}
                        {isStage(e.fromStage) ? ` · ${pick(COURTYARD_STAGE_LABELS[e.fromStage])}` : ''}
                        {isStage(e.toStage) ? ` → ${pick(COURTYARD_STAGE_LABELS[e.toStage])}` : ''}
                      </div>
                      {e.comment ? <Typography.Text type="secondary">{e.comment}</Typography.Text> : null}
                    </>
                  ),
                }))}
              />
            )}
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}

/** Shortfalls as a list under the facts: why the record does not (yet) meet the county's criteria. */
function Shortfalls({ list }: { list: string[] }) {
  const { t } = useI18n();
  return list.length === 0 ? (
    <Tag color="success">{t('courtyard.meets')}</Tag>
  ) : (
    <Flex gap={4} wrap>
      {list.map((s) => (
        <Tag key={s} color="warning">
          {s}
        </Tag>
      ))}
    </Flex>
  );
}

function VillageFacts({ v }: { v: CourtyardVillage }) {
  const { t } = useI18n();
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
      <Descriptions.Item label={t('courtyard.stage')}>
        <CourtyardStageTag stage={v.stage} />
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.location')}>
        {v.countyName} · {v.townName ?? ''}
        {v.villageName}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.year')}>
        {t('courtyard.yearValue', { year: v.year })}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.incomeShare')}>
        {`${v.incomeSharePercent}%（${v.withCourtyardIncome}/${v.households}）`}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.households')} span={{ xs: 1, sm: 2 }}>
        {t('courtyard.householdCounts', {
          demo: v.demoHouseholds,
          qualified: v.qualifiedHouseholds,
          accepted: v.acceptedHouseholds,
          named: v.namedHouseholds,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.acceptedOn')}>{v.acceptedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.namedOn')}>{v.namedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.check')} span={{ xs: 1, sm: 2 }}>
        <Shortfalls list={v.shortfalls} />
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.note')} span={{ xs: 1, sm: 2 }}>
        {v.note ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function HouseholdFacts({ h }: { h: CourtyardHousehold }) {
  const { t, pick } = useI18n();
  const unit = h.scaleUnit === 'head' ? t('courtyard.unitHead') : t('courtyard.unitMu');
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
      <Descriptions.Item label={t('courtyard.stage')}>
        <CourtyardStageTag stage={h.stage} />
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.location')}>
        {h.countyName} · {h.townName ?? ''}
        {h.villageName}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.householdType')}>
        {h.householdType === 'monitored' ? t('courtyard.monitored') : t('courtyard.exitedPoverty')}
        {h.headIdMasked ? ` · ${h.headIdMasked}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.noticeEnd')}>{h.noticeEndsOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.activities')} span={{ xs: 1, sm: 2 }}>
        {h.activities.length > 0
          ? h.activities.map((a) => pick(COURTYARD_ACTIVITY_LABELS[a])).join('、')
          : t('courtyard.notInspected')}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.scale')}>
        {h.scale ? `${h.scale} ${unit}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.netIncome')}>{h.netIncome ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.cleanYardLabel')}>
        {h.cleanYard === null ? '—' : h.cleanYard ? t('courtyard.meets') : t('courtyard.notMet')}
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.acceptedOn')}>{h.acceptedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.namedOn')}>{h.namedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('courtyard.check')} span={{ xs: 1, sm: 2 }}>
        <Shortfalls list={h.shortfalls} />
      </Descriptions.Item>
      <Descriptions.Item label={t('courtyard.resultNoteShort')} span={{ xs: 1, sm: 2 }}>
        {h.resultNote ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The county's list notice; the county records the objections while the village is building (before 验收). */
function NoticeSection({ v }: { v: CourtyardVillage }) {
  const { t } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const [recording, setRecording] = useState(false);
  const notice = v.notice;
  const mayRecord = notice !== null && can('courtyard.act') && me.role === 'county' && v.stage === 'building';
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('courtyard.noticeTitle')}
        </Typography.Title>
        {mayRecord ? (
          <Button onClick={() => setRecording(true)}>{t('courtyard.recordObjections')}</Button>
        ) : null}
      </Flex>
      {notice ? (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('courtyard.notice')}>
            {notice.startsOn} ~ {notice.endsOn}
            {notice.endsOn >= today().format('YYYY-MM-DD') ? (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('courtyard.noticeRunning')}
              </Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('courtyard.objections')}>
            <span data-testid="courtyard-objections">{notice.objections}</span>
            {notice.objections > 0 ? (
              <Tag color={notice.resolved ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                {notice.resolved ? t('courtyard.objectionsSettled') : t('courtyard.objectionsOpen')}
              </Tag>
            ) : null}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('courtyard.noNotice')}
        </Typography.Paragraph>
      )}
      {notice && mayRecord ? (
        <ObjectionsModal notice={notice} open={recording} onClose={() => setRecording(false)} />
      ) : null}
    </div>
  );
}
