import { CheckOutlined, FileSearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryState } from '../../components/QueryState.js';
import { type LeadDetail, type LeadSignal, useCloseLead, useLead } from '../../data/leads.js';
import { FormModal } from '../../forms/FormModal.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { DueDate, LEAD_STATUS_COLORS, sourceLabel } from '../cases/codes.js';
import { HouseholdTypeTag, reasonLabel } from '../households/codes.js';
import { OpenCaseModal } from './OpenCaseModal.js';

interface Props {
  leadId: number | null;
  onClose: () => void;
}

/** One lead with every signal that joined it, and what a cadre may do with it. */
export function LeadDrawer({ leadId, onClose }: Props) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const remote = useLead(leadId);
  const [closing, setClosing] = useState(false);
  const [opening, setOpening] = useState(false);
  const lead = remote.data;
  const canAct = can('lead.write') && lead?.status === 'open';

  return (
    <Drawer
      open={leadId !== null}
      onClose={onClose}
      title={
        <Typography.Text ellipsis style={{ display: 'block' }} data-testid="lead-drawer-title">
          {lead ? `${t('leads.detail')} · ${lead.headName}` : t('leads.detail')}
        </Typography.Text>
      }
      size={isMobile ? '100%' : 640}
      destroyOnHidden
      extra={
        // On a phone the buttons go into the body, so the title keeps the header's width.
        canAct && !isMobile ? (
          <Space wrap>
            <Button onClick={() => setClosing(true)} icon={<CheckOutlined />}>
              {t('leads.close')}
            </Button>
            <Button type="primary" onClick={() => setOpening(true)} icon={<FileSearchOutlined />}>
              {t('leads.openCase')}
            </Button>
          </Space>
        ) : null
      }
    >
      <QueryState query={remote} bare>
        {(lead) => (
          <div data-testid="lead-detail">
            {canAct && isMobile ? (
              <Space wrap style={{ marginBottom: 12 }}>
                <Button onClick={() => setClosing(true)} icon={<CheckOutlined />}>
                  {t('leads.close')}
                </Button>
                <Button type="primary" onClick={() => setOpening(true)} icon={<FileSearchOutlined />}>
                  {t('leads.openCase')}
                </Button>
              </Space>
            ) : null}
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('common.head')}>
                <Space size={6} wrap>
                  <Link to={`/households/${lead.householdId}`}>{lead.headName}</Link>
                  <HouseholdTypeTag type={lead.householdType} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('common.village')}>{lead.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('leads.source')}>
                {sourceLabel(pick, lead.source)}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.status')}>
                <Tag color={LEAD_STATUS_COLORS[lead.status]}>{t(`leads.status.${lead.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.foundOn')}>{lead.foundOn}</Descriptions.Item>
              <Descriptions.Item label={t('leads.dueOn')}>
                <DueDate dueOn={lead.dueOn} isLate={lead.status === 'open' && lead.isLate} />
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.reasons')} span={2}>
                <Space size={[4, 4]} wrap>
                  {lead.reasons.map((r) => (
                    <Tag key={r} color="orange">
                      {reasonLabel(pick, r)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              {lead.note ? (
                <Descriptions.Item label={t('leads.noteShort')} span={2}>
                  {lead.note}
                </Descriptions.Item>
              ) : null}
              {lead.closedReason ? (
                <Descriptions.Item label={t('leads.closedReason')} span={2}>
                  {lead.closedReason}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {lead.caseId ? (
              <Button
                type="link"
                style={{ paddingInline: 0, marginTop: 8 }}
                onClick={() => navigate(`/cases/${lead.caseId}`)}
              >
                {t('leads.viewCase')}
              </Button>
            ) : null}
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              {t('leads.signals', { count: lead.signals.length })}
            </Typography.Title>
            {lead.signals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            <Flex vertical gap={8} data-testid="lead-signals">
              {lead.signals.map((signal) => (
                <SignalCard key={signal.id} signal={signal} />
              ))}
            </Flex>
          </div>
        )}
      </QueryState>
      {lead ? (
        <>
          <CloseLeadModal
            lead={lead}
            open={closing}
            onClose={() => setClosing(false)}
            onDone={() => setClosing(false)}
            onConflict={() => remote.refetch()}
          />
          <OpenCaseModal
            lead={lead}
            open={opening}
            onClose={() => setOpening(false)}
            onConflict={() => void remote.refetch()}
            onOpened={(caseId) => {
              setOpening(false);
              void navigate(`/cases/${caseId}`);
            }}
          />
        </>
      ) : null}
    </Drawer>
  );
}

function SignalCard({ signal }: { signal: LeadSignal }) {
  const { t, pick } = useI18n();
  const facts = Object.entries(signal.facts ?? {}).filter(
    ([, v]) => v !== null && v !== undefined && v !== '',
  );
  return (
    <Card size="small">
      <Flex justify="space-between" wrap gap={8}>
        <Space size={6} wrap>
          <Tag color="geekblue">{sourceLabel(pick, signal.source)}</Tag>
          {signal.reasons.map((r) => (
            <Tag key={r} color="orange" style={{ marginInlineEnd: 0 }}>
              {reasonLabel(pick, r)}
            </Tag>
          ))}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(signal.createdAt).format('YYYY-MM-DD HH:mm')}
          {signal.createdBy ? ` · ${t('leads.createdBy')} ${signal.createdBy}` : ''}
          {signal.ref ? ` · ${t('leads.ref')} ${signal.ref}` : ''}
        </Typography.Text>
      </Flex>
      {facts.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
          {facts.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('；')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function CloseLeadModal({
  lead,
  open,
  onClose,
  onDone,
  onConflict,
}: {
  lead: LeadDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onConflict: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const close = useCloseLead();

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  return (
    <FormModal<{ reason: string }>
      form={form}
      open={open}
      title={t('leads.closeTitle')}
      name="close-lead"
      okText={t('common.ok')}
      onCancel={onClose}
      conflictHint={t('leads.conflict')}
      onConflict={async () => {
        await onConflict();
      }}
      onSubmit={async ({ reason }) => {
        await close.mutateAsync({ id: lead.id, body: { version: lead.version, reason: reason.trim() } });
        void message.success(t('leads.closed'));
        onDone();
      }}
    >
      <Form.Item
        label={t('leads.closeReason')}
        name="reason"
        extra={t('leads.closeReasonHelp')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('leads.closeReason') }),
          },
        ]}
      >
        {/* The counter sits under the box; the margin keeps it off the help line below. */}
        <Input.TextArea
          rows={3}
          maxLength={maxLengthOf('POST /api/leads/{id}/close', 'reason')}
          showCount
          style={{ marginBottom: 20 }}
        />
      </Form.Item>
    </FormModal>
  );
}
