import { App, Button, Card, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { WorksetHousehold } from '../../shared/workset.js';
import { useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ruleLabel } from '../pages/feeds/labels.js';
import { reasonLabel } from '../pages/households/codes.js';
import { queueClose } from './sync.js';
import { useOffline } from './useOffline.js';

type Target = { kind: 'leadClose'; leadId: number } | { kind: 'alertClose'; alertId: number };

/**
 * The household's open leads and alerts from the work set, so a cadre at the door can settle one as
 * 核实无风险 without a signal. Only "not at risk" is offered here: including a household or opening a
 * case needs the full record and the server's checks, which are online work.
 */
export function OfflineChecks({ household }: { household: WorksetHousehold }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const { t, pick } = useI18n();
  const { outbox } = useOffline();
  const [closing, setClosing] = useState<{ target: Target; version: number } | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  const leads = can('lead.write') ? household.openLeads : [];
  const alerts = can('alert.handle') ? household.openAlerts : [];
  if (leads.length === 0 && alerts.length === 0) {
    return null;
  }
  // A close already waiting in the outbox is shown as such, so it is not made twice.
  const queued = (target: Target) =>
    outbox.some((i) =>
      target.kind === 'leadClose'
        ? i.payload.kind === 'leadClose' && i.payload.leadId === target.leadId
        : i.payload.kind === 'alertClose' && i.payload.alertId === target.alertId,
    );
  const rows = [
    ...leads.map((l) => ({
      key: `lead-${l.id}`,
      target: { kind: 'leadClose', leadId: l.id } as Target,
      version: l.version,
      label: `${t('offline.lead')} · ${l.reasons.map((r) => reasonLabel(pick, r)).join('、')}`,
      detail: l.foundOn,
    })),
    ...alerts.map((a) => ({
      key: `alert-${a.id}`,
      target: { kind: 'alertClose', alertId: a.id } as Target,
      version: a.version,
      label: `${t('offline.alert')} · ${ruleLabel(pick, a.ruleCode)}`,
      detail: `${a.personName} · ${a.period}`,
    })),
  ];

  const save = async () => {
    if (!closing || !reason.trim()) {
      return;
    }
    setSaving(true);
    try {
      await queueClose(closing.target, closing.version, reason.trim(), household.headName);
      setClosing(null);
      setReason('');
    } catch (error) {
      // The phone's storage refused it (full, or the session ended): say so and keep what was typed.
      void message.error(
        t('offline.keepFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('offline.checksTitle')}
      style={{ marginBottom: 12 }}
      data-testid="offline-checks"
    >
      <List
        size="small"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item
            actions={[
              queued(row.target) ? (
                <Tag key="queued" color="orange">
                  {t('offline.pending')}
                </Tag>
              ) : (
                <Button
                  key="close"
                  size="small"
                  onClick={() => setClosing({ target: row.target, version: row.version })}
                >
                  {t('offline.notAtRisk')}
                </Button>
              ),
            ]}
          >
            <Flex vertical>
              <Typography.Text>{row.label}</Typography.Text>
              <Typography.Text type="secondary">{row.detail}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={closing !== null}
        title={t('offline.notAtRisk')}
        okText={t('offline.saveLocally')}
        okButtonProps={{ disabled: !reason.trim(), loading: saving }}
        onOk={() => void save()}
        onCancel={() => setClosing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('offline.notAtRiskHelp')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('offline.reasonPlaceholder')}
          aria-label={t('offline.reasonPlaceholder')}
        />
      </Modal>
    </Card>
  );
}
