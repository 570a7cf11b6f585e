import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../../shared/household-codes.js';
import { QueryState } from '../../components/QueryState.js';
import { type HistoryEntry, useHouseholdHistory } from '../../data/households.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { ACTION_LABELS, FIELD_LABELS } from '../../i18n/messages.js';
import { categoryLabel, itemLabel, money } from './codes.js';

type Pick = (label: { zh: string; en: string }) => string;

const TRI_FIELDS = new Set([
  'water_quantity_ok',
  'water_quality_ok',
  'water_convenience_ok',
  'water_reliability_ok',
  'has_electricity',
  'housing_grade',
]);
const MONEY_FIELDS = new Set(['amount', 'medical_out_of_pocket', 'insurance_claims']);
/** Bookkeeping that says nothing to a reader. */
const HIDDEN_FIELDS = new Set(['person_id', 'income_id', 'town_code', 'county_code', 'head_person_id']);

/** A stored value in words: codes become their labels, booleans 是/否, null 空 (or 未知 where null means that). */
function showValue(field: string, value: unknown, t: Translate, pick: Pick, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined || value === '') {
    return TRI_FIELDS.has(field) ? t('common.unknown') : t('history.emptyValue');
  }
  if (typeof value === 'boolean') {
    return t(value ? 'common.yes' : 'common.no');
  }
  switch (field) {
    case 'household_type':
      return HOUSEHOLD_TYPE_LABELS[value as HouseholdType]
        ? pick(HOUSEHOLD_TYPE_LABELS[value as HouseholdType])
        : String(value);
    case 'housing_grade':
      return ['A', 'B', 'C', 'D', 'none'].includes(String(value))
        ? t(`housing.${value as 'A' | 'B' | 'C' | 'D' | 'none'}`)
        : String(value);
    case 'category':
      return categoryLabel(pick, String(value));
    case 'item':
      return itemLabel(lang, String(value));
    case 'sex':
      return t(value === 'male' ? 'members.male' : 'members.female');
    case 'members':
      return Array.isArray(value)
        ? value
            .map((m) => (m && typeof m === 'object' && 'name' in m ? String(m.name) : String(m)))
            .join('、')
        : String(value);
    case 'fields':
      return Array.isArray(value)
        ? value
            .map((f) =>
              FIELD_LABELS[String(f)]
                ? pick(FIELD_LABELS[String(f)] as { zh: string; en: string })
                : String(f),
            )
            .join('、')
        : String(value);
    case 'head':
      return value && typeof value === 'object' && 'name' in value
        ? String(value.name)
        : JSON.stringify(value);
    case 'period_start':
    case 'period_end':
      return String(value).slice(0, 7);
  }
  // Amounts are decimal strings; entries written before that hold JSON numbers, shown as written.
  if (MONEY_FIELDS.has(field) && (typeof value === 'string' || typeof value === 'number')) {
    return money(String(value));
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface Change {
  field: string;
  old?: string;
  new?: string;
}

function changesOf(entry: HistoryEntry, t: Translate, pick: Pick, lang: 'zh' | 'en'): Change[] {
  const oldValues = entry.oldValues ?? {};
  const newValues = entry.newValues ?? {};
  const fields = [...new Set([...Object.keys(oldValues), ...Object.keys(newValues)])].filter(
    (f) => !HIDDEN_FIELDS.has(f) && !f.endsWith('_enc') && !f.endsWith('_hash'),
  );
  return fields
    .filter(
      (f) => !(entry.action === 'household.create' && (newValues[f] === null || newValues[f] === undefined)),
    )
    .map((field) => ({
      field,
      ...(field in oldValues ? { old: showValue(field, oldValues[field], t, pick, lang) } : {}),
      ...(field in newValues ? { new: showValue(field, newValues[field], t, pick, lang) } : {}),
    }));
}

/** Who changed what and when, newest first, old → new in words. */
export function HistoryTab({ householdId }: { householdId: number }) {
  const { t, pick, lang } = useI18n();
  const history = useHouseholdHistory(householdId);

  return (
    <QueryState
      query={history}
      bare
      isEmpty={(entries) => entries.length === 0}
      empty={{ reason: t('history.empty') }}
    >
      {(entries) => (
        <Table<HistoryEntry>
          data-testid="history-table"
          rowKey="id"
          size="middle"
          loading={history.isFetching}
          dataSource={entries}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('history.at'),
              dataIndex: 'at',
              width: 150,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            { title: t('history.actor'), dataIndex: 'actorName', width: 140 },
            {
              title: t('history.action'),
              dataIndex: 'action',
              width: 130,
              render: (action: string) => (
                <Tag color={action === 'person.reveal' ? 'purple' : 'blue'}>
                  {ACTION_LABELS[action] ? pick(ACTION_LABELS[action]) : action}
                </Tag>
              ),
            },
            {
              title: t('history.changes'),
              key: 'changes',
              render: (_, entry) => (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {changesOf(entry, t, pick, lang).map((c) => (
                    <li key={c.field}>
                      <Typography.Text type="secondary">
                        {FIELD_LABELS[c.field]
                          ? pick(FIELD_LABELS[c.field] as { zh: string; en: string })
                          : c.field}
                        ：
                      </Typography.Text>
                      {c.old !== undefined ? (
                        <Typography.Text
                          delete={c.new !== undefined}
                          type={c.new !== undefined ? 'danger' : undefined}
                        >
                          {c.old}
                        </Typography.Text>
                      ) : null}
                      {c.old !== undefined && c.new !== undefined ? ' → ' : null}
                      {c.new !== undefined ? (
                        <Typography.Text strong style={{ color: '#237804' }}>
                          {c.new}
                        </Typography.Text>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}
