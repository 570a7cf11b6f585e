import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { caseApi } from '../../api/endpoints.js';
import type { CaseDetail } from '../../api/types.js';
import { DetailLoadState } from '../../components/DetailLoadState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRemote } from '../../util/useRemote.js';
import { HouseholdTypeTag } from '../households/codes.js';
import { CaseActionBar } from './CaseActions.js';
import { CaseProgress } from './CaseProgress.js';
import { CriteriaTab, HelpersTab, StepsTab } from './CaseTabs.js';
import { CategoryTag, DueDate, RiskTags, StageTag } from './codes.js';
import { type CaseSave, isStaleVersion } from './context.js';
import { MeasuresTab } from './MeasuresTab.js';

const isCaseDetail = (value: unknown): value is CaseDetail =>
  typeof value === 'object' && value !== null && 'allowedActions' in value && 'steps' in value;

export function CaseDetailPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remote = useRemote(() => caseApi.get(id), String(id));
  const latest = useRef<CaseDetail | undefined>(undefined);
  latest.current = remote.data;
  const { setData, reload } = remote;

  const save = useCallback<CaseSave>(
    async (action) => {
      const version = latest.current?.version ?? 0;
      try {
        const answer = await action(version);
        // Measure routes may answer with the measure alone: then read the case afresh.
        const next = isCaseDetail(answer) && answer.id === id ? answer : await caseApi.get(id);
        latest.current = next;
        setData(next);
        return true;
      } catch (cause) {
        // A workflow refusal is thrown on, for the dialog to show; a stale version reloads the case.
        if (isStaleVersion(cause)) {
          message.error({ content: t('common.conflictReloaded', { message: cause.message }), duration: 6 });
          reload();
          return false;
        }
        throw cause;
      }
    },
    [id, setData, reload, message, t],
  );

  const goBack = () =>
    (window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/cases');
  const back = (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingInline: 0 }}>
        {t('cases.backToList')}
      </Button>
    </div>
  );

  if (!remote.data) {
    return (
      <DetailLoadState
        error={remote.error}
        notFoundTitle={t('cases.notFound')}
        backLabel={t('cases.backToList')}
        onBack={() => navigate('/cases')}
        onRetry={reload}
      />
    );
  }

  const detail = remote.data;
  const tabProps = { detail, save };
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
