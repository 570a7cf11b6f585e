import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { clock } from '../../../shared/clock.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import {
  COUNTY_ASSESSMENT_CHECKS,
  NOTICE_CHANNELS,
  TOWN_REVIEW_CHECKS,
} from '../../../shared/project-codes.js';
import {
  PROJECT_ACTION_LABELS,
  PROJECT_STAGE_LABELS,
  type ProjectAction,
  type ProjectStage,
} from '../../../shared/project-workflow.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useAllocateToProject, useAllocations, useRecordPayment } from '../../data/funds.js';
import { type Project, useProject, useProjectStep } from '../../data/projects.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { ProjectFormModal } from './ProjectFormModal.js';

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

interface ActionForm {
  comment?: string;
  checks?: string[];
  channel?: string;
  period?: [Dayjs, Dayjs];
  actedOn?: Dayjs;
}

/** The dialog of one workflow step: what the step needs (notice dates, checklist, reason, date). */
function ActionModal({
  project,
  action,
  onClose,
  onDone,
}: {
  project: Project;
  action: ProjectAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<ActionForm>();
  const step = useProjectStep();
  const { message } = App.useApp();
  const checklist =
    action === 'town_pass'
      ? TOWN_REVIEW_CHECKS
      : action === 'county_approve'
        ? COUNTY_ASSESSMENT_CHECKS
        : null;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await step.mutateAsync({
        id: project.id,
        body: {
          action,
          version: project.version,
          comment: v.comment ?? null,
          ...(checklist ? { checks: Object.fromEntries((v.checks ?? []).map((c) => [c, true])) } : {}),
          ...(action === 'start_notice' && v.period
            ? {
                notice: {
                  channel: v.channel as (typeof NOTICE_CHANNELS)[number],
                  startsOn: fmt(v.period[0]),
                  endsOn: fmt(v.period[1]),
                },
              }
            : {}),
          ...(action === 'advance' && v.actedOn ? { actedOn: fmt(v.actedOn) } : {}),
        },
      });
      void message.success(`${PROJECT_ACTION_LABELS[action]}：已办理`);
      onDone();
    } catch (error) {
      void message.error(errorMessage(error, '办理失败'));
    }
  };
  return (
    <Modal
      title={PROJECT_ACTION_LABELS[action]}
      open
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      confirmLoading={step.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          channel: NOTICE_CHANNELS[0],
          period: [dayjs(clock().today()), dayjs(clock().today()).add(9, 'day')],
          actedOn: dayjs(clock().today()),
        }}
      >
        {action === 'start_notice' ? (
          <>
            <Form.Item name="channel" label="公示渠道">
              <Select options={NOTICE_CHANNELS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="period" label="公示起止日期（不少于10天）" rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        ) : null}
        {checklist ? (
          <Form.Item
            name="checks"
            label="审核要点（逐项确认）"
            rules={[{ required: true, message: '请确认审核要点' }]}
          >
            <Checkbox.Group options={checklist.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        ) : null}
        {action === 'advance' ? (
          <Form.Item
            name="actedOn"
            label={`${PROJECT_STAGE_LABELS[nextImplementation(project.stage)]}日期`}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={action === 'send_back' ? '退回原因' : '意见'}
          rules={action === 'send_back' ? [{ required: true, message: '退回须写明原因' }] : []}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const ORDER: ProjectStage[] = [
  'approved',
  'plan_approved',
  'tendered',
  'contracted',
  'started',
  'finished',
  'accepted',
  'settled',
];
const nextImplementation = (stage: ProjectStage) => ORDER[ORDER.indexOf(stage) + 1] ?? 'settled';

/** The county passes money down to the project from an allocation, or pays on one of its fund lines. */
function MoneyModal({
  project,
  lineId,
  onClose,
  onDone,
}: {
  project: Project;
  lineId: number | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ allocationId?: number; amount: string; on: Dayjs; voucher?: string }>();
  const { message } = App.useApp();
  // Only a new line picks an allocation; a payment goes on the line it was opened from.
  const allocations = useAllocations(project.year, { enabled: lineId === null });
  const allocate = useAllocateToProject();
  const pay = useRecordPayment();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (lineId) {
        await pay.mutateAsync({
          fundLineId: lineId,
          paidOn: fmt(v.on),
          amount: v.amount,
          voucher: v.voucher ?? null,
        });
        void message.success('支付已登记');
      } else {
        const r = await allocate.mutateAsync({
          allocationId: v.allocationId ?? 0,
          body: { projectId: project.id, amount: v.amount, allocatedOn: fmt(v.on) },
        });
        void message.success(`资金已安排，请于 ${r.noticeDueOn} 前公告`);
      }
      onDone();
    } catch (error) {
      void message.error(errorMessage(error, '登记失败'));
    }
  };
  return (
    <Modal
      title={lineId ? '登记支付' : '安排资金到项目'}
      open
      onCancel={onClose}
      onOk={submit}
      confirmLoading={allocate.isPending || pay.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(clock().today()) }}>
        {lineId ? null : (
          <Form.Item name="allocationId" label="资金文号" rules={[{ required: true }]}>
            <Select
              loading={allocations.isLoading}
              options={(allocations.data ?? [])
                .filter((a) => a.countyCode === project.countyCode && a.unallocated !== '0.00')
                .map((a) => ({
                  value: a.id,
                  label: `${a.docNumber}（${a.sourceName}，未安排 ${a.unallocated} 元）`,
                }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="amount"
          label="金额（元）"
          rules={[{ required: true }, { pattern: MONEY_PATTERN, message: '金额最多两位小数' }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="on" label={lineId ? '支付日期' : '安排日期'} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {lineId ? (
          <Form.Item name="voucher" label="凭证号">
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** One project: its facts, the negative-list result, steps, notices, money, and the steps the user may take. */
export function ProjectDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const remote = useProject(id);
  const { can } = useSession();
  const { t } = useI18n();
  const [action, setAction] = useState<ProjectAction | null>(null);
  const [money, setMoney] = useState<{ lineId: number | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const p = remote.data;
  const inLibrary = p ? ORDER.includes(p.stage) : false;
  // The server says who may change the declaration (a draft, the declaring level), under the PUT's permission.
  const mayEdit = p ? can('project.write') && p.canEdit : false;
  const last = p?.events.at(-1);
  const sentBack = last?.action === 'send_back' ? last : null;
  return (
    <Drawer title={p?.name ?? '项目'} open onClose={onClose} size="large" data-testid="project-drawer">
      {remote.error ? <Alert type="error" message={errorMessage(remote.error, '项目加载失败')} /> : null}
      {p ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Tag color="blue" data-testid="project-stage">
              {PROJECT_STAGE_LABELS[p.stage]}
            </Tag>
            {mayEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('project.edit')}
              </Button>
            ) : null}
            {p.allowedActions.map((a) => (
              <Button
                key={a}
                type={a === 'send_back' ? 'default' : 'primary'}
                danger={a === 'send_back'}
                onClick={() => setAction(a)}
              >
                {a === 'advance'
                  ? `登记${PROJECT_STAGE_LABELS[nextImplementation(p.stage)]}`
                  : PROJECT_ACTION_LABELS[a]}
              </Button>
            ))}
            {inLibrary && can('fund.write') ? (
              <Button onClick={() => setMoney({ lineId: null })}>安排资金</Button>
            ) : null}
          </Space>
          {sentBack ? (
            <Alert
              type="warning"
              showIcon
              data-testid="project-sent-back"
              title={t('project.sentBack', { comment: sentBack.comment ?? '—' })}
              description={`${t('project.sentBackBy', { actor: sentBack.actorName, date: sentBack.actedOn })}${
                p.stage === 'draft' ? t('project.sentBackToDraft') : ''
              }`}
            />
          ) : null}
          {p.negativeHits.length > 0 ? (
            <Alert
              type="error"
              showIcon
              message="触及负面清单"
              description={p.negativeHits.map((h) => `${h.label}（“${h.matched}”）`).join('；')}
            />
          ) : (
            <Alert type="success" showIcon message="负面清单检查：未发现禁止用途" />
          )}
          {p.stage === 'notice' && p.noticeEndsOn ? (
            <Alert type="info" message={`公示至 ${p.noticeEndsOn}，期满后方可报送`} />
          ) : null}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="地点">{p.regionName}</Descriptions.Item>
            <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
            <Descriptions.Item label="类别">
              {p.categoryL1} / {p.categoryL2} {p.isIndustry ? <Tag color="green">产业</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="建设性质">{p.nature}</Descriptions.Item>
            <Descriptions.Item label="投资概算">{p.estimatedInvestment} 元</Descriptions.Item>
            <Descriptions.Item label="实施单位">{p.implementingUnit}</Descriptions.Item>
            <Descriptions.Item label="资金构成" span={2}>
              {p.funding.map((f) => `${f.sourceName} ${f.amount} 元`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label="建设任务" span={2}>
              {p.tasks.map((t) => `${t.item} ${t.quantity}${t.unit}`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label="受益户">
              {p.beneficiaryHouseholds} 户（脱贫户 {p.beneficiaryPoor}，监测户 {p.beneficiaryMonitored}）
            </Descriptions.Item>
            <Descriptions.Item label="联农带农">{p.linkageMode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="已安排资金">{p.allocatedTotal} 元</Descriptions.Item>
            <Descriptions.Item label="已支付">{p.paidTotal} 元</Descriptions.Item>
          </Descriptions>
          {p.fundLines.length > 0 ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.fundLines}
              columns={[
                { title: '文号', dataIndex: 'docNumber' },
                { title: '来源', dataIndex: 'sourceName' },
                { title: '安排（元）', dataIndex: 'amount', align: 'right' },
                { title: '已付（元）', dataIndex: 'paid', align: 'right' },
                {
                  title: '',
                  render: (_, line) =>
                    can('fund.write') ? (
                      <Button type="link" size="small" onClick={() => setMoney({ lineId: line.id })}>
                        登记支付
                      </Button>
                    ) : null,
                },
              ]}
            />
          ) : null}
          <Typography.Title level={5}>办理记录</Typography.Title>
          <Timeline
            items={p.events.map((e) => ({
              children: `${e.actedOn} ${e.actorName}：${PROJECT_ACTION_LABELS[e.action as ProjectAction] ?? '申报'} → ${
                PROJECT_STAGE_LABELS[e.toStage as ProjectStage] ?? e.toStage
              }${e.comment ? `（${e.comment}）` : ''}`,
            }))}
          />
          {p.notices.length > 0 ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.notices}
              columns={[
                {
                  title: '公示',
                  dataIndex: 'purpose',
                  render: (v: string) => (v === 'declaration' ? '申报公示' : '资金安排公告'),
                },
                { title: '渠道', dataIndex: 'channel' },
                { title: '起止', render: (_, n) => `${n.startsOn} 至 ${n.endsOn}` },
                { title: '异议', dataIndex: 'objections' },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
      {p && action ? (
        <ActionModal
          project={p}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
          }}
        />
      ) : null}
      {p && editing ? (
        <ProjectFormModal
          year={p.year}
          project={p}
          open
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
          onReload={() => remote.refetch()}
        />
      ) : null}
      {p && money ? (
        <MoneyModal
          project={p}
          lineId={money.lineId}
          onClose={() => setMoney(null)}
          onDone={() => {
            setMoney(null);
          }}
        />
      ) : null}
    </Drawer>
  );
}
