import { EyeOutlined, PlusOutlined, ScissorOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
  RELATIONS,
} from '../../../shared/household-codes.js';
import { householdApi } from '../../api/endpoints.js';
import type { Member } from '../../api/types.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { listOptions } from './codes.js';
import type { HouseholdTabProps } from './context.js';
import { MemberFormModal, type MemberTarget } from './MemberFormModal.js';

type Dialog = { kind: 'remove'; member: Member } | { kind: 'head' } | { kind: 'split' } | null;

export function MembersTab({ detail, canWrite, save }: HouseholdTabProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [formTarget, setFormTarget] = useState<MemberTarget | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealing, setRevealing] = useState<number | null>(null);
  const canReveal = can('household.reveal');
  const id = detail.household.id;

  const reveal = async (member: Member) => {
    setRevealing(member.id);
    try {
      const result = await householdApi.reveal(id, member.id);
      modal.info({
        title: t('members.revealTitle', { name: member.name }),
        okText: t('common.close'),
        content: (
          <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="reveal-result">
            <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }}>
              {result.idNumber}
            </Typography.Text>
            {result.phone ? (
              <Typography.Text copyable>
                {t('members.revealPhone')}：{result.phone}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('members.revealNote')}
            </Typography.Text>
          </Space>
        ),
      });
    } catch (cause) {
      void message.error(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setRevealing(null);
    }
  };

  const columns: TableProps<Member>['columns'] = [
    {
      title: t('members.name'),
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (name: string, m) => (
        <Space size={4}>
          <Typography.Text strong>{name}</Typography.Text>
          {m.relation === '户主' ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('hh.head')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('hh.relation'), dataIndex: 'relation', width: 100 },
    {
      title: t('members.sex'),
      dataIndex: 'sex',
      width: 60,
      render: (sex: Member['sex']) => t(sex === 'male' ? 'members.male' : 'members.female'),
    },
    { title: t('members.birthDate'), dataIndex: 'birthDate', width: 110 },
    {
      title: t('members.idMasked'),
      dataIndex: 'idMasked',
      width: 220,
      render: (masked: string, m) => (
        <Space size={4}>
          <span style={{ fontFamily: 'monospace' }}>{masked}</span>
          {canReveal ? (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              loading={revealing === m.id}
              onClick={() => reveal(m)}
              title={t('members.reveal')}
              aria-label={`${t('members.reveal')} ${m.name}`}
            />
          ) : null}
        </Space>
      ),
    },
    {
      title: t('members.health'),
      dataIndex: 'health',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('members.labourSkill'),
      dataIndex: 'labourSkill',
      width: 130,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('members.education'),
      key: 'education',
      width: 120,
      render: (_, m) => m.schooling ?? m.education ?? t('common.none'),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, m: Member) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setFormTarget({ kind: 'edit', member: m })}>
                  {t('common.edit')}
                </Button>
                {m.relation === '户主' ? null : (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setDialog({ kind: 'remove', member: m })}
                  >
                    {t('members.remove')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const others = detail.members.filter((m) => m.relation !== '户主');
  return (
    <>
      {canWrite ? (
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ kind: 'add' })}>
            {t('members.add')}
          </Button>
          <Button
            icon={<SwapOutlined />}
            disabled={others.length === 0}
            onClick={() => setDialog({ kind: 'head' })}
          >
            {t('members.changeHead')}
          </Button>
          <Button
            icon={<ScissorOutlined />}
            disabled={others.length === 0}
            onClick={() => setDialog({ kind: 'split' })}
          >
            {t('members.split')}
          </Button>
        </Flex>
      ) : null}
      <Table<Member>
        data-testid="members-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={detail.members}
        pagination={false}
        scroll={{ x: 1040 }}
      />
      <MemberFormModal target={formTarget} onClose={() => setFormTarget(null)} detail={detail} save={save} />
      <RemoveMemberModal
        member={dialog?.kind === 'remove' ? dialog.member : null}
        onClose={() => setDialog(null)}
        detail={detail}
        save={save}
      />
      <ChangeHeadModal
        open={dialog?.kind === 'head'}
        onClose={() => setDialog(null)}
        detail={detail}
        save={save}
      />
      <SplitModal
        open={dialog?.kind === 'split'}
        onClose={() => setDialog(null)}
        detail={detail}
        save={save}
      />
    </>
  );
}

type ModalProps = Pick<HouseholdTabProps, 'detail' | 'save'> & { onClose: () => void };

