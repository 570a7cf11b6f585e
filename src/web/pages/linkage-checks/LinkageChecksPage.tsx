import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../PageHeader.js';
import { CampaignsTab } from './CampaignsTab.js';
import { LeadsTab } from './LeadsTab.js';

/** 四查四促 (verification campaigns of farmer linkage) and 帮扶龙头企业 (lead enterprises), one tab each. */
export function LinkageChecksPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'leads' ? 'leads' : 'campaigns';
  return (
    <>
      <PageHeader title={t('lc.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'leads' ? { tab: 'leads' } : {})}
        destroyOnHidden
        items={[
          { key: 'campaigns', label: t('lc.tabCampaigns'), children: <CampaignsTab /> },
          { key: 'leads', label: t('lc.tabLeads'), children: <LeadsTab /> },
        ]}
      />
    </>
  );
}
