import { Tag } from 'antd';
import {
  PRODUCT_STAGE_LABELS,
  PRODUCT_TRANSITIONS,
  type ProductAction,
  type ProductLevel,
  type ProductStage,
  productHolder,
  VALIDITY_LABELS,
  type ValidityState,
} from '../../../shared/consumer-assistance.js';
import type { Me } from '../../data/session.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The level a user acts at on products (the server's rule: by role); null for those who only read. */
export const productLevelOf = (me: Me): ProductLevel | null =>
  me.role === 'township' ? 'township' : me.role === 'county' ? 'county' : null;

/** Each level's buttons in the order the work goes; `notice` is the county's own step (发布公示). */
export const PRODUCT_LEVEL_ACTIONS: Record<ProductLevel, readonly (ProductAction | 'notice')[]> = {
  township: ['check', 'send_back'],
  county: ['review', 'notice', 'certify', 'send_back', 'refuse', 'revoke'],
};

/** Whether `level` may take `action` on a product at `stage`, as the server checks it. */
export function canTakeProduct(action: ProductAction, stage: ProductStage, level: ProductLevel): boolean {
  const rule = PRODUCT_TRANSITIONS[action];
  if (!rule.from.includes(stage)) {
    return false;
  }
  return (rule.level === 'by_stage' ? productHolder(stage) : rule.level) === level;
}

const STAGE_COLORS: Record<ProductStage, string> = {
  applied: 'default',
  town_checked: 'blue',
  county_reviewed: 'geekblue',
  notice: 'gold',
  certified: 'green',
  revoked: 'default',
  returned: 'orange',
  refused: 'red',
};

export function ProductStageTag({ stage }: { stage: ProductStage }) {
  const { pick } = useI18n();
  return <Tag color={STAGE_COLORS[stage]}>{pick(PRODUCT_STAGE_LABELS[stage])}</Tag>;
}

const VALIDITY_COLORS: Record<ValidityState, string> = {
  valid: 'green',
  due: 'orange',
  expired: 'red',
  not_started: 'default',
};

export function ValidityTag({ validity }: { validity: ValidityState | null }) {
  const { pick } = useI18n();
  return validity ? <Tag color={VALIDITY_COLORS[validity]}>{pick(VALIDITY_LABELS[validity])}</Tag> : null;
}
