import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LINKAGE_MODE_LABELS } from '../../../shared/linkage.js';
import { useSession } from '../../auth/SessionProvider.js';
import { useLinkages } from '../../data/linkage.js';
import {
  campaignLedgerUrl,
  type SampledAgreement,
  useAddToSample,
  useCampaign,
} from '../../data/linkage-checks.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import type { CampaignFormTarget } from './CampaignFormModal.js';
import { CheckDrawer } from './CheckDrawer.js';
import { FindingsTable } from './FindingsTable.js';
import { ProgressTags } from './ProgressTags.js';

/** One campaign: its progress, the sample (drawn or added by the county) with each check, and the findings. */
export function CampaignDrawer({
  campaignId,
  onClose,
  onEdit,
}: {
  campaignId: number | null;
  onClose: () => void;
  onEdit: (target: CampaignFormTarget) => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const detail = useCampaign(campaignId);
  const c = campaignId === null ? null : (detail.data ?? null);
  const canConfigure = can('linkage.verify');
  const agreements = useLinkages(
    { page: 1, pageSize: 200, year: c?.year ?? 0 },
    { enabled: c !== null && canConfigure },
  );
  const add = useAddToSample();
  const [adding, setAdding] = useState<number | undefined>(undefined);
  const [checking, setChecking] = useState<number | null>(null);
  const candidates = (agreements.data?.items ?? []).filter(
    (a) => a.countyCode === c?.countyCode && !c?.sample.some((s) => s.agreementId === a.id),
  );

  const operatorCell = (s: SampledAgreement) => (
    <>
      <Typography.Text strong>{s.operatorName}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.regionName} · {pick(LINKAGE_MODE_LABELS[s.mode])}
        </Typography.Text>
      </div>
      <Tag color={s.addedByHand ? 'purple' : 'default'}>
        {s.addedByHand ? t('lc.addedByHand') : t('lc.drawn')}
      </Tag>
    </>
  );
  const linkedCell = (s: SampledAgreement) => (
    <Flex wrap gap={4}>
      <span>
        {s.paidHouseholds} / {s.linked}
      </span>
      {s.unpaidHouseholds > 0 ? <Tag color="red">{t('lc.unpaid', { n: s.unpaidHouseholds })}</Tag> : null}
    </Flex>
  );
  const statusCell = (s: SampledAgreement) =>
    s.checkedOn ? (
      <Flex wrap gap={4}>
        <Tag color="blue">{t('lc.checkedOn', { date: s.checkedOn })}</Tag>
        {s.failedItems > 0 ? <Tag color="orange">{t('lc.failedItems', { n: s.failedItems })}</Tag> : null}
        {s.findingsOverdue > 0 ? <Tag color="red">{t('lc.overdue', { n: s.findingsOverdue })}</Tag> : null}
      </Flex>
    ) : (
      <Tag>{t('lc.notChecked')}</Tag>
    );
  const actionCell = (s: SampledAgreement) => (
    <Button
      size="small"
      type={s.checkedOn ? 'link' : 'primary'}
      data-testid={`check-${s.agreementId}`}
      onClick={() => setChecking(s.agreementId)}
    >
      {s.checkedOn || !can('linkage.write') ? t('lc.viewCheck') : t('lc.doCheck')}
    </Button>
  );
  const columns: TableProps<SampledAgreement>['columns'] = isMobile
    ? [
        {
          title: t('lc.operator'),
          key: 'all',
          render: (_, s) => (
            <Flex vertical gap={6}>
              {operatorCell(s)}
              {linkedCell(s)}
              <Flex justify="space-between" align="center" wrap gap={4}>
                {statusCell(s)}
                {actionCell(s)}
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('lc.operator'), key: 'operator', render: (_, s) => operatorCell(s) },
        { title: t('lc.linked'), key: 'linked', render: (_, s) => linkedCell(s) },
        { title: t('lc.totalBenefit'), dataIndex: 'totalBenefit', align: 'right' },
        { title: t('lc.status'), key: 'status', render: (_, s) => statusCell(s) },
        { key: 'actions', render: (_, s) => actionCell(s) },
      ];

  return (
    <Drawer
      open={campaignId !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={c ? c.name : t('lc.detail')}
      width={isMobile ? '100%' : 900}
      destroyOnHidden
      extra={
        c ? (
          <Flex gap={8} wrap>
            <Button
              icon={<DownloadOutlined />}
              href={campaignLedgerUrl(c.id)}
              download
              data-testid="campaign-ledger"
            >
              {t('lc.ledger')}
            </Button>
            {canConfigure ? (
              <Button onClick={() => onEdit({ kind: 'edit', campaign: c })}>{t('lc.edit')}</Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {c ? (
        <Flex vertical gap={20}>
          <div>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {c.countyName} · {c.startsOn} ~ {c.endsOn} · {t('lc.samplePercent')} {c.samplePercent}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('lc.checkItems')}：{c.checkItems.join('、')}；{t('lc.followUpItems')}：
              {c.followUpItems.join('、')}
            </Typography.Paragraph>
            <ProgressTags progress={c.progress} />
          </div>
          <div>
            <Typography.Title level={5}>{t('lc.sample', { n: c.sample.length })}</Typography.Title>
            {canConfigure ? (
              <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                <Select<number>
                  style={{ flex: 1, minWidth: 240 }}
                  placeholder={t('lc.addToSamplePlaceholder')}
                  value={adding}
                  onChange={setAdding}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={candidates.map((a) => ({
                    value: a.id,
                    label: `${a.operatorName} · ${pick(LINKAGE_MODE_LABELS[a.mode])}`,
                  }))}
                />
                <Button
                  disabled={adding === undefined}
                  loading={add.isPending}
                  onClick={async () => {
                    if (adding !== undefined) {
                      await add.mutateAsync({ id: c.id, agreementId: adding });
                      setAdding(undefined);
                    }
                  }}
                >
                  {t('lc.addToSample')}
                </Button>
              </Flex>
            ) : null}
            {add.error ? <Typography.Text type="danger">{errorText(add.error)}</Typography.Text> : null}
            <Table<SampledAgreement>
              data-testid="campaign-sample"
              rowKey="agreementId"
              size="small"
              columns={columns}
              dataSource={c.sample}
              pagination={false}
              locale={{ emptyText: t('lc.sampleEmpty') }}
              scroll={{ x: 'max-content' }}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('lc.findings', { n: c.findings.length })}</Typography.Title>
            <FindingsTable findings={c.findings} />
          </div>
        </Flex>
      ) : null}
      <CheckDrawer
        campaignId={checking === null ? null : campaignId}
        agreementId={checking}
        onClose={() => setChecking(null)}
      />
    </Drawer>
  );
}
