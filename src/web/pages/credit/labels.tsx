import { Tag } from 'antd';
import { LOAN_STATUS_LABELS, type LoanStatus } from '../../../shared/credit.js';

const COLORS: Partial<Record<LoanStatus, string>> = {
  normal: 'green',
  overdue: 'orange',
  npl: 'red',
  settled: 'default',
  refused: 'default',
  compensated: 'purple',
  recovered: 'purple',
  written_off: 'default',
};

export function LoanStatusTag({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status as LoanStatus] ?? 'blue'}>
      {LOAN_STATUS_LABELS[status as LoanStatus] ?? status}
    </Tag>
  );
}
