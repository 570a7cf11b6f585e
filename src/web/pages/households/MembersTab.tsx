import { EyeOutlined, PlusOutlined, ScissorOutlined, SwapOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
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
import { useSession } from '../../auth/SessionProvider.js';
import {
  type ChangeHeadBody,
  type Member,
  useHouseholdChanges,
  useRevealMember,
} from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { listOptions } from './codes.js';
import type { HouseholdTabProps } from './context.js';
import { MemberFormModal, type MemberTarget } from './MemberFormModal.js';

type Dialog = { kind: 'remove'; member: Member } | { kind: 'head' } | { kind: 'split' } | null;

export function MembersTab({ detail, canWrite }: HouseholdTabProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [formTarget, setFormTarget] = useState<MemberTarget | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealing, setRevealing] = useState<number | null>(null);
  const canReveal = can('household.reveal');
  const revealMember = useRevealMember(detail.household.id);

  const reveal = async (member: Member) => {
    setRevealing(member.id);
    try {
      const result = await revealMember.mutateAsync(member.id);
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
      void message.error(errorText(cause, t('common.loadFailed')));
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
      <MemberFormModal target={formTarget} onClose={() => setFormTarget(null)} detail={detail} />
      <RemoveMemberModal
        member={dialog?.kind === 'remove' ? dialog.member : null}
        onClose={() => setDialog(null)}
        detail={detail}
      />
      <ChangeHeadModal open={dialog?.kind === 'head'} onClose={() => setDialog(null)} detail={detail} />
      <SplitModal open={dialog?.kind === 'split'} onClose={() => setDialog(null)} detail={detail} />
    </>
  );
}

type ModalProps = Pick<HouseholdTabProps, 'detail'> & { onClose: () => void };

/** A small dialog's form, emptied each time the dialog opens. */
function useDialogForm<V extends object>(open: boolean) {
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);
  return form;
}

function RemoveMemberModal({ member, onClose, detail }: ModalProps & { member: Member | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<{ reason: string }>(member !== null);
  const change = useHouseholdChanges(detail.household.id);
  return (
    <FormModal<{ reason: string }>
      form={form}
      open={member !== null}
      title={member ? t('members.removeTitle', { name: member.name }) : ''}
      onCancel={onClose}
      onSubmit={async (values) => {
        if (member && (await change.removeMember(member.id, { reason: values.reason.trim() }))) {
          void message.success(t('members.removed', { name: member.name }));
          onClose();
        }
      }}
      okText={t('members.remove')}
      danger
      width={520}
      name="member-remove"
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
    </FormModal>
  );
}

type HeadValues = ChangeHeadBody;

function ChangeHeadModal({ open, onClose, detail }: ModalProps & { open: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const form = useDialogForm<HeadValues>(open);
  const change = useHouseholdChanges(detail.household.id);
  const head = detail.members.find((m) => m.relation === '户主');
  const others = detail.members.filter((m) => m.relation !== '户主');
  return (
    <FormModal<HeadValues>
      form={form}
      open={open}
      title={t('members.changeHeadTitle')}
      onCancel={onClose}
      onSubmit={async (values) => {
        if (await change.changeHead(values)) {
          void message.success(t('members.headChanged'));
          onClose();
        }
      }}
      width={520}
      name="change-head"
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
    </FormModal>
  );
}

interface SplitValues {
  personIds: number[];
  newHeadId: number;
  householdType?: HouseholdType;
}

function SplitModal({ open, onClose, detail }: ModalProps & { open: boolean }) {
  const { t, pick } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const form = useDialogForm<SplitValues>(open);
  const change = useHouseholdChanges(detail.household.id);
  const chosen = Form.useWatch('personIds', form) ?? [];
  const others = detail.members.filter((m) => m.relation !== '户主');
  return (
    <FormModal<SplitValues>
      form={form}
      open={open}
      title={t('members.splitTitle')}
      onCancel={onClose}
      onSubmit={async (values) => {
        const { saved, createdId } = await change.split({
          personIds: values.personIds,
          newHeadId: values.newHeadId,
          ...(values.householdType ? { householdType: values.householdType } : {}),
        });
        if (saved && createdId !== null) {
          modal.confirm({
            title: t('members.splitDone', { id: createdId }),
            okText: t('members.openNew'),
            cancelText: t('common.close'),
            onOk: () => navigate(`/households/${createdId}`),
          });
        }
        if (saved) {
          onClose();
        }
      }}
      okText={t('members.split')}
      width={520}
      name="split"
    >
      <Typography.Paragraph type="secondary">{t('members.splitHelp')}</Typography.Paragraph>
      <Form.Item
        label={t('members.splitMembers')}
        name="personIds"
        rules={[{ required: true, message: t('members.choose') }]}
      >
        <Checkbox.Group options={others.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` }))} />
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
    </FormModal>
  );
}
