import { Tag } from 'antd';
import { COURTYARD_STAGE_LABELS, type CourtyardStage } from '../../../shared/courtyard.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const STAGE_COLORS: Record<CourtyardStage, string> = {
  nominated: 'default',
  building: 'processing',
  accepted: 'blue',
  named: 'success',
  failed: 'error',
};

/** A demo village's or household's stage, coloured the same in the records table and the drawer. */
export function CourtyardStageTag({ stage }: { stage: CourtyardStage }) {
  const { pick } = useI18n();
  return <Tag color={STAGE_COLORS[stage]}>{pick(COURTYARD_STAGE_LABELS[stage])}</Tag>;
}
