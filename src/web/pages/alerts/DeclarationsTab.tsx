import { QrcodeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Declaration, declarationApi } from '../../api/department.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';

const STATUS_COLORS: Record<string, string> = {
  lead: 'red',
  pending: 'orange',
  linked: 'blue',
  closed: 'default',
};

/** Self-declarations (一码通) in scope: unmatched ones are linked to a household or closed with a reason. */
export function DeclarationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useRemote(() => declarationApi.list({ status, page, pageSize: 20 }), `decl-${status}-${page}`);
  const [action, setAction] = useState<{ kind: 'link' | 'close'; item: Declaration } | null>(null);
  const [posterCode, setPosterCode] = useState(me.regionLevel === 'village' ? me.regionCode : '');

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('decl.status')}
          style={{ width: 180 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('alerts.all') },
            ...['pending', 'lead', 'linked', 'closed'].map((s) => ({
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
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t('common.loadFailed'))} />
      ) : null}
      <Table<Declaration>
        data-testid="declarations-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
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
                  <a href={declarationApi.photoUrl(d.id)} target="_blank" rel="noreferrer">
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
      {action ? (
        <SettleModal
          {...action}
          onClose={(changed) => {
            setAction(null);
            if (changed) {
              list.reload();
            }
          }}
        />
      ) : null}
    </>
  );
}

function SettleModal({
  kind,
  item,
  onClose,
}: {
  kind: 'link' | 'close';
  item: Declaration;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ householdId?: number; reason?: string }>();
  const [busy, setBusy] = useState(false);
  async function save() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      if (kind === 'link') {
        await declarationApi.link(item.id, { householdId: values.householdId ?? 0, version: item.version });
      } else {
        await declarationApi.close(item.id, { reason: values.reason ?? '', version: item.version });
      }
      onClose(true);
    } catch (error) {
      message.error(errorMessage(error, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={`${kind === 'link' ? t('decl.link') : t('decl.close')}：${item.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical">
        {kind === 'link' ? (
          <Form.Item name="householdId" label={t('alerts.householdId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="reason"
            label={t('decl.closeReason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
