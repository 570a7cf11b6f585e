import { Alert, Col, Empty, Row, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { toCents, toSignedCents } from '../../../shared/money.js';
import { AttachmentLinks } from '../../components/PhotoUpload.js';
import type { CaseHelper } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CASE_STEP_ACTION_LABELS } from '../../i18n/messages.js';
import { money } from '../households/codes.js';
import { CriteriaList } from './CriteriaList.js';
import { stageLabel } from './codes.js';
import type { CaseTabProps } from './context.js';

/** 办理记录: every step, newest first, with who, when, the note and the attachments. */
export function StepsTab({ detail }: Pick<CaseTabProps, 'detail'>) {
  const { t, pick } = useI18n();
  if (detail.steps.length === 0) {
    return <Empty description={t('case.stepsEmpty')} />;
  }
  const steps = [...detail.steps].sort((a, b) => b.actedAt.localeCompare(a.actedAt) || b.id - a.id);
  return (
    <Timeline
      data-testid="case-steps"
      style={{ marginTop: 12 }}
      items={steps.map((step) => {
        const action = CASE_STEP_ACTION_LABELS[step.action];
        const actionName = action ? pick(action) : stageLabel(pick, step.toStage);
        return {
          key: step.id,
          color: step.action === 'reject' ? 'red' : step.action === 'return' ? 'orange' : 'blue',
          content: (
            <div>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {dayjs(step.actedAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              <Typography.Text strong>
                {step.fromStage && step.fromStage !== step.toStage
                  ? t('case.stepAction', {
                      action: actionName,
                      from: stageLabel(pick, step.fromStage),
                      to: stageLabel(pick, step.toStage),
                    })
                  : t('case.stepActionNew', { action: actionName, to: stageLabel(pick, step.toStage) })}
              </Typography.Text>
              <Typography.Text type="secondary"> · {step.actorName}</Typography.Text>
              {step.note ? (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {step.note}
                </Typography.Paragraph>
              ) : null}
              <AttachmentLinks ids={step.attachmentIds} />
            </div>
          ),
        };
      })}
    />
  );
}

/** 帮扶责任人: the current helper first, then the history. */
export function HelpersTab({ detail }: Pick<CaseTabProps, 'detail'>) {
  const { t } = useI18n();
  const helpers = [...detail.helpers].sort(
    (a, b) => Number(a.endsOn !== null) - Number(b.endsOn !== null) || b.startsOn.localeCompare(a.startsOn),
  );
  return (
    <Table<CaseHelper>
      data-testid="helpers-table"
      rowKey={(h) => `${h.userId}-${h.startsOn}`}
      size="small"
      pagination={false}
      dataSource={helpers}
      scroll={{ x: 640 }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.helpersEmpty')} />,
      }}
      columns={[
        { title: t('case.helper.name'), dataIndex: 'name', width: 110 },
        { title: t('case.helper.unit'), dataIndex: 'unit', render: (u: string | null) => u ?? '' },
        {
          title: t('case.helper.phone'),
          dataIndex: 'phone',
          width: 130,
          render: (p: string | null) => p ?? '',
        },
        { title: t('case.helper.startsOn'), dataIndex: 'startsOn', width: 110 },
        {
          title: t('case.helper.endsOn'),
          dataIndex: 'endsOn',
          width: 120,
          render: (on: string | null) => on ?? <Tag color="green">{t('case.helper.current')}</Tag>,
        },
      ]}
    />
  );
}

/** 消除条件: the criteria of both modes, judged by the server on the household's data. */
export function CriteriaTab({ detail }: Pick<CaseTabProps, 'detail'>) {
  const { t } = useI18n();
  const criteria = detail.criteria;
  if (!criteria) {
    return <Alert type="info" showIcon title={t('case.criteria.notMonitored')} />;
  }
  return (
    <div data-testid="case-criteria">
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={8}>
          <Statistic
            title={t('case.criteria.perCapita')}
            value={money(criteria.perCapita)}
            suffix={t('common.yuan')}
            styles={{
              content: {
                color: toSignedCents(criteria.perCapita) < toCents(criteria.line) ? '#cf1322' : '#389e0d',
              },
            }}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('case.criteria.line')} value={money(criteria.line)} suffix={t('common.yuan')} />
        </Col>
      </Row>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('cases.mode.assisted')}</Typography.Title>
          <CriteriaList criteria={criteria.assisted} />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('cases.mode.natural')}</Typography.Title>
          <CriteriaList criteria={criteria.natural} />
        </Col>
      </Row>
    </div>
  );
}
