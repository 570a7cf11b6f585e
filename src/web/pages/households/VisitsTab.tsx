import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/SessionProvider.js';
import { AttachmentLinks } from '../../components/PhotoUpload.js';
import { QueryState } from '../../components/QueryState.js';
import { type HouseholdVisit, useHouseholdVisits } from '../../data/households.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { RISK_TYPE_LABELS } from '../../i18n/messages.js';

/** 走访记录: the household's visits, newest first, and a button to record one. */
export function VisitsTab({ householdId }: { householdId: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const visits = useHouseholdVisits(householdId);
  const newestFirst = (list: HouseholdVisit[]) =>
    [...list].sort(
      (a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt),
    );

  const row = (label: string, value: string | null) =>
    value ? (
      <Descriptions.Item label={label} span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
      </Descriptions.Item>
    ) : null;

  return (
    <>
      {can('visit.write') ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate(`/visits/new?householdId=${householdId}`)}
          >
            {t('visits.record')}
          </Button>
        </Flex>
      ) : null}
      <QueryState
        query={visits}
        bare
        isEmpty={(list) => list.length === 0}
        empty={{ reason: t('visits.listEmpty') }}
      >
        {(list) => (
          <Flex vertical gap={12} data-testid="household-visits">
            {newestFirst(list).map((v) => (
              <Card
                key={v.id}
                size="small"
                title={
                  <Space wrap>
                    {v.visitedOn}
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      {t('visits.visitor')} {v.visitorName}
                    </Typography.Text>
                    {v.incomeChanged ? (
                      <Tag color="orange">
                        {t('visits.incomeChanged')}：{t('common.yes')}
                      </Tag>
                    ) : null}
                  </Space>
                }
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                }
              >
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  {row(t('visits.incomeNote'), v.incomeNote)}
                  {row(t('visits.guaranteesNote'), v.guaranteesNote)}
                  {row(t('visits.industryNote'), v.industryNote)}
                  {row(t('visits.workNote'), v.workNote)}
                  {v.newRisks.length > 0 ? (
                    <Descriptions.Item label={t('visits.newRisks')} span={2}>
                      <Space size={[4, 4]} wrap>
                        {v.newRisks.map((r) => (
                          <Tag key={r} color="red">
                            {RISK_TYPE_LABELS[r] ? pick(RISK_TYPE_LABELS[r]) : r}
                          </Tag>
                        ))}
                      </Space>
                    </Descriptions.Item>
                  ) : null}
                  {row(t('visits.measuresAgreed'), v.measuresAgreed)}
                  {row(t('common.note'), v.note)}
                </Descriptions>
                <AttachmentLinks ids={v.attachmentIds} />
              </Card>
            ))}
          </Flex>
        )}
      </QueryState>
    </>
  );
}
