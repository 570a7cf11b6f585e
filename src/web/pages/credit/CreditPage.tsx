import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DPD_BUCKET_LABELS, LOAN_PURPOSES, type LoanPurpose } from '../../../shared/credit.js';
import { useSession } from '../../auth/SessionProvider.js';
import {
  type BankFileResult,
  bankFileTemplateUrl,
  type Loan,
  useApplyLoan,
  useBankFiles,
  useBanks,
  useCreditIndicators,
  useDepositRiskFund,
  useLoans,
  useRiskFund,
  useSubsidyLedger,
  useUploadBankFile,
} from '../../data/credit.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { PageHeader } from '../PageHeader.js';
import { LoanDrawer } from './LoanDrawer.js';
import { LoanStatusTag } from './labels.js';
import { SubsidyScheduleTab } from './SubsidyScheduleTab.js';

/**
 * 小额信贷: the loan ledger and the overdue list, the township and village risk indicators with the NPL breakers, the
 * 贴息台账, the risk compensation fund and the bank files. A bank user sees only its own bank's loans and files.
 */
export function CreditPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'loans';
  const items = [
    { key: 'loans', label: t('credit.tab.loans'), children: <LoansTab overdueOnly={false} /> },
    { key: 'overdue', label: t('credit.tab.overdue'), children: <LoansTab overdueOnly /> },
    ...(can('credit.report')
      ? [{ key: 'indicators', label: t('credit.tab.indicators'), children: <IndicatorsTab /> }]
      : []),
    { key: 'ledger', label: t('credit.tab.ledger'), children: <LedgerTab /> },
    { key: 'subsidy', label: t('credit.tab.subsidy'), children: <SubsidyScheduleTab /> },
    ...(can('credit.report') ? [{ key: 'fund', label: t('credit.tab.fund'), children: <FundTab /> }] : []),
    { key: 'files', label: t('credit.tab.files'), children: <FilesTab /> },
  ];
  return (
    <>
      <PageHeader title={t('nav.credit')} />
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key })} items={items} />
    </>
  );
}