/** A small form in a modal: server field errors on their fields, anything else above the form. */
function useModalForm<V extends object>(open: boolean, fields: readonly string[]) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const submit = async (run: () => Promise<boolean>, onDone: () => void) => {
    setSaving(true);
    setError(null);
    try {
      if (await run()) {
        onDone();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, fields)) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };
  const alert = error ? (
    <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
  ) : null;
  return { form, saving, submit, alert };
}

function RemoveMemberModal({ member, onClose, detail, save }: ModalProps & { member: Member | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, saving, submit, alert } = useModalForm<{ reason: string }>(member !== null, ['reason']);
  return (
    <Modal
      open={member !== null}
      title={member ? t('members.removeTitle', { name: member.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('members.remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      {alert}
      <Form
        form={form}
        layout="vertical"
        name="member-remove"
        onFinish={(values) =>
          member &&
          submit(async () => {
            const saved = await save((version) =>
              householdApi.removeMember(detail.household.id, member.id, {
                version,
                reason: values.reason.trim(),
              }),
            );
            if (saved) {
              void message.success(t('members.removed', { name: member.name }));
            }
            return saved !== null;
          }, onClose)
        }
      >
        <Form.Item
          label={t('members.removeReason')}
          name="reason"
          extra={t('members.removeReasonHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('members.removeReason') }),
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangeHeadModal({ open, onClose, detail, save }: ModalProps & { open: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, saving, submit, alert } = useModalForm<{ personId: number; formerHeadRelation: string }>(
    open,
    ['personId', 'formerHeadRelation'],
  );
  const head = detail.members.find((m) => m.relation === '户主');
  const others = detail.members.filter((m) => m.relation !== '户主');
  return (
    <Modal
      open={open}
      title={t('members.changeHeadTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      {alert}
      <Form
        form={form}
        layout="vertical"
        name="change-head"
        onFinish={(values) =>
          submit(async () => {
            const saved = await save((version) =>
              householdApi.changeHead(detail.household.id, { version, ...values }),
            );
            if (saved) {
              void message.success(t('members.headChanged'));
            }
            return saved !== null;
          }, onClose)
        }
      >
        <Form.Item
          label={t('members.newHead')}
          name="personId"
          rules={[{ required: true, message: t('members.choose') }]}
        >
          <Select options={others.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` }))} />
        </Form.Item>
        <Form.Item
          label={t('members.formerHeadRelation', { name: head?.name ?? '' })}
          name="formerHeadRelation"
          rules={[{ required: true, message: t('members.choose') }]}
          style={{ marginBottom: 0 }}
        >
          <Select showSearch options={listOptions(RELATIONS.filter((r) => r !== '户主'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SplitValues {
  personIds: number[];
  newHeadId: number;
  householdType?: HouseholdType;
}

function SplitModal({ open, onClose, detail, save }: ModalProps & { open: boolean }) {
  const { t, pick } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { form, saving, submit, alert } = useModalForm<SplitValues>(open, ['personIds', 'newHeadId']);
  const chosen = Form.useWatch('personIds', form) ?? [];
  const others = detail.members.filter((m) => m.relation !== '户主');
  return (
    <Modal
      open={open}
      title={t('members.splitTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('members.split')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('members.splitHelp')}</Typography.Paragraph>
      {alert}
      <Form<SplitValues>
        form={form}
        layout="vertical"
        name="split"
        onFinish={(values) =>
          submit(async () => {
            let createdId: number | null = null;
            const saved = await save(async (version) => {
              const result = await householdApi.split(detail.household.id, {
                version,
                personIds: values.personIds,
                newHeadId: values.newHeadId,
                ...(values.householdType ? { householdType: values.householdType } : {}),
              });
              createdId = result.created.household.id;
              return result.original;
            });
            if (saved && createdId !== null) {
              const newId: number = createdId;
              modal.confirm({
                title: t('members.splitDone', { id: newId }),
                okText: t('members.openNew'),
                cancelText: t('common.close'),
                onOk: () => navigate(`/households/${newId}`),
              });
            }
            return saved !== null;
          }, onClose)
        }
      >
        <Form.Item
          label={t('members.splitMembers')}
          name="personIds"
          rules={[{ required: true, message: t('members.choose') }]}
        >
          <Checkbox.Group
            options={others.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` }))}
          />
        </Form.Item>
        <Form.Item
          label={t('members.splitHead')}
          name="newHeadId"
          rules={[{ required: true, message: t('members.choose') }]}
        >
          <Select
            options={others.filter((m) => chosen.includes(m.id)).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t('members.splitType')}
          name="householdType"
          extra={t('members.splitTypeHelp')}
          style={{ marginBottom: 0 }}
        >
          <Select
            allowClear
            options={HOUSEHOLD_TYPES.map((type) => ({
              value: type,
              label: pick(HOUSEHOLD_TYPE_LABELS[type]),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
