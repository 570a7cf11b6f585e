import { DownloadOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { clock } from '../../../shared/clock.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { ALLOCATION_SOURCES, FUNDING_SOURCE_LABELS } from '../../../shared/project-codes.js';
import { useSession } from '../../auth/SessionProvider.js';
import {
  bulletinDocxUrl,
  bulletinXlsxUrl,
  type FundBulletin,
  useAllocations,
  useCreateAllocation,
  useFundBulletin,
  useIssueBulletin,
} from '../../data/funds.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { PageHeader } from '../PageHeader.js';
import { PaymentImportTab } from './PaymentImportTab.js';

const behind = (gap: string) => gap.startsWith('-');

/** The county ranking of a bulletin or progress view: spend rate against milestones, industry share. */
function CountyTable({ b }: { b: FundBulletin }) {
  return (
    <Table
      rowKey="countyCode"
      size="small"
      pagination={false}
      dataSource={b.counties}
      scroll={{ x: 1100 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            合计
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {b.totals.received}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {b.totals.paid}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {b.totals.spendRate}%
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} colSpan={4} />
          <Table.Summary.Cell index={9} align="right">
            {b.totals.industryShare}%
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 60 },
        { title: '县（市、区）', dataIndex: 'countyName', width: 150 },
        { title: '到位资金（元）', dataIndex: 'received', align: 'right' },
        { title: '已支付（元）', dataIndex: 'paid', align: 'right' },
        { title: '支出进度', dataIndex: 'spendRate', align: 'right', render: (v: string) => `${v}%` },
        {
          title: '节点目标',
          render: (_, c) => `${c.milestone}%（${c.milestoneDueOn.slice(5)}）`,
        },
        {
          title: '与节点差距',
          dataIndex: 'gapToMilestone',
          align: 'right',
          render: (v: string) => <Tag color={behind(v) ? 'red' : 'green'}>{v}</Tag>,
        },
        { title: '与序时差距', dataIndex: 'gapToSchedule', align: 'right' },
        { title: '中央资金', dataIndex: 'centralSpendRate', align: 'right', render: (v: string) => `${v}%` },
        {
          title: '产业占比',
          dataIndex: 'industryShare',
          align: 'right',
          render: (v: string, c) => <Tag color={c.industryShareMet ? 'green' : 'orange'}>{v}%</Tag>,
        },
        {
          title: '平均下达工作日',
          dataIndex: 'avgAllocationWorkdays',
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
      ]}
    />
  );
}

function Headline({ b }: { b: FundBulletin }) {
  return (
    <Space size="large" wrap style={{ marginBottom: 16 }}>
      <Statistic title="到位资金（元）" value={b.totals.received} />
      <Statistic title="已支付（元）" value={b.totals.paid} />
      <Statistic title="支出进度" value={`${b.totals.spendRate}%`} />
      <Statistic title={`节点目标（${b.asOf.slice(0, 7)}）`} value={`${b.totals.milestone}%`} />
      <Statistic title="序时进度" value={`${b.totals.timeProportional}%`} />
      <Statistic title="产业项目占比" value={`${b.totals.industryShare}%`} />
    </Space>
  );
}

