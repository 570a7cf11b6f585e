import { Tag } from 'antd';
import {
  type ActingLevel,
  CLAIM_STAGE_LABELS,
  CLAIM_TRANSITIONS,
  type ClaimAction,
  type ClaimStage,
  holderOf,
  SCHEME_UNIT_LABELS,
  type SchemeUnit,
} from '../../../shared/industry-rewards.js';
import type { Me } from '../../data/session.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The level a user acts at on claims (the server's own rule: by role); null for those who only read. */
export function actingLevelOf(me: Me): ActingLevel | null {
  switch (me.role) {
    case 'village':
      return 'village';
    case 'township':
      return 'township';
    case 'county':
      return 'county';
    default:
      return null;
  }
}

/** The buttons of each level, in the order the work goes; `notice` is the village's own step (发布公示). */
export const LEVEL_ACTIONS: Record<ActingLevel, readonly (ClaimAction | 'notice')[]> = {
  village: ['check', 'notice', 'send_back'],
  township: ['review', 'send_back', 'reject'],
  county: ['accept', 'pay', 'send_back', 'reject'],
};

/** Whether `level` may take `action` on a claim at `stage` (CLAIM_TRANSITIONS, as the server checks it). */
export function canTake(action: ClaimAction, stage: ClaimStage, level: ActingLevel): boolean {
  const rule = CLAIM_TRANSITIONS[action];
  if (!rule.from.includes(stage)) {
    return false;
  }
  return (rule.level === 'by_stage' ? holderOf(stage) : rule.level) === level;
}

const STAGE_COLORS: Record<ClaimStage, string> = {
  declared: 'default',
  village_checked: 'cyan',
  notice: 'gold',
  town_reviewed: 'blue',
  county_accepted: 'geekblue',
  paid: 'green',
  returned: 'orange',
  rejected: 'red',
};

export function StageTag({ stage }: { stage: ClaimStage }) {
  const { pick } = useI18n();
  return <Tag color={STAGE_COLORS[stage]}>{pick(CLAIM_STAGE_LABELS[stage])}</Tag>;
}

/** Which limit set the reward, when one did. */
export function CapTag({ cap }: { cap: 'unit' | 'household' | null }) {
  const { t } = useI18n();
  if (cap === null) {
    return null;
  }
  return <Tag color="purple">{cap === 'unit' ? t('industry.capUnit') : t('industry.capHousehold')}</Tag>;
}

/** "3.50 亩" */
export function useScaleText() {
  const { pick } = useI18n();
  return (scale: string, unit: SchemeUnit) => `${scale} ${pick(SCHEME_UNIT_LABELS[unit])}`;
}

/** A rate as people write it: "20.00" → "20", "20.50" → "20.5". */
export const percentText = (rate: string) => (rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate);
