import { Button, Descriptions, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LINKAGE_MODE_LABELS } from '../../../shared/linkage.js';
import {
  LEAD_ENTERPRISE_LEVEL_LABELS,
  OPERATOR_STATUS_LABELS,
  OPERATOR_TYPE_LABELS,
  WORKSHOP_MIN_WORKERS,
  WORKSHOP_TYPE_LABELS,
} from '../../../shared/operators.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useWorkRecords, type WorkRecord } from '../../data/employment.js';
import { type Linkage, useLinkages } from '../../data/linkage.js';
import { type Operator, useOperator } from '../../data/operators.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { OperatorLeadStatus } from '../linkage-checks/OperatorLeadStatus.js';
import { WorkshopFormModal } from './WorkshopFormModal.js';

/** The flag of a workshop, as a tag: idle (nobody this month) or below the minimum of 脱贫/监测 workers. */
export function WorkshopFlagTag({ operator }: { operator: Operator }) {
  const { t } = useI18n();
  if (operator.workshopFlag === 'idle') {
    return <Tag color="red">{t('operators.flag.idle')}</Tag>;
  }
  if (operator.workshopFlag === 'below_minimum') {
    return <Tag color="orange">{t('operators.flag.below_minimum', { min: WORKSHOP_MIN_WORKERS })}</Tag>;
  }
  return null;
}

/** One operator: its registration, its workshop profile, and who works there (the work records through it). */
export function OperatorDrawer({ operatorId, onClose }: { operatorId: number | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const detail = useOperator(operatorId);
  const operator = operatorId === null ? null : (detail.data ?? null);
  const { can } = useSession();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState(1);
  const canReadWork = can('employment.read');
  const workers = useWorkRecords(
    { operatorId: operator?.id ?? 0, current: 'true', page, pageSize: 10 },
    { enabled: operator !== null && canReadWork },
  );
  const isWorkshop = operator?.operatorType === 'workshop';
  const canReadLinkage = can('linkage.read');
  const linkages = useLinkages(
    { operatorId: operator?.id ?? 0, page: 1, pageSize: 50 },
    { enabled: operator !== null && canReadLinkage },
  );

  return (
    <Drawer
      open={operatorId !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={operator?.name ?? t('operators.detail')}
      width={isMobile ? '100%' : 720}
      destroyOnHidden
    >
      {operator ? (
        <Flex vertical gap={20}>
          <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={t('operators.type')}>
              {pick(OPERATOR_TYPE_LABELS[operator.operatorType])}
              {operator.leadLevel ? (
                <Tag color="gold" style={{ marginInlineStart: 6 }}>
                  {pick(LEAD_ENTERPRISE_LEVEL_LABELS[operator.leadLevel])}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('operators.status')}>
              {pick(OPERATOR_STATUS_LABELS[operator.status])}
            </Descriptions.Item>
            <Descriptions.Item label={t('operators.uscc')}>{operator.uscc ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('operators.region')}>{operator.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('operators.legalPerson')}>
              {operator.legalPerson ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('operators.contactPhone')}>
              {operator.contactPhone ?? '—'}
            </Descriptions.Item>
            {operator.leadCertifiedOn ? (
              <Descriptions.Item label={t('operators.leadCertifiedOn')}>
                {operator.leadCertifiedOn}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('operators.workers')}>{operator.workersThisYear}</Descriptions.Item>
          </Descriptions>

          {isWorkshop ? (
            <div data-testid="workshop-info">
              <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('operators.workshopInfo')} <WorkshopFlagTag operator={operator} />
                </Typography.Title>
                {can('operator.write') ? (
                  <Button onClick={() => setEditing(true)}>{t('operators.workshopEdit')}</Button>
                ) : null}
              </Flex>
              {operator.workshop ? (
                <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
                  <Descriptions.Item label={t('operators.workshopType')}>
                    {pick(WORKSHOP_TYPE_LABELS[operator.workshop.workshopType])}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operators.site')}>
                    {operator.workshop.site ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operators.certifiedLevel')}>
                    {operator.workshop.certifiedLevel
                      ? pick(LEAD_ENTERPRISE_LEVEL_LABELS[operator.workshop.certifiedLevel])
                      : '—'}
                    {operator.workshop.certifiedOn ? ` · ${operator.workshop.certifiedOn}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operators.certifiedBy')}>
                    {operator.workshop.certifiedBy ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operators.capacity')}>
                    {operator.workshop.capacity ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operators.insured')}>
                    {operator.workshop.insured ? t('operators.insuredYes') : t('operators.insuredNo')}
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('operators.workshopNone')} />
              )}
            </div>
          ) : null}

          {canReadWork ? (
            <div>
              <Typography.Title level={5}>{t('operators.workersTitle')}</Typography.Title>
              <Table<WorkRecord>
                data-testid="operator-workers"
                rowKey="id"
                size="small"
                loading={workers.isLoading}
                dataSource={workers.data?.items ?? []}
                locale={{ emptyText: t('operators.workersEmpty') }}
                scroll={{ x: 'max-content' }}
                pagination={{
                  current: page,
                  pageSize: 10,
                  total: workers.data?.total ?? 0,
                  onChange: setPage,
                  hideOnSinglePage: true,
                }}
                columns={[
                  { title: t('operators.workerName'), dataIndex: 'personName' },
                  { title: t('operators.workerVillage'), dataIndex: 'regionName' },
                  {
                    title: t('operators.workerMonths'),
                    key: 'months',
                    render: (_: unknown, w) => `${w.startMonth} – ${w.endMonth ?? t('operators.now')}`,
                  },
                  {
                    title: t('operators.workerIncome'),
                    dataIndex: 'monthlyIncome',
                    align: 'right',
                    render: (v: string | null) => v ?? '—',
                  },
                ]}
              />
            </div>
          ) : null}

          {canReadLinkage ? (
            <div>
              <Typography.Title level={5}>
                {t('linkage.operatorAgreements', { n: linkages.data?.total ?? 0 })}
              </Typography.Title>
              <Table<Linkage>
                data-testid="operator-linkages"
                rowKey="id"
                size="small"
                loading={linkages.isLoading}
                dataSource={linkages.data?.items ?? []}
                locale={{ emptyText: t('linkage.operatorAgreementsEmpty') }}
                scroll={{ x: 'max-content' }}
                pagination={false}
                columns={[
                  {
                    title: t('linkage.mode'),
                    dataIndex: 'mode',
                    render: (m: Linkage['mode']) => pick(LINKAGE_MODE_LABELS[m]),
                  },
                  {
                    title: t('linkage.term'),
                    key: 'term',
                    render: (_: unknown, a) => `${a.startedOn} ~ ${a.endedOn ?? t('linkage.longTerm')}`,
                  },
                  { title: t('linkage.linked'), key: 'linked', render: (_: unknown, a) => a.linked.total },
                  { title: t('linkage.paid'), dataIndex: 'paidHouseholds' },
                  { title: t('linkage.totalBenefit'), dataIndex: 'totalBenefit', align: 'right' },
                ]}
              />
            </div>
          ) : null}
          {canReadLinkage && operator ? <OperatorLeadStatus operatorId={operator.id} /> : null}
        </Flex>
      ) : null}
      <WorkshopFormModal operator={editing ? operator : null} onClose={() => setEditing(false)} />
    </Drawer>
  );
}
