import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  CLAIM_ACTION_LABELS,
  CLAIM_STAGE_LABELS,
  CLAIM_STAGES,
  type ClaimStage,
} from '../../../shared/industry-rewards.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { type TableParams, UrlTable } from '../../components/UrlTable.js';
import { type Claim, type Scheme, useClaims } from '../../data/industry-rewards.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { ClaimActionModal, type ClaimStep } from './ClaimActionModal.js';
import { actingLevelOf, CapTag, canTake, LEVEL_ACTIONS, StageTag, useScaleText } from './claim-rules.js';

export const CLAIM_FILTERS = ['year', 'schemeId', 'stage', 'regionCode'] as const;
type ClaimFilter = (typeof CLAIM_FILTERS)[number];

/** Why a step cannot be taken on the selection (null: it can). */
function useStepBlock() {
  const { t, pick } = useI18n();
  const me = useMe();
  const level = actingLevelOf(me);
  return (step: ClaimStep, rows: Claim[]): string | null => {
    if (level === null || rows.length === 0) {
      return t('industry.selectFirst');
    }
    if (step === 'notice') {
      if (!rows.every((r) => r.stage === 'village_checked')) {
        return t('industry.noticeNeedsChecked');
      }
      const one = new Set(rows.map((r) => `${r.schemeId}:${r.regionCode}`)).size === 1;
      return one ? null : t('industry.noticeOneVillage');
    }
    const blocked = rows.find((r) => !canTake(step, r.stage, level));
    return blocked
      ? t('industry.stepBlocked', {
          name: blocked.headName ?? `#${blocked.householdId}`,
          stage: pick(CLAIM_STAGE_LABELS[blocked.stage]),
          action: pick(CLAIM_ACTION_LABELS[step]),
        })
      : null;
  };
}

