import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/SessionProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../PageHeader.js';
import { AlertsTab } from './AlertsTab.js';
import { DeclarationsTab } from './DeclarationsTab.js';
import { LeadRegisterModal } from './LeadRegisterModal.js';
import { RulesTab } from './RulesTab.js';
import { TimelinessTab } from './TimelinessTab.js';

/** 预警中心: department alerts, their timeliness, farmers' self-declarations and the alert rules. */
export function AlertsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const items = [
    { key: 'alerts', label: t('alerts.tab.list'), children: <AlertsTab /> },
    { key: 'timeliness', label: t('alerts.tab.timeliness'), children: <TimelinessTab /> },
    ...(can('declaration.read')
      ? [{ key: 'declarations', label: t('alerts.tab.declarations'), children: <DeclarationsTab /> }]
      : []),
    { key: 'rules', label: t('alerts.tab.rules'), children: <RulesTab /> },
  ];
  return (
    <>
      <PageHeader
        title={t('alerts.title')}
        extra={
          can('lead.register') ? (
            <Button onClick={() => setRegistering(true)}>{t('alerts.registerLead')}</Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={params.get('tab') ?? 'alerts'}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
      {registering ? <LeadRegisterModal onClose={() => setRegistering(false)} /> : null}
    </>
  );
}
