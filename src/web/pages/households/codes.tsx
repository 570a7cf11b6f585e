import { Tag } from 'antd';
import {
  HOUSEHOLD_TYPE_LABELS,
  HOUSING_GRADES,
  type HouseholdType,
  INCOME_ITEMS,
} from '../../../shared/household-codes.js';
import { groupThousands } from '../../../shared/money.js';
import type { Judgement } from '../../data/households.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { INCOME_CATEGORY_LABELS_I18N, INCOME_ITEM_EN, REASON_LABELS } from '../../i18n/messages.js';

export const TYPE_COLORS: Record<HouseholdType, string> = {
  exited_poverty: 'blue',
  monitored: 'volcano',
  ordinary: 'default',
  low_income: 'gold',
};

export function HouseholdTypeTag({ type }: { type: HouseholdType }) {
  const { pick } = useI18n();
  return (
    <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
      {pick(HOUSEHOLD_TYPE_LABELS[type])}
    </Tag>
  );
}

export const JUDGEMENT_COLORS: Record<Judgement, string> = {
  ok: 'green',
  problem: 'red',
  unknown: 'default',
};

type Pick = (label: { zh: string; en: string }) => string;

export const reasonLabel = (pick: Pick, code: string) => {
  const label = REASON_LABELS[code];
  return label ? pick(label) : code;
};

export const categoryLabel = (pick: Pick, code: string) => {
  const label = INCOME_CATEGORY_LABELS_I18N[code];
  return label ? pick(label) : code;
};

export function itemLabel(lang: 'zh' | 'en', code: string): string {
  const item = INCOME_ITEMS.find((i) => i.code === code);
  if (!item) {
    return code;
  }
  return lang === 'en' ? (INCOME_ITEM_EN[code] ?? item.label) : item.label;
}

export const housingOptions = (t: Translate) =>
  HOUSING_GRADES.map((grade) => ({ value: grade, label: t(`housing.${grade}`) }));

/** Options of a plain code list stored as the form's Chinese wording. */
export const listOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** An amount as the server gave it (a decimal string), thousands grouped, never through a float. */
export const money = (amount: string) => groupThousands(amount);

/** Tri-state yes/no/unknown as a form value (antd selects do not take null). */
export type TriState = 'yes' | 'no' | 'unknown';
export const toTri = (v: boolean | null): TriState => (v === null ? 'unknown' : v ? 'yes' : 'no');
export const fromTri = (v: TriState | undefined): boolean | null =>
  v === 'yes' ? true : v === 'no' ? false : null;
export const triOptions = (t: Translate) => [
  { value: 'yes', label: t('common.yes') },
  { value: 'no', label: t('common.no') },
  { value: 'unknown', label: t('common.unknown') },
];
