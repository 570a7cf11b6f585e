import { QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { UrlTable, useTableParams } from '../../components/UrlTable.js';
import {
  type Declaration,
  type DeclarationSearch,
  declarationPhotoUrl,
  useCloseDeclaration,
  useDeclarations,
  useLinkDeclaration,
} from '../../data/declarations.js';
import { FormModal } from '../../forms/FormModal.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const STATUS_COLORS: Record<string, string> = {
  lead: 'red',
  pending: 'orange',
  linked: 'blue',
  closed: 'default',
};

const STATUSES: NonNullable<DeclarationSearch['status']>[] = ['pending', 'lead', 'linked', 'closed'];
const FILTERS = ['declarationStatus'] as const;

/** Self-declarations (一码通) in scope: unmatched ones are linked to a household or closed with a reason. */
export function DeclarationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const table = useTableParams(FILTERS);
  const status = STATUSES.find((s) => s === table.filters.declarationStatus);
  const list = useDeclarations({ status, page: table.page, pageSize: table.pageSize });
  const [action, setAction] = useState<{ kind: 'link' | 'close'; item: Declaration } | null>(null);
  const [posterCode, setPosterCode] = useState(me.regionLevel === 'village' ? me.regionCode : '');

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('decl.status')}
          style={{ width: 180 }}
          value={status ?? 'all'}
          onChange={(v) => table.setFilters({ declarationStatus: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: t('alerts.all') },
            ...STATUSES.map((s) => ({
              value: s,
              label: t(`decl.status.${s}` as MessageKey),
            })),
          ]}
        />
        <Input
          aria-label={t('decl.villageCode')}
          placeholder={t('decl.villageCode')}
          value={posterCode}
          onChange={(e) => setPosterCode(e.target.value.trim())}
          style={{ width: 180 }}
        />
        <Link to={`/alerts/poster/${posterCode}`} target="_blank">
          <Button icon={<QrcodeOutlined />} disabled={!/^\d{12}$/.test(posterCode)}>
            {t('decl.poster')}
          </Button>
        </Link>
      </Space>
      <UrlTable<Declaration, (typeof FILTERS)[number]>
        data-testid="declarations-table"
        query={list}
        params={table}
        rowKey="id"
        size="middle"
        scroll={{ x: 1000 }}
        emptyText={status ? t('decl.emptyFiltered') : t('decl.empty')}
        columns={[
          { title: t('decl.reference'), dataIndex: 'reference', width: 170 },
          { title: t('alerts.village'), dataIndex: 'villageName', width: 100 },
          {
            title: t('decl.name'),
            dataIndex: 'name',
            width: 170,
            render: (name: string, d) => (
              <>
                {name}
                <br />
                <Typography.Text type="secondary">{d.idMasked}</Typography.Text>
              </>
            ),
          },
          { title: t('decl.phone'), dataIndex: 'phoneMasked', width: 120 },
          {
            title: t('decl.description'),
            dataIndex: 'description',
            render: (text: string, d) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {text}
                </Typography.Paragraph>
                {d.repeatCount > 0 ? <Tag>{t('decl.repeat', { n: d.repeatCount })}</Tag> : null}
                {d.hasPhoto ? (
                  <a href={declarationPhotoUrl(d.id)} target="_blank" rel="noreferrer">
                    {t('decl.photo')}
                  </a>
                ) : null}
              </>
            ),
          },
          {
            title: t('decl.status'),
            dataIndex: 'status',
            width: 140,
            render: (s: string, d) => (
              <>
                <Tag color={STATUS_COLORS[s]}>{t(`decl.status.${s}` as MessageKey)}</Tag>
                {d.closedReason ? <Typography.Text type="secondary">{d.closedReason}</Typography.Text> : null}
              </>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            fixed: 'right',
            render: (_: unknown, d) =>
              d.status === 'pending' && can('declaration.handle') ? (
                <Space>
                  <Typography.Link onClick={() => setAction({ kind: 'link', item: d })}>
                    {t('decl.link')}
                  </Typography.Link>
                  <Typography.Link onClick={() => setAction({ kind: 'close', item: d })}>
                    {t('decl.close')}
                  </Typography.Link>
                </Space>
              ) : null,
          },
        ]}
      />
      {action ? <SettleModal {...action} onClose={() => setAction(null)} /> : null}
    </>
  );
}

interface SettleValues {
  householdId?: number;
  reason?: string;
}

function SettleModal({
  kind,
  item,
  onClose,
}: {
  kind: 'link' | 'close';
  item: Declaration;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettleValues>();
  const link = useLinkDeclaration();
  const close = useCloseDeclaration();
  return (
    <FormModal<SettleValues>
      form={form}
      open
      name="settle-declaration"
      title={`${kind === 'link' ? t('decl.link') : t('decl.close')}：${item.name}`}
      onCancel={onClose}
      onSubmit={async (values) => {
        if (kind === 'link') {
          await link.mutateAsync({
            id: item.id,
            body: { householdId: values.householdId ?? 0, version: item.version },
          });
        } else {
          await close.mutateAsync({
            id: item.id,
            body: { reason: values.reason?.trim() ?? '', version: item.version },
          });
        }
        void message.success(t('decl.settled'));
        onClose();
      }}
    >
      {kind === 'link' ? (
        <Form.Item name="householdId" label={t('alerts.householdId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: 200 }} />
        </Form.Item>
      ) : (
        <Form.Item name="reason" label={t('decl.closeReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf('POST /api/declarations/{id}/close', 'reason')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
