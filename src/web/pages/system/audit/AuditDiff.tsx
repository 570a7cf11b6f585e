import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../../data/audit.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

interface DiffRow {
  field: string;
  old: unknown;
  new: unknown;
  hasOld: boolean;
  hasNew: boolean;
}

function show(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

/** Old and new values side by side, one row per field, changed fields highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const oldValues = entry.oldValues ?? {};
  const newValues = entry.newValues ?? {};
  const fields = [...new Set([...Object.keys(oldValues), ...Object.keys(newValues)])];
  if (fields.length === 0) {
    return <Typography.Text type="secondary">{t('audit.noValues')}</Typography.Text>;
  }
  const rows: DiffRow[] = fields.map((field) => ({
    field,
    old: oldValues[field],
    new: newValues[field],
    hasOld: field in oldValues,
    hasNew: field in newValues,
  }));
  const cell = (present: boolean, value: unknown, tone: 'old' | 'new') =>
    present ? (
      <Typography.Text
        code
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          color: tone === 'old' ? '#a8071a' : '#135200',
        }}
      >
        {show(value)}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    );
  return (
    <div data-testid="audit-diff">
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        style={{ maxWidth: 960 }}
        tableLayout="fixed"
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'field',
            width: 180,
            render: (f: string) => <code>{f}</code>,
          },
          { title: t('audit.old'), key: 'old', render: (_, row) => cell(row.hasOld, row.old, 'old') },
          { title: t('audit.new'), key: 'new', render: (_, row) => cell(row.hasNew, row.new, 'new') },
        ]}
      />
      {entry.requestId ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('audit.requestId')}: {entry.requestId}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
