import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/SessionProvider.js';
import { DetailLoadState } from '../../components/DetailLoadState.js';
import { useHousehold } from '../../data/households.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { WorkRecordsTab } from '../employment/WorkRecordsTab.js';
import { BasicInfoTab } from './BasicInfoTab.js';
import { HouseholdTypeTag } from './codes.js';
import { HistoryTab } from './HistoryTab.js';
import { HouseholdSummary } from './HouseholdSummary.js';
import { IncomeTab } from './IncomeTab.js';
import { MembersTab } from './MembersTab.js';
import { TimelineTab } from './TimelineTab.js';
import { VisitsTab } from './VisitsTab.js';

export function HouseholdDetailPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const household = useHousehold(id);

  // Back to the list as it was searched, or to the list when the page was opened directly.
  const goBack = () =>
    (window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/households');
  const back = (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingInline: 0 }}>
        {t('hh.backToList')}
      </Button>
    </div>
  );

  if (!household.data) {
    return (
      <DetailLoadState
        error={household.error}
        notFoundTitle={t('hh.notFound')}
        backLabel={t('hh.backToList')}
        onBack={() => navigate('/households')}
        onRetry={() => void household.refetch()}
      />
    );
  }

  const detail = household.data;
  const h = detail.household;
  const canWrite = can('household.write');
  const tabProps = { detail, canWrite };
  return (
    <>
      {back}
      <Space align="center" wrap size={[12, 4]} style={{ margin: '4px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="household-title">
          {h.headName}
        </Typography.Title>
        <HouseholdTypeTag type={h.householdType} />
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {h.householdNo ?? `#${h.id}`}
        </Typography.Text>
        <Typography.Text type="secondary">
          {h.countyName} · {h.townName} · {h.villageName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hh.updatedAt')} {dayjs(h.updatedAt).format('YYYY-MM-DD HH:mm')} ·{' '}
          {t('hh.version', { version: h.version })}
        </Typography.Text>
      </Space>
      <HouseholdSummary detail={detail} />
      <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={params.get('tab') ?? 'basic'}
          onChange={(tab) => setParams(tab === 'basic' ? {} : { tab }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'basic', label: t('hh.tab.basic'), children: <BasicInfoTab {...tabProps} /> },
            {
              key: 'members',
              label: `${t('hh.tab.members')} (${detail.members.length})`,
              children: <MembersTab {...tabProps} />,
            },
            {
              key: 'income',
              label: `${t('hh.tab.income')} (${detail.incomeItems.length})`,
              children: <IncomeTab {...tabProps} />,
            },
            ...(can('employment.read')
              ? [
                  {
                    key: 'work',
                    label: t('emp.tab.records'),
                    children: <WorkRecordsTab householdId={h.id} />,
                  },
                ]
              : []),
            ...(can('visit.read')
              ? [
                  {
                    key: 'visits',
                    label: t('hh.tab.visits'),
                    children: <VisitsTab householdId={h.id} />,
                  },
                ]
              : []),
            {
              key: 'timeline',
              label: t('hh.tab.timeline'),
              children: <TimelineTab householdId={h.id} />,
            },
            {
              key: 'history',
              label: t('hh.tab.history'),
              children: <HistoryTab householdId={h.id} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
