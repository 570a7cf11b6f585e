import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { clock } from '../../../shared/clock.js';
import { PROJECT_LEVEL_LABELS } from '../../../shared/project-codes.js';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from '../../../shared/project-workflow.js';
import { useSession } from '../../auth/SessionProvider.js';
import { type ProjectSearch, useProjects } from '../../data/projects.js';
import { PageHeader } from '../PageHeader.js';
import { ProjectDrawer } from './ProjectDrawer.js';
import { ProjectFormModal } from './ProjectFormModal.js';

/** 项目库: the projects in the user's region by year and stage; declare, review and approve from the drawer. */
export function ProjectsPage() {
  const { can } = useSession();
  const [year, setYear] = useState(() => Number(clock().today().slice(0, 4)));
  const [stage, setStage] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [declaring, setDeclaring] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useProjects({
    year,
    stage: stage as ProjectSearch['stage'],
    q: q || undefined,
    page,
    pageSize: 20,
  });
  return (
    <>
      <PageHeader
        title="项目库"
        extra={
          can('project.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
              申报项目
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            aria-label="年度"
            value={year}
            min={2020}
            max={2100}
            onChange={(v) => v && setYear(v)}
            addonAfter="年度"
          />
          <Select
            allowClear
            placeholder="全部阶段"
            style={{ width: 160 }}
            value={stage}
            onChange={(v) => {
              setStage(v);
              setPage(1);
            }}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))}
          />
          <Input.Search placeholder="项目名称" allowClear onSearch={(v) => setQ(v)} style={{ width: 220 }} />
        </Space>
        <Table
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty description={`${year}年度还没有项目：村级项目由村申报，经乡镇审核、县级审定后入库`} />
            ),
          }}
          pagination={{
            current: page,
            total: list.data?.total ?? 0,
            pageSize: 20,
            onChange: setPage,
            showSizeChanger: false,
          }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          scroll={{ x: 900 }}
          columns={[
            {
              title: '项目名称',
              dataIndex: 'name',
              render: (v: string, p) => (
                <Button type="link" size="small" onClick={() => setOpenId(p.id)}>
                  {v}
                </Button>
              ),
            },
            { title: '地点', dataIndex: 'regionName', width: 110 },
            {
              title: '级别',
              dataIndex: 'level',
              width: 80,
              render: (v: keyof typeof PROJECT_LEVEL_LABELS) => PROJECT_LEVEL_LABELS[v],
            },
            {
              title: '类别',
              width: 160,
              render: (_, p) => (
                <>
                  {p.categoryL2} {p.isIndustry ? <Tag color="green">产业</Tag> : null}
                </>
              ),
            },
            { title: '投资概算（元）', dataIndex: 'estimatedInvestment', align: 'right', width: 140 },
            { title: '已支付（元）', dataIndex: 'paidTotal', align: 'right', width: 130 },
            {
              title: '阶段',
              dataIndex: 'stage',
              width: 130,
              render: (v: keyof typeof PROJECT_STAGE_LABELS, p) => (
                <Space size={4}>
                  <Tag color={v === 'draft' ? 'default' : 'blue'}>{PROJECT_STAGE_LABELS[v]}</Tag>
                  {p.negativeHits.length > 0 ? <Tag color="red">负面清单</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ProjectFormModal
        year={year}
        project={null}
        open={declaring}
        onClose={() => setDeclaring(false)}
        onSaved={(p) => {
          setDeclaring(false);
          setOpenId(p.id);
        }}
      />
      {openId ? <ProjectDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