function LoansTab({ overdueOnly }: { overdueOnly: boolean }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<number | null>(null);
  const [applying, setApplying] = useState(false);
  const statusFilter = overdueOnly ? 'overdue,npl' : status;
  const loans = useLoans({ status: statusFilter, q: q || undefined, page, pageSize: 20 });
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('credit.search')}
          aria-label={t('credit.search')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        {overdueOnly ? null : (
          <Select
            allowClear
            aria-label={t('credit.status')}
            placeholder={t('credit.status')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'applied,endorsed,rated,approved', label: t('credit.inProgress') },
              { value: 'normal', label: t('credit.normal') },
              { value: 'overdue,npl', label: t('credit.tab.overdue') },
              { value: 'settled', label: t('credit.settled') },
            ]}
          />
        )}
        {can('credit.apply') && !overdueOnly ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
            {t('credit.apply')}
          </Button>
        ) : null}
      </Space>
      {loans.error ? (
        <Alert type="error" showIcon title={errorMessage(loans.error, t('common.loadFailed'))} />
      ) : null}
      <Table<Loan>
        data-testid={overdueOnly ? 'overdue-table' : 'loans-table'}
        rowKey="id"
        size="middle"
        loading={loans.isFetching}
        dataSource={loans.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: overdueOnly ? t('credit.noOverdue') : t('credit.noLoans') }}
        onRow={(loan) => ({ onClick: () => setOpen(loan.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: loans.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          { title: t('credit.borrower'), dataIndex: 'borrowerName', width: 90, fixed: 'left' },
          { title: t('credit.village'), render: (_, l) => `${l.townName} ${l.villageName}`, width: 170 },
          { title: t('credit.bank'), dataIndex: 'bankName', width: 140 },
          { title: t('credit.contractNo'), dataIndex: 'contractNo', width: 130 },
          { title: t('credit.amount'), dataIndex: 'amount', width: 100, align: 'right' },
          { title: t('credit.outstanding'), dataIndex: 'principalOutstanding', width: 100, align: 'right' },
          { title: t('credit.maturityOn'), dataIndex: 'maturityOn', width: 110 },
          {
            title: t('credit.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <LoanStatusTag status={s} />,
          },
          {
            title: t('credit.daysPastDue'),
            dataIndex: 'daysPastDue',
            width: 130,
            render: (d: number, l) =>
              d > 0 ? (
                <Tag color={d > 90 ? 'red' : 'orange'}>{`${d} 天 · ${DPD_BUCKET_LABELS[l.dpdBucket]}`}</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoanDrawer loanId={open} onClose={() => setOpen(null)} />
      {applying ? (
        <ApplyModal
          onClose={() => setApplying(false)}
          onApplied={(id) => {
            setApplying(false);
            setOpen(id);
          }}
        />
      ) : null}
    </Card>
  );
}

function ApplyModal({ onClose, onApplied }: { onClose: () => void; onApplied: (id: number) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const banks = useBanks();
  const apply = useApplyLoan();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(values: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const loan = await apply.mutateAsync({
        idNumber: String(values.idNumber),
        bankId: Number(values.bankId),
        amount: String(values.amount),
        termMonths: Number(values.termMonths),
        ratePercent: String(values.ratePercent),
        lprPercent: String(values.lprPercent),
        purposeCode: values.purposeCode as LoanPurpose,
        purpose: (values.purpose as string | undefined) || null,
      });
      onApplied(loan.id);
    } catch (cause) {
      setError(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={t('credit.apply')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy}>
      <Typography.Paragraph type="secondary">{t('credit.applyHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ termMonths: 36, ratePercent: '3.45', lprPercent: '3.45' }}
        data-testid="loan-apply-form"
      >
        <Form.Item
          name="idNumber"
          label={t('credit.idNumber')}
          rules={[{ required: true, message: t('credit.required') }]}
        >
          <Input aria-label={t('credit.idNumber')} />
        </Form.Item>
        <Form.Item
          name="bankId"
          label={t('credit.bank')}
          rules={[{ required: true, message: t('credit.required') }]}
        >
          <Select
            aria-label={t('credit.bank')}
            loading={banks.isLoading}
            options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="amount"
            label={t('credit.amount')}
            rules={[{ required: true, message: t('credit.required') }]}
          >
            <Input aria-label={t('credit.amount')} suffix="元" />
          </Form.Item>
          <Form.Item name="termMonths" label={t('credit.term')}>
            <InputNumber min={1} max={36} aria-label={t('credit.term')} suffix="月" />
          </Form.Item>
          <Form.Item name="ratePercent" label={t('credit.rate')}>
            <Input aria-label={t('credit.rate')} suffix="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="lprPercent" label="LPR">
            <Input aria-label="LPR" suffix="%" style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="purposeCode"
          label={t('credit.purpose')}
          rules={[{ required: true, message: t('credit.required') }]}
        >
          <Select
            aria-label={t('credit.purpose')}
            options={LOAN_PURPOSES.map((p) => ({ value: p, label: p }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('credit.purposeDetail')}>
          <Input aria-label={t('credit.purposeDetail')} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function IndicatorsTab() {
  const { t } = useI18n();
  const indicators = useCreditIndicators();
  const rows = indicators.data?.items ?? [];
  const tripped = rows.filter((r) => r.tripped);
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        {t('credit.breakerHelp', {
          town: indicators.data?.breakers.town ?? '5',
          village: indicators.data?.breakers.village ?? '7',
        })}
      </Typography.Paragraph>
      {tripped.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="breaker-alert"
          title={t('credit.breakerTripped', { names: tripped.map((r) => r.name).join('、') })}
        />
      ) : null}
      <Table
        rowKey={(r) => `${r.level}-${r.code}`}
        size="small"
        loading={indicators.isLoading}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('credit.noIndicators') }}
        columns={[
          {
            title: t('credit.region'),
            render: (_, r) =>
              r.level === 'town' ? (
                <strong>{r.name}</strong>
              ) : (
                <span style={{ paddingLeft: 16 }}>{r.name}</span>
              ),
          },
          { title: t('credit.eligible'), dataIndex: 'eligibleHouseholds', align: 'right' },
          { title: t('credit.borrowers'), dataIndex: 'borrowerHouseholds', align: 'right' },
          {
            title: t('credit.loanRate'),
            dataIndex: 'loanRate',
            align: 'right',
            render: (v: string | null) => (v ? `${v}%` : '—'),
          },
          { title: t('credit.balance'), dataIndex: 'balance', align: 'right' },
          {
            title: t('credit.overdueRate'),
            dataIndex: 'overdueRate',
            align: 'right',
            render: (v: string | null) => (v ? `${v}%` : '—'),
          },
          {
            title: t('credit.nplRate'),
            dataIndex: 'nplRate',
            align: 'right',
            render: (v: string | null) => (v ? `${v}%` : '—'),
          },
          {
            title: t('credit.breaker'),
            dataIndex: 'tripped',
            render: (v: boolean) =>
              v ? <Tag color="red">{t('credit.tripped')}</Tag> : <Tag color="green">{t('credit.ok')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

function LedgerTab() {
  const { t } = useI18n();
  const [quarter, setQuarter] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const ledger = useSubsidyLedger(quarter, page);
  const data = ledger.data;
  return (
    <Card>
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="2026Q3"
          aria-label={t('credit.quarter')}
          onSearch={(v) => {
            setQuarter(v || undefined);
            setPage(1);
          }}
          style={{ width: 160 }}
        />
        {data ? (
          <>
            <Statistic title={t('credit.period')} value={`${data.fromOn} — ${data.toOn}`} />
            <Statistic title={t('credit.interest')} value={data.totals.interest} />
            <Statistic title={t('credit.subsidisable')} value={data.totals.subsidisableInterest} />
            <Statistic title={t('credit.subsidy')} value={data.totals.subsidy} />
          </>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('credit.ledgerHelp')}</Typography.Paragraph>
      {ledger.error ? (
        <Alert type="error" showIcon title={errorMessage(ledger.error, t('common.loadFailed'))} />
      ) : null}
      <Table
        data-testid="subsidy-ledger"
        rowKey="loanId"
        size="small"
        loading={ledger.isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('credit.noLedger') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          { title: t('credit.borrower'), dataIndex: 'borrowerName', width: 90 },
          { title: t('credit.idMasked'), dataIndex: 'borrowerIdMasked', width: 170 },
          { title: t('credit.village'), render: (_, r) => `${r.townName} ${r.villageName}`, width: 160 },
          { title: t('credit.bank'), dataIndex: 'bankName', width: 130 },
          { title: t('credit.contractNo'), dataIndex: 'contractNo', width: 120 },
          { title: t('credit.amount'), dataIndex: 'amount', align: 'right', width: 100 },
          { title: t('credit.rate'), dataIndex: 'ratePercent', width: 80 },
          { title: t('credit.interest'), dataIndex: 'interest', align: 'right', width: 100 },
          { title: t('credit.subsidisable'), dataIndex: 'subsidisableInterest', align: 'right', width: 110 },
          { title: t('credit.subsidy'), dataIndex: 'subsidy', align: 'right', width: 100 },
        ]}
      />
    </Card>
  );
}

function FundTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const fund = useRiskFund(page);
  const depositing = useDepositRiskFund();
  const [amount, setAmount] = useState('');
  async function deposit() {
    try {
      await depositing.mutateAsync({ amount });
      setAmount('');
      void message.success(t('credit.saved'));
    } catch (cause) {
      void message.error(errorMessage(cause, t('common.loadFailed')));
    }
  }
  const KIND: Record<string, string> = {
    deposit: t('credit.deposit'),
    compensation: t('credit.compensation'),
    recovery: t('credit.recovery'),
  };
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        {(fund.data?.balances ?? []).map((b) => (
          <Card key={b.countyCode} size="small" title={b.name}>
            <Statistic title={t('credit.fundBalance')} value={b.balance} suffix="元" />
            <Typography.Text type="secondary">
              {t('credit.fundLine', {
                deposits: b.deposits,
                compensations: b.compensations,
                recoveries: b.recoveries,
              })}
            </Typography.Text>
          </Card>
        ))}
      </Space>
      {can('credit.manage') ? (
        <Space style={{ marginBottom: 12 }}>
          <Input
            aria-label={t('credit.depositAmount')}
            placeholder={t('credit.depositAmount')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            suffix="元"
          />
          <Button onClick={deposit} disabled={!amount}>
            {t('credit.deposit')}
          </Button>
        </Space>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={fund.isFetching}
        dataSource={fund.data?.items ?? []}
        locale={{ emptyText: t('credit.noFund') }}
        pagination={{ current: page, pageSize: 20, total: fund.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('credit.date'), dataIndex: 'entryOn' },
          { title: t('credit.kind'), dataIndex: 'kind', render: (k: string) => KIND[k] ?? k },
          { title: t('credit.amount'), dataIndex: 'amount', align: 'right' },
          { title: t('credit.borrower'), dataIndex: 'borrowerName' },
          { title: t('credit.contractNo'), dataIndex: 'contractNo' },
          { title: t('credit.note'), dataIndex: 'note' },
        ]}
      />
    </Card>
  );
}

function FilesTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const files = useBankFiles(page);
  const upload = useUploadBankFile();
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BankFileResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    if (!file) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await upload.mutateAsync({ file, skipBadRows }));
    } catch (cause) {
      setResult(null);
      setError(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }
  const STATUS: Record<string, { color: string; label: string }> = {
    imported: { color: 'green', label: t('credit.file.imported') },
    partial: { color: 'orange', label: t('credit.file.partial') },
    refused: { color: 'red', label: t('credit.file.refused') },
  };
  return (
    <>
      {can('credit.bank') ? (
        <Card title={t('credit.uploadTitle')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            {t('credit.uploadHelp')}{' '}
            <a href={bankFileTemplateUrl} download>
              <DownloadOutlined /> {t('credit.template')}
            </a>
          </Typography.Paragraph>
          <Space wrap>
            <input
              type="file"
              accept=".xlsx,.csv"
              aria-label={t('credit.file')}
              data-testid="bank-file-input"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <Checkbox checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)}>
              {t('credit.skipBadRows')}
            </Checkbox>
            <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={!file} onClick={submit}>
              {t('credit.import')}
            </Button>
          </Space>
          {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} /> : null}
          {result ? (
            <div data-testid="bank-file-result" style={{ marginTop: 12 }}>
              <Space wrap>
                <Tag color={STATUS[result.status]?.color}>{STATUS[result.status]?.label}</Tag>
                <Typography.Text>
                  {t('credit.fileSummary', {
                    total: result.totalRows,
                    accepted: result.acceptedRows,
                    repayments: result.repaymentsAdded,
                    loans: result.loansUpdated,
                  })}
                </Typography.Text>
              </Space>
              {result.duplicate ? <Alert type="info" showIcon title={t('credit.duplicate')} /> : null}
              {result.status === 'refused' && !result.duplicate ? (
                <Alert type="warning" showIcon title={t('credit.refusedHint')} />
              ) : null}
              {result.problems.length > 0 ? (
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  rowKey={(p) => `${p.row}-${p.reason}`}
                  dataSource={result.problems}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('credit.row'), dataIndex: 'row', width: 80 },
                    { title: t('credit.reason'), dataIndex: 'reason' },
                  ]}
                />
              ) : null}
            </div>
          ) : null}
        </Card>
      ) : null}
      <Card title={t('credit.fileHistory')}>
        <Table
          rowKey="id"
          size="small"
          loading={files.isFetching}
          dataSource={files.data?.items ?? []}
          locale={{ emptyText: t('credit.noFiles') }}
          pagination={{ current: page, pageSize: 20, total: files.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: t('credit.importedAt'),
              dataIndex: 'createdAt',
              render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }),
            },
            { title: t('credit.bank'), dataIndex: 'bankName' },
            { title: t('credit.file'), dataIndex: 'filename' },
            {
              title: t('credit.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label}</Tag>,
            },
            { title: t('credit.rows'), dataIndex: 'totalRows', align: 'right' },
            { title: t('credit.refusedRows'), dataIndex: 'refusedRows', align: 'right' },
            { title: t('credit.repaymentsAdded'), dataIndex: 'repaymentsAdded', align: 'right' },
            { title: t('credit.by'), dataIndex: 'createdByName' },
          ]}
        />
      </Card>
    </>
  );
}
