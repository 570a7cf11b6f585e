import { Button, Descriptions, Drawer, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../../shared/household-codes.js';
import { BENEFIT_TYPE_LABELS, LINKAGE_MODE_LABELS } from '../../../shared/linkage.js';
import { useSession } from '../../auth/SessionProvider.js';
import { HouseholdSelect } from '../../components/HouseholdSelect.js';
import { type LinkageDetail, useLinkage, useLinkHousehold, useUnlinkHousehold } from '../../data/linkage.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { BenefitFormModal } from './BenefitFormModal.js';
import { LinkageFormModal, type LinkageFormTarget } from './LinkageFormModal.js';

type LinkedHousehold = LinkageDetail['households'][number];
type Benefit = LinkageDetail['benefits'][number];

/** One agreement in a year: its terms, the households it links (the unpaid flagged) and every payment. */
export function LinkageDrawer({
  linkageId,
  year,
  onClose,
}: {
  linkageId: number | null;
  year: number;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const canWrite = can('linkage.write');
  const detail = useLinkage(linkageId, year);
  const a = linkageId === null ? null : (detail.data ?? null);
  const link = useLinkHousehold();
  const unlink = useUnlinkHousehold();
  const [householdId, setHouseholdId] = useState<number | undefined>(undefined);
  const [paying, setPaying] = useState<{ householdId?: number } | null>(null);
  const [editing, setEditing] = useState<LinkageFormTarget | null>(null);

  const households: Parameters<typeof Table<LinkedHousehold>>[0]['columns'] = [
    {
      title: t('linkage.headName'),
      dataIndex: 'headName',
      render: (name: string | null, h) => (
        <Flex wrap gap={4}>
          <span>{name ?? `#${h.householdId}`}</span>
          {h.unpaid ? <Tag color="red">{t('linkage.unpaidTag')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('linkage.householdType'),
      dataIndex: 'householdType',
      render: (type: string) =>
        type in HOUSEHOLD_TYPE_LABELS ? pick(HOUSEHOLD_TYPE_LABELS[type as HouseholdType]) : type,
    },
    { title: t('linkage.village'), key: 'village', render: (_, h) => `${h.townName ?? ''}${h.villageName}` },
    { title: t('linkage.benefitTotal'), dataIndex: 'benefitTotal', align: 'right' },
    { title: t('linkage.lastPaidOn'), dataIndex: 'lastPaidOn', render: (d: string | null) => d ?? '—' },
    ...(canWrite
      ? [
          {
            key: 'actions',
            render: (_: unknown, h: LinkedHousehold) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setPaying({ householdId: h.householdId })}>
                  {t('linkage.addBenefit')}
                </Button>
                {h.benefitCount === 0 && a ? (
                  <Popconfirm
                    title={t('linkage.removeConfirm', { year })}
                    onConfirm={() => unlink.mutateAsync({ id: a.id, householdId: h.householdId, year })}
                  >
                    <Button size="small" type="link" danger>
                      {t('linkage.removeHousehold')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const benefits: Parameters<typeof Table<Benefit>>[0]['columns'] = [
    { title: t('linkage.paidOn'), dataIndex: 'paidOn' },
    { title: t('linkage.headName'), dataIndex: 'headName', render: (n: string | null) => n ?? '—' },
    {
      title: t('linkage.benefitType'),
      dataIndex: 'benefitType',
      render: (type: Benefit['benefitType']) => pick(BENEFIT_TYPE_LABELS[type]),
    },
    { title: t('linkage.amount'), dataIndex: 'amount', align: 'right' },
    { title: t('linkage.evidence'), dataIndex: 'evidence', render: (e: string | null) => e ?? '—' },
  ];

  const addHousehold = async () => {
    if (a && householdId !== undefined) {
      await link.mutateAsync({ id: a.id, householdId, year });
      setHouseholdId(undefined);
    }
  };

  return (
    <Drawer
      open={linkageId !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={a ? `${t('linkage.detail')} · ${a.operatorName}` : t('linkage.detail')}
      width={isMobile ? '100%' : 820}
      destroyOnHidden
      extra={
        canWrite && a ? (
          <Button onClick={() => setEditing({ kind: 'edit', linkage: a })}>{t('linkage.edit')}</Button>
        ) : null
      }
    >
      {a ? (
        <Flex vertical gap={20}>
          <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={t('linkage.mode')}>
              {pick(LINKAGE_MODE_LABELS[a.mode])}
            </Descriptions.Item>
            <Descriptions.Item label={t('linkage.region')}>{a.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('linkage.project')}>{a.projectName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('linkage.term')}>
              {a.startedOn} ~ {a.endedOn ?? t('linkage.longTerm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('linkage.terms')} span={isMobile ? 1 : 2}>
              {a.terms ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('linkage.linked')}>
              {a.linked.total}（
              {t('linkage.linkedSplit', {
                exited: a.linked.exitedPoverty,
                monitored: a.linked.monitored,
                other: a.linked.other,
              })}
              ）
            </Descriptions.Item>
            <Descriptions.Item label={t('linkage.totalBenefit')}>
              {a.totalBenefit}
              {a.unpaidHouseholds > 0 ? (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('linkage.unpaid')} {a.unpaidHouseholds}
                </Tag>
              ) : null}
            </Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('linkage.households', { year })}</Typography.Title>
            {canWrite ? (
              <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                <div style={{ flex: 1, minWidth: 240 }}>
                  <HouseholdSelect value={householdId} onChange={setHouseholdId} />
                </div>
                <Button
                  type="primary"
                  disabled={householdId === undefined}
                  loading={link.isPending}
                  onClick={addHousehold}
                >
                  {t('linkage.addHousehold')}
                </Button>
              </Flex>
            ) : null}
            {link.error ? <Typography.Text type="danger">{errorText(link.error)}</Typography.Text> : null}
            {unlink.error ? <Typography.Text type="danger">{errorText(unlink.error)}</Typography.Text> : null}
            <Table<LinkedHousehold>
              data-testid="linkage-households"
              rowKey="householdId"
              size="small"
              columns={households}
              dataSource={a.households}
              pagination={a.households.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: t('linkage.householdsEmpty', { year }) }}
              scroll={{ x: 'max-content' }}
            />
          </div>

          <div>
            <Flex justify="space-between" align="center">
              <Typography.Title level={5}>{t('linkage.benefits', { year })}</Typography.Title>
              {canWrite && a.households.length > 0 ? (
                <Button onClick={() => setPaying({})}>{t('linkage.addBenefit')}</Button>
              ) : null}
            </Flex>
            <Table<Benefit>
              data-testid="linkage-benefits"
              rowKey="id"
              size="small"
              columns={benefits}
              dataSource={a.benefits}
              pagination={a.benefits.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: t('linkage.benefitsEmpty', { year }) }}
              scroll={{ x: 'max-content' }}
            />
          </div>
        </Flex>
      ) : null}
      <BenefitFormModal
        linkage={paying ? a : null}
        householdId={paying?.householdId}
        onClose={() => setPaying(null)}
      />
      <LinkageFormModal target={editing} onClose={() => setEditing(null)} />
    </Drawer>
  );
}
