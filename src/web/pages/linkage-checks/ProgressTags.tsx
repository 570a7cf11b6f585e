import { Flex, Tag } from 'antd';
import type { Campaign } from '../../data/linkage-checks.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** A campaign's progress: sampled, checked, findings open / to verify / verified, and overdue ones in red. */
export function ProgressTags({ progress: p }: { progress: Campaign['progress'] }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={4} data-testid="campaign-progress">
      <Tag>{t('lc.sampled', { n: p.sampled })}</Tag>
      <Tag color="blue">{t('lc.checked', { n: p.checked })}</Tag>
      <Tag color="orange">{t('lc.open', { n: p.findingsOpen })}</Tag>
      <Tag color="gold">{t('lc.rectified', { n: p.findingsRectified })}</Tag>
      <Tag color="green">{t('lc.verified', { n: p.findingsVerified })}</Tag>
      {p.findingsOverdue > 0 ? <Tag color="red">{t('lc.overdue', { n: p.findingsOverdue })}</Tag> : null}
    </Flex>
  );
}
