import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { type Campaign, useCampaigns } from '../../data/linkage-checks.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { CampaignDrawer } from './CampaignDrawer.js';
import { CampaignFormModal, type CampaignFormTarget } from './CampaignFormModal.js';
import { ProgressTags } from './ProgressTags.js';

const FIRST_YEAR = 2021;

/** The campaigns of a year: the county sets one up (the sample is drawn at once); each opens in a drawer. */
export function CampaignsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const thisYear = today().year();
  const [year, setYear] = useState(thisYear);
  const campaigns = useCampaigns(year);
  const [openId, setOpenId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<CampaignFormTarget | null>(null);
  const canConfigure = can('linkage.verify');

  const columns: TableProps<Campaign>['columns'] = [
    {
      title: t('lc.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Typography.Link strong onClick={() => setOpenId(c.id)}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('lc.county'), dataIndex: 'countyName', width: 100 },
    {
      title: t('lc.period'),
      key: 'period',
      width: 200,
      render: (_, c) => `${c.startsOn} ~ ${c.endsOn}`,
    },
    {
      title: t('lc.progress'),
      key: 'progress',
      render: (_, c) => <ProgressTags progress={c.progress} />,
    },
  ];

  // On a phone one column carries everything, so the progress is not scrolled off the screen.
  const phoneColumns: TableProps<Campaign>['columns'] = [
    {
      title: t('lc.name'),
      key: 'all',
      render: (_, c) => (
        <Flex vertical gap={4}>
          <Typography.Link strong onClick={() => setOpenId(c.id)}>
            {c.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.countyName} · {c.startsOn} ~ {c.endsOn}
          </Typography.Text>
          <ProgressTags progress={c.progress} />
        </Flex>
      ),
    },
  ];

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('lc.help')}</Typography.Paragraph>
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label={t('lc.year')}
          style={filterWidth(isMobile, 120)}
          value={year}
          onChange={setYear}
          options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('lc.yearValue', { year: y }),
          }))}
        />
        {canConfigure ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ kind: 'create', year })}
          >
            {t('lc.create')}
          </Button>
        ) : null}
      </Flex>
      <Table<Campaign>
        data-testid="campaign-table"
        rowKey="id"
        size="middle"
        columns={isMobile ? phoneColumns : columns}
        dataSource={campaigns.data?.items ?? []}
        loading={campaigns.isLoading}
        pagination={false}
        locale={{ emptyText: canConfigure ? t('lc.empty', { year }) : t('lc.emptyReadOnly', { year }) }}
        scroll={{ x: 'max-content' }}
      />
      <CampaignFormModal target={formTarget} onClose={() => setFormTarget(null)} onCreated={setOpenId} />
      <CampaignDrawer campaignId={openId} onClose={() => setOpenId(null)} onEdit={setFormTarget} />
    </Card>
  );
}
