import { Descriptions, Tag, Typography } from 'antd';
import { LEAD_STATUS_LABELS } from '../../../shared/linkage-checks.js';
import { useLeadEnterprises } from '../../data/linkage-checks.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { LEAD_STATUS_COLOR } from './LeadsTab.js';

/** An operator's lead-enterprise figures of this year and its status, for the operator drawer. */
export function OperatorLeadStatus({ operatorId }: { operatorId: number }) {
  const { t, pick } = useI18n();
  const year = today().year();
  const leads = useLeadEnterprises({ year, operatorId });
  const r = leads.data?.items[0];
  if (!r) {
    return null;
  }
  return (
    <div data-testid="operator-lead-status">
      <Typography.Title level={5}>{t('lc.operatorLead', { year })}</Typography.Title>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('lc.households')}>{r.households}</Descriptions.Item>
        <Descriptions.Item label={t('lc.workers')}>{r.workers}</Descriptions.Item>
        <Descriptions.Item label={t('lc.agreements')}>{r.agreements}</Descriptions.Item>
        <Descriptions.Item label={t('lc.payments')}>{r.payments}</Descriptions.Item>
        <Descriptions.Item label={t('lc.leadStatus')} span={2}>
          {r.status === 'none' ? (
            '—'
          ) : (
            <Tag color={LEAD_STATUS_COLOR[r.status]}>{pick(LEAD_STATUS_LABELS[r.status])}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