/** 奖补申报: the claims of the year by scheme, stage and region, with the steps of the user's level on a selection. */
export function ClaimsCard({
  year,
  schemes,
  table,
  onOpen,
}: {
  year: number;
  schemes: Scheme[];
  table: TableParams<ClaimFilter>;
  onOpen: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const isMobile = useIsMobile();
  const scaleText = useScaleText();
  const stepBlock = useStepBlock();
  const level = can('industry.act') ? actingLevelOf(me) : null;
  const { filters } = table;
  const schemeId = schemes.find((s) => String(s.id) === filters.schemeId)?.id;
  const stage = CLAIM_STAGES.find((s) => s === filters.stage);
  const claims = useClaims({
    page: table.page,
    pageSize: table.pageSize,
    year,
    schemeId,
    stage,
    regionCode: filters.regionCode,
  });
  // Ids only: the rows (and their versions) are always the list's current ones.
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const selected = (claims.data?.items ?? []).filter((c) => selectedIds.includes(c.id));
  const [step, setStep] = useState<ClaimStep | null>(null);
  const listKey = JSON.stringify([year, schemeId, stage, filters.regionCode, table.page, table.pageSize]);
  // A new list starts with nothing selected (a step never reaches rows the user no longer sees).
  useEffect(() => {
    if (listKey) {
      setSelectedIds([]);
    }
  }, [listKey]);

  const columns: TableProps<Claim>['columns'] = [
    {
      title: t('industry.household'),
      dataIndex: 'headName',
      width: 160,
      fixed: isMobile ? undefined : 'left',
      render: (name: string | null, c) => (
        <>
          <Typography.Link strong onClick={() => onOpen(c.id)}>
            {name ?? `#${c.householdId}`}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.householdNo ? `${c.householdNo} · ` : ''}
              {c.townName ?? ''}
              {c.villageName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('industry.scheme'), dataIndex: 'schemeItem', width: 110 },
    {
      title: t('industry.scale'),
      dataIndex: 'scale',
      width: 90,
      align: 'right',
      render: (scale: string, c) => scaleText(scale, c.schemeUnit),
    },
    { title: t('industry.revenue'), dataIndex: 'revenue', width: 100, align: 'right' },
    { title: t('industry.cost'), dataIndex: 'cost', width: 100, align: 'right' },
    { title: t('industry.netIncome'), dataIndex: 'netIncome', width: 100, align: 'right' },
    {
      title: t('industry.reward'),
      dataIndex: 'reward',
      width: 140,
      align: 'right',
      render: (reward: string, c) => (
        <Flex gap={4} justify="flex-end" wrap>
          <Typography.Text strong>{reward}</Typography.Text>
          <CapTag cap={c.capApplied} />
        </Flex>
      ),
    },
    {
      title: t('industry.stage'),
      dataIndex: 'stage',
      width: 130,
      render: (s: ClaimStage, c) => (
        <Flex gap={4} wrap>
          <StageTag stage={s} />
          {c.sampled ? <Tag color="volcano">{t('industry.sampled')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('industry.noticePeriod'),
      key: 'notice',
      width: 120,
      render: (_, c) =>
        c.notice ? (
          <>
            <div>{c.notice.startsOn}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ~ {c.notice.endsOn}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
  ];

  const filtered = Boolean(filters.schemeId || filters.stage || filters.regionCode);
  const emptyText =
    schemes.length === 0
      ? t('industry.claimsNoScheme', { year })
      : filtered
        ? t('industry.claimsEmptyFiltered')
        : can('industry.declare')
          ? t('industry.claimsEmptyDeclare', { year })
          : t('industry.claimsEmpty', { year });

  return (
    <Card title={t('industry.claims', { year })}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Select<number>
          aria-label={t('industry.scheme')}
          placeholder={t('industry.scheme')}
          allowClear
          style={filterWidth(isMobile, 180)}
          value={schemeId}
          onChange={(id) => table.setFilters({ schemeId: id === undefined ? undefined : String(id) })}
          options={schemes.map((s) => ({ value: s.id, label: `${s.item} · ${s.countyName}` }))}
        />
        <Select<ClaimStage>
          aria-label={t('industry.stage')}
          placeholder={t('industry.stage')}
          allowClear
          style={filterWidth(isMobile, 160)}
          value={stage}
          onChange={(s) => table.setFilters({ stage: s })}
          options={CLAIM_STAGES.map((s) => ({ value: s, label: pick(CLAIM_STAGE_LABELS[s]) }))}
        />
        <RegionPicker
          aria-label={t('industry.region')}
          placeholder={t('industry.region')}
          value={filters.regionCode}
          onChange={(regionCode) => table.setFilters({ regionCode })}
          style={filterWidth(isMobile, 200)}
        />
        <Button
          icon={<ReloadOutlined />}
          onClick={() => table.setFilters({ schemeId: undefined, stage: undefined, regionCode: undefined })}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      {level ? (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="claim-actions">
          <Typography.Text type="secondary">
            {selected.length > 0 ? t('industry.selected', { n: selected.length }) : t('industry.selectHint')}
          </Typography.Text>
          {LEVEL_ACTIONS[level].map((s) => {
            const block = stepBlock(s, selected);
            const label = s === 'notice' ? t('industry.postNotice') : pick(CLAIM_ACTION_LABELS[s]);
            return (
              <Button
                key={s}
                type={s === 'send_back' || s === 'reject' ? 'default' : 'primary'}
                danger={s === 'reject'}
                disabled={block !== null}
                title={block ?? label}
                onClick={() => setStep(s)}
              >
                {label}
              </Button>
            );
          })}
        </Flex>
      ) : null}
      <UrlTable<Claim, ClaimFilter>
        data-testid="industry-claims"
        rowKey="id"
        size="middle"
        columns={columns}
        query={claims}
        params={table}
        emptyText={emptyText}
        scroll={{ x: 'max-content' }}
        rowSelection={
          level
            ? {
                selectedRowKeys: selectedIds,
                onChange: (keys) => setSelectedIds(keys.map(Number)),
                fixed: !isMobile,
              }
            : undefined
        }
      />
      <ClaimActionModal
        step={step}
        claims={selected}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          setSelectedIds([]);
        }}
      />
    </Card>
  );
}
