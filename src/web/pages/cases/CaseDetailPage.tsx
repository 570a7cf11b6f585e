import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { DetailLoadState } from '../../components/DetailLoadState.js';
import { useCase } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { HouseholdTypeTag } from '../households/codes.js';
import { CaseActionBar } from './CaseActions.js';
import { CaseProgress } from './CaseProgress.js';
import { CriteriaTab, HelpersTab, StepsTab } from './CaseTabs.js';
import { CategoryTag, DueDate, RiskTags, StageTag } from './codes.js';
import { MeasuresTab } from './MeasuresTab.js';

export function CaseDetailPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const { t } = useI18n();
  const navigate = useNavigate();
  const caseQuery = useCase(id);

  const goBack = () =>
    (window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/cases');
  const back = (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingInline: 0 }}>
        {t('cases.backToList')}
      </Button>
    </div>
  );

  if (!caseQuery.data) {
    return (
      <DetailLoadState
        error={caseQuery.error}
        notFoundTitle={t('cases.notFound')}
        backLabel={t('cases.backToList')}
        onBack={() => navigate('/cases')}
        onRetry={() => void caseQuery.refetch()}
      />
    );
  }

  const detail = caseQuery.data;
  const tabProps = { detail };
  return (
    <>
      {back}
      <Space align="center" wrap size={[12, 4]} style={{ margin: '4px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
          <Link to={`/households/${detail.householdId}`}>{detail.headName}</Link>
        </Typography.Title>
        <StageTag stage={detail.stage} />
        <CategoryTag category={detail.category} />
        <HouseholdTypeTag type={detail.householdType} />
        {detail.greenChannel ? <Tag color="green">{t('cases.greenChannel')}</Tag> : null}
        {detail.rolledBackFrom ? <Tag color="magenta">{t('cases.rolledBack')}</Tag> : null}
        <Typography.Text type="secondary">{detail.regionName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {detail.householdNo ?? `#${detail.householdId}`}
        </Typography.Text>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <CaseProgress detail={detail} />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginTop: 20 }}
          data-testid="case-facts"
        >
          {detail.nextStep ? (
            <Descriptions.Item label={t('case.nextStep')}>
              <span data-testid="case-next-step">
                {detail.nextStep.actors.map((r) => t(`case.level.${r}`)).join(' / ')}
                {detail.nextStep.opensOn
                  ? t('case.nextOpens', { date: detail.nextStep.opensOn })
                  : detail.nextStep.byOn
                    ? t('case.nextBy', { date: detail.nextStep.byOn })
                    : ''}
              </span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('leads.foundOn')}>{detail.foundOn}</Descriptions.Item>
          <Descriptions.Item label={t('leads.dueOn')}>
            <DueDate dueOn={detail.dueOn} isLate={detail.isLate} />
          </Descriptions.Item>
          {detail.noticeStartsOn ? (
            <Descriptions.Item label={t('cases.notice')}>
              {t('cases.noticeUntil', { start: detail.noticeStartsOn, end: detail.noticeEndsOn ?? '' })}
            </Descriptions.Item>
          ) : null}
          {detail.identifiedOn ? (
            <Descriptions.Item label={t('cases.identifiedOn')}>{detail.identifiedOn}</Descriptions.Item>
          ) : null}
          {detail.eliminatedOn ? (
            <Descriptions.Item label={t('cases.eliminatedOn')}>
              {detail.eliminatedOn}
              {detail.eliminationMode ? ` · ${t(`cases.mode.${detail.eliminationMode}`)}` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('cases.risks')}>
            <RiskTags risks={detail.risks} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.helpers')}>
            {detail.helperNames.length > 0 ? detail.helperNames.join('、') : t('cases.noHelper')}
          </Descriptions.Item>
          {detail.closedReason ? (
            <Descriptions.Item label={t('leads.closedReason')}>{detail.closedReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {detail.measureProblem ? (
          <Alert
            type="warning"
            showIcon
            title={t(`case.problem.${detail.measureProblem}`)}
            style={{ marginTop: 8 }}
          />
        ) : null}
        <div style={{ marginTop: 16 }}>
          <CaseActionBar {...tabProps} />
        </div>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          defaultActiveKey="steps"
          items={[
            { key: 'steps', label: t('case.tab.steps'), children: <StepsTab detail={detail} /> },
            {
              key: 'measures',
              label: `${t('case.tab.measures')} (${detail.measures.length})`,
              children: <MeasuresTab {...tabProps} />,
            },
            { key: 'helpers', label: t('case.tab.helpers'), children: <HelpersTab detail={detail} /> },
            { key: 'criteria', label: t('case.tab.criteria'), children: <CriteriaTab detail={detail} /> },
          ]}
        />
      </Card>
    </>
  );
}
