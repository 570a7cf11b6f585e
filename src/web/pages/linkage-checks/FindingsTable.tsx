import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Table,
  type TableProps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useId, useState } from 'react';
import {
  FINDING_ACTION_LABELS,
  FINDING_STATUS_LABELS,
  type FindingAction,
  type FindingStatus,
} from '../../../shared/linkage-checks.js';
import { type Finding, useFindingAction } from '../../data/linkage-checks.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { useIsMobile } from '../../util/useIsMobile.js';

const STATUS_COLOR: Record<FindingStatus, string> = { open: 'orange', rectified: 'gold', verified: 'green' };

/** Findings with their deadline (overdue in red), status, steps and the actions open to the user. */
export function FindingsTable({
  findings,
  showOperator = true,
}: {
  findings: Finding[];
  showOperator?: boolean;
}) {
  const { t, pick } = useI18n();
  const isMobile = useIsMobile();
  const [acting, setActing] = useState<{ finding: Finding; action: FindingAction } | null>(null);
  const problemCell = (f: Finding) => (
    <>
      <Typography.Text strong>{f.item}</Typography.Text>：{f.problem}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.followUpItem} · {f.responsibleUnit}
        </Typography.Text>
      </div>
    </>
  );
  const deadlineCell = (f: Finding) => (
    <Flex wrap gap={4}>
      <span>{f.deadline}</span>
      {f.overdue ? <Tag color="red">{t('lc.overdueTag')}</Tag> : null}
    </Flex>
  );
  const statusCell = (f: Finding) => (
    <Tag color={STATUS_COLOR[f.status]}>{pick(FINDING_STATUS_LABELS[f.status])}</Tag>
  );
  const actionCell = (f: Finding) => (
    <Flex gap={4} wrap>
      {f.allowedActions.map((action) => (
        <Button
          key={action}
          size="small"
          type={action === 'reopen' ? 'default' : 'primary'}
          danger={action === 'reopen'}
          data-testid={`finding-${action}-${f.id}`}
          onClick={() => setActing({ finding: f, action })}
        >
          {pick(FINDING_ACTION_LABELS[action])}
        </Button>
      ))}
    </Flex>
  );
  // On a phone one column carries everything, so the deadline and the actions are not scrolled off the screen.
  const columns: TableProps<Finding>['columns'] = isMobile
    ? [
        {
          title: t('lc.problem'),
          key: 'all',
          render: (_, f) => (
            <Flex vertical gap={6}>
              {showOperator ? <Typography.Text type="secondary">{f.operatorName}</Typography.Text> : null}
              {problemCell(f)}
              <Flex wrap gap={4} align="center">
                {t('lc.deadline')} {deadlineCell(f)} {statusCell(f)}
              </Flex>
              {actionCell(f)}
            </Flex>
          ),
        },
      ]
    : [
        ...(showOperator
          ? [{ title: t('lc.operator'), dataIndex: 'operatorName', key: 'operatorName' }]
          : []),
        { title: t('lc.problem'), key: 'problem', render: (_, f) => problemCell(f) },
        { title: t('lc.deadline'), key: 'deadline', render: (_, f) => deadlineCell(f) },
        { title: t('lc.findingStatus'), key: 'status', render: (_, f) => statusCell(f) },
        { key: 'actions', render: (_, f) => actionCell(f) },
      ];
  return (
    <>
      <Table<Finding>
        data-testid="findings-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={findings}
        pagination={findings.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t('lc.findingsEmpty') }}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (f) => (
            <Timeline
              items={f.events.map((e) => ({
                children: (
                  <>
                    <Typography.Text strong>
                      {e.action === 'create' ? t('lc.stepCreate') : pick(FINDING_ACTION_LABELS[e.action])}
                    </Typography.Text>{' '}
                    {e.actedOn} · {e.actorName}
                    {e.note ? <div>{e.note}</div> : null}
                  </>
                ),
              }))}
            />
          ),
        }}
      />
      <FindingActionModal target={acting} onClose={() => setActing(null)} />
    </>
  );
}

interface ActionValues {
  note: string | undefined;
  actedOn: Dayjs | undefined;
  deadline: Dayjs | undefined;
}

/** One step on a finding: rectify (what was done, when), verify, or reopen with a reason (and a new deadline). */
function FindingActionModal({
  target,
  onClose,
}: {
  target: { finding: Finding; action: FindingAction } | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const act = useFindingAction();
  // A findings table shows in the campaign drawer and in the check drawer over it: each modal's fields need
  // their own ids, or a label would point at the other (hidden) modal's field.
  const formName = `finding-action-${useId().replace(/:/g, '')}`;
  useEffect(() => {
    if (target) {
      form.resetFields();
      form.setFieldsValue({ actedOn: today() });
    }
  }, [target, form]);
  const action = target?.action;
  const submit = async (v: ActionValues) => {
    if (!target) {
      return;
    }
    await act.mutateAsync({
      id: target.finding.id,
      action: target.action,
      body: {
        version: target.finding.version,
        note: v.note?.trim() ? v.note.trim() : null,
        ...(target.action === 'rectify' && v.actedOn ? { actedOn: v.actedOn.format('YYYY-MM-DD') } : {}),
        ...(target.action === 'reopen' && v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
      },
    });
    void message.success(t('lc.actionDone'));
    onClose();
  };
  return (
    <FormModal<ActionValues>
      form={form}
      name={formName}
      open={target !== null}
      title={action ? `${pick(FINDING_ACTION_LABELS[action])} · ${target?.finding.item ?? ''}` : ''}
      onCancel={onClose}
      onSubmit={submit}
      danger={action === 'reopen'}
    >
      <Typography.Paragraph type="secondary">{target?.finding.problem}</Typography.Paragraph>
      <Form.Item
        name="note"
        label={action ? t(`lc.actionNote.${action}`) : ''}
        rules={
          action === 'verify'
            ? [{ max: 500 }]
            : [
                {
                  required: true,
                  message: t('lc.required', { field: action ? t(`lc.actionNote.${action}`) : '' }),
                },
                { max: 500 },
              ]
        }
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {action === 'rectify' ? (
        <Form.Item name="actedOn" label={t('lc.actedOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {action === 'reopen' ? (
        <Form.Item name="deadline" label={t('lc.newDeadline')}>
          <DatePicker disabledDate={(d) => d.isBefore(today(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
