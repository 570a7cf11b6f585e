import { Button, Card, Form, Input, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { WorksetHousehold } from '../../shared/workset.js';
import { useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { fromTri, housingOptions, type TriState, toTri, triOptions } from '../pages/households/codes.js';
import { changedFacts, type FactField, type Facts, sideBySide } from './facts.js';
import type { OutboxItem } from './queue.js';
import { discard, queueFacts, resolveKeepMine, serverFacts } from './sync.js';
import { useOffline } from './useOffline.js';

interface Values {
  address: string;
  housingGrade: string | undefined;
  waterQuantityOk: TriState;
  waterQualityOk: TriState;
}

/**
 * A few key facts of a household, corrected at the door without a signal (phone-first: one column). Sent
 * with the version the phone holds; if the household changed on the server meanwhile, the banner offers
 * keep mine / take theirs (FactsConflict below). One correction per household waits at a time, so two
 * queued edits never race each other's versions.
 */
export function OfflineFacts({ household }: { household: WorksetHousehold }) {
  const { can } = useSession();
  const { t } = useI18n();
  const { outbox } = useOffline();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [nothing, setNothing] = useState(false);
  if (!can('household.write')) {
    return null;
  }
  const waiting = outbox.some(
    (i) => i.payload.kind === 'householdFacts' && i.payload.householdId === household.id,
  );

  const onFinish = async (values: Values) => {
    const changes = changedFacts(household, {
      address: values.address,
      housingGrade: values.housingGrade ?? null,
      waterQuantityOk: fromTri(values.waterQuantityOk),
      waterQualityOk: fromTri(values.waterQualityOk),
    });
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setSaving(true);
    try {
      await queueFacts(household.id, { ...changes, version: household.version }, household.headName);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('offline.factsTitle')}
      style={{ marginBottom: 12 }}
      data-testid="offline-facts"
      extra={waiting ? <Tag color="orange">{t('offline.pending')}</Tag> : null}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="offline-facts"
        disabled={waiting || saving}
        onValuesChange={() => setNothing(false)}
        onFinish={onFinish}
        initialValues={{
          address: household.address ?? '',
          housingGrade: household.housingGrade ?? undefined,
          waterQuantityOk: toTri(household.waterQuantityOk),
          waterQualityOk: toTri(household.waterQualityOk),
        }}
      >
        <Form.Item label={t('hh.address')} name="address">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('hhf.housingGrade')} name="housingGrade">
          <Select allowClear options={housingOptions(t)} placeholder={t('common.unknown')} />
        </Form.Item>
        {(['waterQuantityOk', 'waterQualityOk'] as const).map((field) => (
          <Form.Item key={field} label={t(`hhf.${field}`)} name={field}>
            <Radio.Group optionType="button" buttonStyle="solid" options={triOptions(t)} />
          </Form.Item>
        ))}
        {nothing ? (
          <Typography.Paragraph type="secondary">{t('offline.factsNothing')}</Typography.Paragraph>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={saving}>
          {t('offline.saveLocally')}
        </Button>
      </Form>
    </Card>
  );
}

/** How a fact reads in the conflict dialog. */
function useFactText() {
  const { t } = useI18n();
  return (field: FactField, value: unknown) => {
    if (value === null || value === undefined || value === '') {
      return t('common.unknown');
    }
    if (field === 'housingGrade') {
      return t(`housing.${value as 'A'}`);
    }
    if (typeof value === 'boolean') {
      return value ? t('common.yes') : t('common.no');
    }
    return String(value);
  };
}

/**
 * "Changed on the server meanwhile": the user's values beside the server's current ones, and the two
 * choices. Needs a connection (the 409 came from the server, so there is one).
 */
export function FactsConflict({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  const text = useFactText();
  const [server, setServer] = useState<(Facts & { version: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (item.payload.kind !== 'householdFacts') {
    return null;
  }
  const mine = item.payload.body;

  const show = async () => {
    setOpen(true);
    setError(null);
    try {
      setServer(await serverFacts(item.payload.kind === 'householdFacts' ? item.payload.householdId : 0));
    } catch {
      setError(t('common.loadFailed'));
    }
  };
  const choose = async (keep: boolean) => {
    setBusy(true);
    try {
      await (keep ? resolveKeepMine(item.seq ?? 0) : discard(item.seq ?? 0));
      setOpen(false);
    } catch {
      setError(t('common.loadFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type="primary" onClick={() => void show()}>
        {t('offline.factsResolve')}
      </Button>
      <Modal
        open={open}
        title={t('offline.factsConflictTitle')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="theirs" disabled={busy} onClick={() => void choose(false)}>
            {t('offline.takeTheirs')}
          </Button>,
          <Button
            key="mine"
            type="primary"
            loading={busy}
            disabled={!server}
            onClick={() => void choose(true)}
          >
            {t('offline.keepMine')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('offline.factsConflictBody')}</Typography.Paragraph>
        {error ? <Typography.Paragraph type="danger">{error}</Typography.Paragraph> : null}
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          data-testid="facts-conflict"
          loading={!server && !error}
          dataSource={server ? sideBySide(mine, server) : []}
          columns={[
            {
              title: t('offline.factsField'),
              dataIndex: 'field',
              render: (f: FactField) => (f === 'address' ? t('hh.address') : t(`hhf.${f}`)),
            },
            {
              title: t('offline.factsMine'),
              key: 'mine',
              render: (_: unknown, row) => text(row.field, row.mine),
            },
            {
              title: t('offline.factsServer'),
              key: 'server',
              render: (_: unknown, row) => text(row.field, row.server),
            },
          ]}
        />
      </Modal>
    </>
  );
}
