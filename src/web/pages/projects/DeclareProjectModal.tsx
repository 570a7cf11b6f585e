import { App, Button, Cascader, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MONEY_PATTERN } from '../../../shared/money.js';
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  LINKAGE_MODES,
  PROJECT_CATEGORIES,
  PROJECT_NATURES,
} from '../../../shared/project-codes.js';
import { type Project, useDeclareProject } from '../../data/projects.js';
import { errorMessage } from '../../util/formErrors.js';

const moneyRule = { pattern: MONEY_PATTERN, message: '金额最多两位小数' };

interface DeclareForm {
  name: string;
  category: [string, string];
  nature: (typeof PROJECT_NATURES)[number];
  taskItem: string;
  taskQuantity?: string;
  taskUnit?: string;
  estimatedInvestment: string;
  funding: Array<{ source: (typeof FUNDING_SOURCES)[number]; amount: string }>;
  implementingUnit: string;
  beneficiaryHouseholds?: number;
  beneficiaryPoor?: number;
  linkageMode?: (typeof LINKAGE_MODES)[number];
  target?: string;
}

/** A village (or township, county) declares a project for the library; amounts are typed as exact decimals. */
export function DeclareProjectModal({
  year,
  open,
  onClose,
  onDeclared,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
  onDeclared: (project: Project) => void;
}) {
  const [form] = Form.useForm<DeclareForm>();
  const declare = useDeclareProject();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const project = await declare.mutateAsync({
        year,
        name: v.name,
        categoryL1: v.category[0],
        categoryL2: v.category[1],
        nature: v.nature,
        tasks: [{ item: v.taskItem, quantity: v.taskQuantity ?? '', unit: v.taskUnit ?? '' }],
        estimatedInvestment: v.estimatedInvestment,
        funding: v.funding,
        implementingUnit: v.implementingUnit,
        beneficiaryHouseholds: v.beneficiaryHouseholds ?? 0,
        beneficiaryPoor: v.beneficiaryPoor ?? 0,
        linkageMode: v.linkageMode ?? null,
        performanceTargets: v.target ? [{ kind: '效益', indicator: v.target, value: '达到' }] : [],
      });
      void message.success('项目已申报（草拟），请发起公示');
      form.resetFields();
      onDeclared(project);
    } catch (error) {
      void message.error(errorMessage(error, '申报失败'));
    }
  };

  return (
    <Modal
      title={`申报${year}年度项目`}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="申报"
      confirmLoading={declare.isPending}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nature: '新建', funding: [{ source: 'central', amount: '' }] }}
      >
        <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2 }]}>
          <Input placeholder="如：东岗村香菇大棚建设项目" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="category" label="项目类别" rules={[{ required: true }]} style={{ flex: 2 }}>
            <Cascader
              options={PROJECT_CATEGORIES.map((c) => ({
                value: c.l1,
                label: c.l1,
                children: c.l2.map((l) => ({
                  value: l.name,
                  label: l.isIndustry ? `${l.name}（产业）` : l.name,
                })),
              }))}
              placeholder="一级 / 二级"
            />
          </Form.Item>
          <Form.Item name="nature" label="建设性质" style={{ flex: 1 }}>
            <Select options={PROJECT_NATURES.map((n) => ({ value: n, label: n }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="taskItem" label="建设任务" rules={[{ required: true }]} style={{ flex: 3 }}>
            <Input placeholder="如：新建香菇大棚" />
          </Form.Item>
          <Form.Item name="taskQuantity" label="数量" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="taskUnit" label="单位" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="estimatedInvestment" label="投资概算（元）" rules={[{ required: true }, moneyRule]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.List name="funding">
          {(fields, { add, remove }) => (
            <Form.Item label="资金构成（合计应等于投资概算）">
              {fields.map((field) => (
                <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'source']} noStyle>
                    <Select
                      style={{ width: 180 }}
                      options={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} noStyle rules={[{ required: true }, moneyRule]}>
                    <Input
                      inputMode="decimal"
                      placeholder="金额（元）"
                      aria-label={`资金金额${field.name + 1}`}
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="link" size="small" onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  ) : null}
                </Space.Compact>
              ))}
              <Button type="link" size="small" onClick={() => add({ source: 'self_raised', amount: '' })}>
                添加资金来源
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="implementingUnit" label="实施单位" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="beneficiaryHouseholds" label="受益户数" style={{ flex: 1 }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="beneficiaryPoor" label="其中脱贫户" style={{ flex: 1 }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="linkageMode" label="联农带农方式" style={{ flex: 1 }}>
            <Select allowClear options={LINKAGE_MODES.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="target" label="绩效目标">
          <Input placeholder="如：带动脱贫户户均增收2000元" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
