import { Button, Card, Flex, Select, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import {
  COURTYARD_ACTION_LABELS,
  COURTYARD_ACTIVITY_LABELS,
  COURTYARD_STAGE_LABELS,
  COURTYARD_STAGES,
  COURTYARD_TRANSITIONS,
  type CourtyardAction,
  type CourtyardStage,
} from '../../../shared/courtyard.js';
import { useSession } from '../../auth/SessionProvider.js';
import { QueryState } from '../../components/QueryState.js';
import {
  type CourtyardHousehold,
  type CourtyardVillage,
  useCourtyardHouseholds,
  useCourtyardVillages,
} from '../../data/courtyard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { RecordDrawer, type RecordTarget } from './RecordDrawer.js';
import { StepModal } from './StepModal.js';
import { CourtyardStageTag } from './stage-tag.js';

const VILLAGE_ACTIONS: CourtyardAction[] = ['select', 'accept', 'name', 'fail', 'send_back'];
const HOUSEHOLD_ACTIONS: CourtyardAction[] = ['accept', 'name', 'fail', 'send_back'];

/** The villages and households of the year, filtered by stage, with the steps the user's level may take. */
export function RecordsCard({ year }: { year: number }) {
  const { t, pick } = useI18n();
  const { can, me } = useSession();
  const isMobile = useIsMobile();
  const level = me?.role === 'county' ? 'county' : me?.role === 'township' ? 'township' : null;
  const [tab, setTab] = useState<'village' | 'household'>('village');
  const [stage, setStage] = useState<CourtyardStage | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [step, setStep] = useState<CourtyardAction | null>(null);
  const [opened, setOpened] = useState<RecordTarget | null>(null);
  const search = { year, stage, page, pageSize: 20 };
  const villages = useCourtyardVillages(search);
  const households = useCourtyardHouseholds(search);
  const rows: Array<CourtyardVillage | CourtyardHousehold> =
    (tab === 'village' ? villages.data?.items : households.data?.items) ?? [];
  const picked = rows.filter((r) => selected.includes(r.id));
  const actions = (tab === 'village' ? VILLAGE_ACTIONS : HOUSEHOLD_ACTIONS).filter(
    (a) => level !== null && COURTYARD_TRANSITIONS[a].levels.includes(level),
  );
  const stageTag = (s: CourtyardStage) => <CourtyardStageTag stage={s} />;
  const shortfalls = (list: string[]) =>
    list.length === 0 ? (
      <Tag color="success">{t('courtyard.meets')}</Tag>
    ) : (
      <Tooltip title={list.join('；')}>
        <Tag color="warning">{t('courtyard.shortfalls', { n: list.length })}</Tag>
      </Tooltip>
    );

  const toolbar = (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select<CourtyardStage>
        allowClear
        aria-label={t('courtyard.stage')}
        placeholder={t('courtyard.allStages')}
        style={filterWidth(isMobile, 140)}
        value={stage}
        onChange={(s) => {
          setStage(s);
          setPage(1);
          setSelected([]);
        }}
        options={COURTYARD_STAGES.map((s) => ({ value: s, label: pick(COURTYARD_STAGE_LABELS[s]) }))}
      />
      {can('courtyard.act')
        ? actions.map((a) => (
            <Button
              key={a}
              disabled={
                picked.length === 0 ||
                picked.some((r) => !(COURTYARD_TRANSITIONS[a].from as readonly string[]).includes(r.stage))
              }
              danger={a === 'fail'}
              onClick={() => setStep(a)}
            >
              {pick(COURTYARD_ACTION_LABELS[a])}
            </Button>
          ))
        : null}
    </Flex>
  );

  const selection = can('courtyard.act')
    ? {
        selectedRowKeys: selected,
        onChange: (keys: React.Key[]) => setSelected(keys.map(Number)),
      }
    : undefined;

  return (
    <Card title={t('courtyard.records', { year })} data-testid="courtyard-records">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as 'village' | 'household');
          setSelected([]);
          setPage(1);
        }}
        items={[
          { key: 'village', label: t('courtyard.villagesTab') },
          { key: 'household', label: t('courtyard.householdsTab') },
        ]}
      />
      {toolbar}
      {tab === 'village' ? (
        <QueryState
          bare
          query={villages}
          isEmpty={(d) => d.items.length === 0}
          empty={{
            reason: can('courtyard.nominate') ? t('courtyard.emptyTownship') : t('courtyard.empty', { year }),
          }}
        >
          {(d) => (
            <Table<CourtyardVillage>
              rowKey="id"
              size="small"
              dataSource={d.items}
              rowSelection={selection}
              scroll={{ x: 720 }}
              pagination={{ current: page, pageSize: 20, total: d.total, onChange: setPage }}
              columns={[
                {
                  title: t('courtyard.village'),
                  render: (_: unknown, v) => (
                    <Typography.Link strong onClick={() => setOpened({ kind: 'village', id: v.id })}>
                      {`${v.townName ?? ''}${v.villageName}`}
                    </Typography.Link>
                  ),
                },
                { title: t('courtyard.stage'), dataIndex: 'stage', render: stageTag },
                {
                  title: t('courtyard.demoHouseholds'),
                  render: (_: unknown, v) => `${v.qualifiedHouseholds}/${v.demoHouseholds}`,
                  align: 'right',
                },
                {
                  title: t('courtyard.incomeShare'),
                  render: (_: unknown, v) =>
                    `${v.incomeSharePercent}%（${v.withCourtyardIncome}/${v.households}）`,
                  align: 'right',
                },
                { title: t('courtyard.check'), render: (_: unknown, v) => shortfalls(v.shortfalls) },
                {
                  title: t('courtyard.notice'),
                  render: (_: unknown, v) => (v.notice ? `${v.notice.startsOn} ~ ${v.notice.endsOn}` : '—'),
                },
                {
                  title: t('courtyard.comment'),
                  render: (_: unknown, v) => v.failReason ?? v.lastComment ?? '',
                },
              ]}
            />
          )}
        </QueryState>
      ) : (
        <QueryState
          bare
          query={households}
          isEmpty={(d) => d.items.length === 0}
          empty={{ reason: t('courtyard.emptyHouseholds', { year }) }}
        >
          {(d) => (
            <Table<CourtyardHousehold>
              rowKey="id"
              size="small"
              dataSource={d.items}
              rowSelection={selection}
              scroll={{ x: 760 }}
              pagination={{ current: page, pageSize: 20, total: d.total, onChange: setPage }}
              columns={[
                {
                  title: t('courtyard.head'),
                  render: (_: unknown, h) => (
                    <Typography.Link strong onClick={() => setOpened({ kind: 'household', id: h.id })}>
                      {h.headName ?? `#${h.householdId}`}
                    </Typography.Link>
                  ),
                },
                { title: t('courtyard.village'), dataIndex: 'villageName' },
                { title: t('courtyard.stage'), dataIndex: 'stage', render: stageTag },
                {
                  title: t('courtyard.activities'),
                  render: (_: unknown, h) =>
                    h.activities.map((a) => pick(COURTYARD_ACTIVITY_LABELS[a])).join('、'),
                },
                { title: t('courtyard.netIncome'), dataIndex: 'netIncome', align: 'right' },
                { title: t('courtyard.check'), render: (_: unknown, h) => shortfalls(h.shortfalls) },
                {
                  title: t('courtyard.comment'),
                  render: (_: unknown, h) => h.failReason ?? h.lastComment ?? '',
                },
              ]}
            />
          )}
        </QueryState>
      )}
      <StepModal
        kind={tab}
        step={step}
        items={picked}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          setSelected([]);
        }}
      />
      <RecordDrawer target={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
