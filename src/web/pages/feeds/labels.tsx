import { Tag } from 'antd';
import {
  ALERT_RULE_LABELS,
  type AlertRuleCode,
  FEED_LAYOUTS,
  type FeedType,
} from '../../../shared/feed-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

export const feedLabel = (pick: (l: { zh: string; en: string }) => string, feedType: string) =>
  FEED_LAYOUTS[feedType as FeedType] ? pick(FEED_LAYOUTS[feedType as FeedType].label) : feedType;

export const ruleLabel = (pick: (l: { zh: string; en: string }) => string, code: string | null) =>
  code && ALERT_RULE_LABELS[code as AlertRuleCode]
    ? pick(ALERT_RULE_LABELS[code as AlertRuleCode])
    : (code ?? '');

const STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  included: 'red',
  not_at_risk: 'green',
  already_monitored: 'blue',
};

/** An alert's state as a tag; no alert at all shows as “no alert”. */
export function AlertStatusTag({ status }: { status: string | null }) {
  const { t } = useI18n();
  const key = `alertStatus.${status ?? 'none'}` as MessageKey;
  return <Tag color={STATUS_COLORS[status ?? ''] ?? 'default'}>{t(key)}</Tag>;
}

export function FeedStatusTag({ status }: { status: 'imported' | 'partial' | 'refused' }) {
  const { t } = useI18n();
  const color = status === 'imported' ? 'green' : status === 'partial' ? 'gold' : 'red';
  return <Tag color={color}>{t(`feeds.status.${status}`)}</Tag>;
}
