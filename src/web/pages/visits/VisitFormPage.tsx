import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { RISK_TYPES, type RiskType } from '../../../shared/case-workflow.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../auth/SessionProvider.js';
import { HouseholdSelect } from '../../components/HouseholdSelect.js';
import { PhotoUpload } from '../../components/PhotoUpload.js';
import { type ClaimBody, useDeclareClaim } from '../../data/industry-rewards.js';
import {
  useAddVisitWorkRecord,
  useSaveVisit,
  useVisitHousehold,
  useWorksetHousehold,
  type VisitBody,
  type VisitWorkRecordBody,
} from '../../data/visits.js';
import { showOnFields } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { RISK_TYPE_LABELS } from '../../i18n/messages.js';
import { OfflineChecks } from '../../offline/OfflineChecks.js';
import { OfflineFacts } from '../../offline/OfflineFacts.js';
import { queueIndustryClaim, queueVisit, queueWorkRecord } from '../../offline/sync.js';
import { useOffline } from '../../offline/useOffline.js';
import { today } from '../../util/today.js';
import { newUuid } from '../../util/uuid.js';
import {
  EMPTY_WORK_RECORD,
  WorkRecordFields,
  type WorkRecordValues,
  workRecordBody,
} from '../employment/WorkRecordFields.js';
import {
  EMPTY_VISIT_CLAIM,
  VisitClaimFields,
  type VisitClaimValues,
  visitClaimBody,
} from '../industry-rewards/VisitClaimFields.js';

interface Values {
  householdId: number | undefined;
  visitedOn: Dayjs;
  incomeChanged: boolean;
  incomeNote: string;
  guaranteesNote: string;
  industryNote: string;
  workNote: string;
  newRisks: RiskType[];
  measuresAgreed: string;
  note: string;
  attachmentIds: string[];
  /** A job found at this visit (务工监测), sent as its own record before the visit. */
  addWork: boolean;
  work: WorkRecordValues;
  /** An industry-reward claim recorded at this visit (产业奖补), sent as its own record before the visit. */
  addClaim: boolean;
  claim: VisitClaimValues;
}

const text = (value: string | undefined) => value?.trim() || null;

/**
 * A visit record, made for a phone: big controls, one column. The visit's id is made here once, so a second tap,
 * a retry after a dropped connection, or a resent request stores the visit only once.
 */