/** 月通报 / 季调度: on screen, as Excel and Word; the city issues it, and an issued bulletin is frozen. */
function BulletinTab() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(clock().today()));
  const [quarterly, setQuarterly] = useState(false);
  const period = quarterly
    ? `${month.year()}-Q${Math.floor(month.month() / 3) + 1}`
    : month.format('YYYY-MM');
  const b = useFundBulletin(period);
  const issuing = useIssueBulletin();
  const issue = async () => {
    try {
      await issuing.mutateAsync(period);
      void message.success('通报已印发');
    } catch (error) {
      void message.error(errorMessage(error, '印发失败'));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          value={quarterly ? 'q' : 'm'}
          onChange={(v) => setQuarterly(v === 'q')}
          options={[
            { value: 'm', label: '月通报' },
            { value: 'q', label: '季调度' },
          ]}
        />
        <DatePicker
          picker={quarterly ? 'quarter' : 'month'}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowClear={false}
        />
        <Button
          icon={<DownloadOutlined />}
          href={bulletinXlsxUrl(period)}
          download
          data-testid="bulletin-xlsx"
        >
          下载 Excel
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={bulletinDocxUrl(period)}
          download
          data-testid="fund-bulletin-docx"
        >
          下载 Word
        </Button>
        {can('fund.bulletin') && b.data && !b.data.issued ? (
          <Popconfirm title="印发后本期通报数据冻结，不再随支付变化。确定印发？" onConfirm={issue}>
            <Button type="primary" icon={<SendOutlined />}>
              印发
            </Button>
          </Popconfirm>
        ) : null}
        {b.data?.issued ? (
          <Tag color="green">已印发（{b.data.issuedOn}）</Tag>
        ) : (
          <Tag>未印发，数据实时计算</Tag>
        )}
      </Space>
      {b.error ? <Alert type="error" message={errorMessage(b.error, '通报加载失败')} /> : null}
      {b.data ? (
        <>
          <Headline b={b.data} />
          <CountyTable b={b.data} />
          {b.data.stalled.length > 0 ? (
            <Card title="进度滞后项目" size="small" style={{ marginTop: 16 }}>
              <Table
                rowKey="projectId"
                size="small"
                pagination={{ pageSize: 10 }}
                dataSource={b.data.stalled}
                columns={[
                  { title: '县（市、区）', dataIndex: 'countyName' },
                  { title: '地点', dataIndex: 'regionName' },
                  { title: '项目', dataIndex: 'name' },
                  { title: '阶段', dataIndex: 'stage' },
                  { title: '已安排（元）', dataIndex: 'allocated', align: 'right' },
                  { title: '已支付（元）', dataIndex: 'paid', align: 'right' },
                ]}
              />
            </Card>
          ) : null}
        </>
      ) : null}
    </>
  );
}

interface AllocationForm {
  docNumber: string;
  source: (typeof ALLOCATION_SOURCES)[number];
  batch: number;
  amount: string;
  receivedOn: Dayjs;
}

/** 资金下达: what the county received by document, and how much of it has gone to projects. */
function AllocationsTab() {
  const { can } = useSession();
  const { message } = App.useApp();
  const year = Number(clock().today().slice(0, 4));
  const list = useAllocations(year);
  const create = useCreateAllocation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AllocationForm>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        docNumber: v.docNumber,
        source: v.source,
        year,
        batch: v.batch,
        amount: v.amount,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      });
      void message.success('资金下达已登记');
      setOpen(false);
      form.resetFields();
    } catch (error) {
      void message.error(errorMessage(error, '登记失败'));
    }
  };
  return (
    <>
      {can('fund.write') ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
        >
          登记资金下达
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: `${year}年度还没有登记资金下达：县级在此登记到位的衔接资金文号和金额` }}
        columns={[
          { title: '县（市、区）', dataIndex: 'countyName' },
          { title: '文号', dataIndex: 'docNumber' },
          { title: '来源', dataIndex: 'sourceName' },
          { title: '批次', dataIndex: 'batch' },
          { title: '金额（元）', dataIndex: 'amount', align: 'right' },
          { title: '到账日期', dataIndex: 'receivedOn' },
          { title: '已安排到项目（元）', dataIndex: 'allocated', align: 'right' },
          { title: '未安排（元）', dataIndex: 'unallocated', align: 'right' },
        ]}
      />
      <Modal title="登记资金下达" open={open} onCancel={() => setOpen(false)} onOk={save} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ source: 'central', batch: 1, receivedOn: dayjs(clock().today()) }}
        >
          <Form.Item name="docNumber" label="下达文号" rules={[{ required: true, min: 3 }]}>
            <Input placeholder="如：豫财农综〔2026〕7号" />
          </Form.Item>
          <Form.Item name="source" label="资金来源">
            <Select
              options={ALLOCATION_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item name="batch" label="批次">
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item
            name="amount"
            label="金额（元）"
            rules={[{ required: true }, { pattern: MONEY_PATTERN, message: '金额最多两位小数' }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="receivedOn" label="到账日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 衔接资金: the bulletin and progress, the allocations received, and (for who records money) the payment import. */
export function FundsPage() {
  const { can } = useSession();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title="衔接资金" />
      <Card>
        <Tabs
          items={[
            { key: 'bulletin', label: '支出进度与通报', children: <BulletinTab /> },
            { key: 'allocations', label: '资金下达', children: <AllocationsTab /> },
            ...(can('fund.write')
              ? [{ key: 'payments', label: t('fundImport.tab'), children: <PaymentImportTab /> }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