export function VisitFormPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const presetId = Number(params.get('householdId')) || undefined;
  const household = useVisitHousehold(presetId);
  const { online, worksetAt, outbox } = useOffline();
  // Offline, the heading comes from the work set stored on the phone (read again after each sync, so a
  // lead settled by a sent close leaves the list).
  const stored = useWorksetHousehold(presetId, `${worksetAt}|${outbox.length}`);
  const saveVisit = useSaveVisit();
  const addWorkRecord = useAddVisitWorkRecord();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const visitId = useRef(newUuid());
  const workId = useRef(newUuid());
  const claimId = useRef(newUuid());
  const declareClaim = useDeclareClaim();
  const { can } = useSession();
  const isSending = useRef(false);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{
    created: boolean;
    leadId: number | null;
    householdId: number;
    /** Kept on the phone for sending (offline, or the connection dropped while saving). */
    queued?: boolean;
  } | null>(null);
  const householdId = Form.useWatch('householdId', form) ?? presetId;
  const incomeChanged = Form.useWatch('incomeChanged', form);
  const addWork = Form.useWatch('addWork', form);
  const addClaim = Form.useWatch('addClaim', form);
  // The household picked in the form (or preset): its county and type decide which schemes it can claim on.
  const claimHousehold = useVisitHousehold(addClaim && online ? householdId : undefined);
  // Members to choose from: the server's record online, the phone's work set offline.
  const members = (household.data?.members ?? stored.data?.members ?? []).map((m) => ({
    id: m.id,
    name: m.name,
    relation: m.relation,
  }));

  const onFinish = async (values: Values) => {
    const id = values.householdId ?? presetId;
    if (!id || isSending.current) {
      return;
    }
    isSending.current = true;
    setSaving(true);
    setError(null);
    const body: VisitBody = {
      id: visitId.current,
      householdId: id,
      visitedOn: values.visitedOn.format('YYYY-MM-DD'),
      incomeChanged: values.incomeChanged,
      incomeNote: values.incomeChanged ? text(values.incomeNote) : null,
      guaranteesNote: text(values.guaranteesNote),
      industryNote: text(values.industryNote),
      workNote: text(values.workNote),
      newRisks: values.newRisks ?? [],
      measuresAgreed: text(values.measuresAgreed),
      note: text(values.note),
      attachmentIds: values.attachmentIds ?? [],
    };
    const headName = household.data?.household.headName ?? stored.data?.headName ?? null;
    const work: VisitWorkRecordBody | null =
      values.addWork && values.work.personId
        ? {
            ...workRecordBody(values.work),
            personId: values.work.personId,
            clientId: workId.current,
            visitId: visitId.current,
          }
        : null;
    const claim: ClaimBody | null =
      values.addClaim && values.claim?.schemeId
        ? {
            ...visitClaimBody(values.claim),
            householdId: id,
            clientId: claimId.current,
            visitId: visitId.current,
          }
        : null;
    const keepForLater = async () => {
      if (work) {
        await queueWorkRecord(work, headName);
      }
      if (claim) {
        await queueIndustryClaim(claim, headName);
      }
      await queueVisit(body, headName);
      setSaved({ created: true, leadId: null, householdId: id, queued: true });
      window.scrollTo({ top: 0 });
    };
    try {
      if (!navigator.onLine) {
        await keepForLater();
        return;
      }
      if (work) {
        // The same client id makes a resend after a lost answer store the record once.
        await addWorkRecord.mutateAsync(work);
      }
      if (claim) {
        await declareClaim.mutateAsync(claim);
      }
      const result = await saveVisit.mutateAsync(body);
      setSaved({ created: result.created, leadId: result.visit.leadId, householdId: id });
      window.scrollTo({ top: 0 });
    } catch (cause) {
      // No answer: the visit may or may not have landed; the outbox resends it under the same id, which
      // stores it once either way.
      if (cause instanceof ApiError && cause.status === 0) {
        await keepForLater();
        return;
      }
      const field =
        cause instanceof ApiError ? cause.fieldIssues.find((i) => i.field.startsWith('newRisks')) : undefined;
      if (field) {
        form.setFields([{ name: 'newRisks', errors: [field.message] }]);
      } else if (!showOnFields(form, cause)) {
        setError(errorText(cause, t('common.loadFailed')));
      }
    } finally {
      isSending.current = false;
      setSaving(false);
    }
  };

  const another = () => {
    visitId.current = newUuid();
    workId.current = newUuid();
    claimId.current = newUuid();
    form.resetFields();
    setSaved(null);
    void navigate('/visits/new', { replace: true });
  };

  const backToDue = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/visits')}
      style={{ paddingInline: 0 }}
    >
      {t('visits.backToDue')}
    </Button>
  );

  if (saved) {
    return (
      <>
        {backToDue}
        <Card>
          <Result
            status={saved.queued ? 'info' : 'success'}
            title={
              saved.queued ? (
                <span data-testid="visit-queued">
                  {t('offline.savedLocally')} <Tag color="orange">{t('offline.pending')}</Tag>
                </span>
              ) : saved.created ? (
                t('visits.saved')
              ) : (
                t('visits.savedAgain')
              )
            }
            subTitle={
              saved.queued
                ? t('offline.savedLocallyHelp')
                : saved.leadId
                  ? `${t('visits.leadRaised')} #${saved.leadId}`
                  : undefined
            }
            extra={
              <Flex vertical gap={8} style={{ width: '100%', maxWidth: 360, margin: '0 auto' }}>
                <Button type="primary" size="large" block onClick={() => navigate('/visits')}>
                  {t('visits.backToDue')}
                </Button>
                {saved.queued ? null : (
                  <Button
                    size="large"
                    block
                    onClick={() => navigate(`/households/${saved.householdId}?tab=visits`)}
                  >
                    {t('leads.viewHousehold')}
                  </Button>
                )}
                <Button size="large" block onClick={another}>
                  {t('visits.another')}
                </Button>
              </Flex>
            }
          />
        </Card>
      </>
    );
  }

  const h = household.data?.household;
  // The phone's copy stands in only when the server cannot answer (offline, or the request failed), not while
  // the online record is still loading: otherwise the offline cards would flash on a slow link.
  const offlineHousehold =
    !h && (household.error || household.fetchStatus === 'paused' || !navigator.onLine)
      ? (stored.data ?? undefined)
      : undefined;
  return (
    <div style={{ maxWidth: 720 }}>
      {backToDue}
      <Typography.Title level={3} style={{ margin: '4px 0 12px' }}>
        {t('visits.newTitle')}
        {h ? ` · ${h.headName}` : offlineHousehold ? ` · ${offlineHousehold.headName}` : ''}
      </Typography.Title>
      {h ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {h.townName} · {h.villageName} · {h.householdNo ?? `#${h.id}`}
        </Typography.Paragraph>
      ) : null}
      {offlineHousehold ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {offlineHousehold.regionName} · {offlineHousehold.householdNo ?? `#${offlineHousehold.id}`}
        </Typography.Paragraph>
      ) : null}
      {offlineHousehold ? <OfflineChecks household={offlineHousehold} /> : null}
      {offlineHousehold ? (
        <OfflineFacts
          key={`${offlineHousehold.id}-${offlineHousehold.version}`}
          household={offlineHousehold}
        />
      ) : null}
      {household.error && !offlineHousehold ? (
        <Alert
          type="error"
          showIcon
          title={errorText(household.error, t('common.loadFailed'))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small">
        {error ? (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          name="visit-form"
          onFinish={onFinish}
          disabled={saving}
          onValuesChange={() => setError(null)}
          initialValues={{
            householdId: presetId,
            visitedOn: today(),
            incomeChanged: false,
            incomeNote: '',
            guaranteesNote: '',
            industryNote: '',
            workNote: '',
            newRisks: [],
            measuresAgreed: '',
            note: '',
            attachmentIds: [],
            addWork: false,
            work: EMPTY_WORK_RECORD,
            addClaim: false,
            claim: EMPTY_VISIT_CLAIM,
          }}
        >
          {presetId ? null : (
            <Form.Item
              label={t('visits.household')}
              name="householdId"
              rules={[{ required: true, message: t('visits.chooseHousehold') }]}
            >
              <HouseholdSelect size="large" />
            </Form.Item>
          )}
          <Form.Item
            label={t('visits.visitedOn')}
            name="visitedOn"
            rules={[{ required: true, message: t('common.required', { field: t('visits.visitedOn') }) }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              inputReadOnly
              disabledDate={(d) => d.isAfter(today(), 'day')}
            />
          </Form.Item>
          <Form.Item label={t('visits.incomeChanged')} name="incomeChanged">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'flex' }}
              options={[
                { value: false, label: t('common.no'), style: { flex: 1, textAlign: 'center' } },
                { value: true, label: t('common.yes'), style: { flex: 1, textAlign: 'center' } },
              ]}
            />
          </Form.Item>
          {incomeChanged ? (
            <Form.Item label={t('visits.incomeNote')} name="incomeNote">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('visits.guaranteesNote')} name="guaranteesNote">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label={t('visits.industryNote')} name="industryNote">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label={t('visits.workNote')} name="workNote">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {can('employment.write') ? (
            <>
              <Form.Item name="addWork" valuePropName="checked" label={t('emp.visitSection')}>
                <Checkbox data-testid="visit-add-work">{t('emp.visitAdd')}</Checkbox>
              </Form.Item>
              {addWork ? (
                <Card size="small" style={{ marginBottom: 16 }} data-testid="visit-work">
                  <WorkRecordFields members={members} prefix={['work']} showEnd={false} />
                </Card>
              ) : null}
            </>
          ) : null}
          {can('industry.declare') ? (
            <>
              <Form.Item name="addClaim" valuePropName="checked" label={t('industry.visitSection')}>
                <Checkbox data-testid="visit-add-claim">{t('industry.visitAdd')}</Checkbox>
              </Form.Item>
              {addClaim ? (
                <Card size="small" style={{ marginBottom: 16 }} data-testid="visit-claim">
                  {!online ? (
                    <Alert type="info" showIcon title={t('industry.visitOffline')} />
                  ) : !householdId ? (
                    <Alert type="info" showIcon title={t('industry.visitPickHousehold')} />
                  ) : claimHousehold.data ? (
                    <VisitClaimFields household={claimHousehold.data.household} prefix={['claim']} />
                  ) : null}
                </Card>
              ) : null}
            </>
          ) : null}
          <Form.Item label={t('visits.newRisks')} name="newRisks" extra={t('visits.newRisksHelp')}>
            <Checkbox.Group
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
                gap: 8,
              }}
              options={RISK_TYPES.map((type) => ({
                value: type,
                label: RISK_TYPE_LABELS[type] ? pick(RISK_TYPE_LABELS[type]) : type,
                style: { minHeight: 36, alignItems: 'center' },
              }))}
            />
          </Form.Item>
          <Form.Item label={t('visits.measuresAgreed')} name="measuresAgreed">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label={t('common.note')} name="note">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item
            label={t('common.photos')}
            name="attachmentIds"
            extra={online ? undefined : t('offline.photosOffline')}
          >
            <PhotoUpload householdId={householdId} large canQueue onBusyChange={setUploading} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            icon={<CheckOutlined />}
            loading={saving}
            disabled={uploading}
            style={{ minHeight: 52, fontSize: 17 }}
          >
            {saving ? t('visits.saving') : t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
