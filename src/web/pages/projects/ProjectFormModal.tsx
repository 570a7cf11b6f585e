import { App, Button, Cascader, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { MONEY_PATTERN } from '../../../shared/money.js';
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  LINKAGE_MODES,
  PROJECT_CATEGORIES,
  PROJECT_NATURES,
} from '../../../shared/project-codes.js';
import { type Project, type ProjectInput, useDeclareProject, useUpdateProject } from '../../data/projects.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const moneyRule = { pattern: MONEY_PATTERN, message: '金额最多两位小数' };
const TARGET_KINDS = ['产出', '效益', '满意度'] as const;

interface ProjectForm {
  name: string;
  category: [string, string];
  nature: (typeof PROJECT_NATURES)[number];
  tasks: Array<{ item: string; quantity?: string; unit?: string }>;
  estimatedInvestment: string;
  funding: Array<{ source: (typeof FUNDING_SOURCES)[number]; amount: string }>;
  implementingUnit: string;
  responsiblePerson?: string | null;
  plannedStart?: Dayjs | null;
  plannedFinish?: Dayjs | null;
  beneficiaryHouseholds?: number | null;
  beneficiaryPersons?: number | null;
  beneficiaryPoor?: number | null;
  beneficiaryMonitored?: number | null;
  linkageMode?: (typeof LINKAGE_MODES)[number] | null;
  linkageHouseholds?: number | null;
  targets: Array<{ kind: (typeof TARGET_KINDS)[number]; indicator: string; value: string }>;
}

const EMPTY: Partial<ProjectForm> = {
  nature: '新建',
  tasks: [{ item: '' }],
  funding: [{ source: 'central', amount: '' }],
  targets: [],
};

/** The form's values of a saved project: every field the declaration has, so a save keeps what it does not show. */
function valuesOf(p: Project): ProjectForm {
  return {
    name: p.name,
    category: [p.categoryL1, p.categoryL2],
    nature: p.nature as ProjectForm['nature'],
    tasks: p.tasks.map((task) => ({ item: task.item, quantity: task.quantity, unit: task.unit })),
    estimatedInvestment: p.estimatedInvestment,
    funding: p.funding.map((f) => ({
      source: f.source as ProjectForm['funding'][number]['source'],
      amount: f.amount,
    })),
    implementingUnit: p.implementingUnit,
    responsiblePerson: p.responsiblePerson,
    plannedStart: p.plannedStart ? dayjs(p.plannedStart) : null,
    plannedFinish: p.plannedFinish ? dayjs(p.plannedFinish) : null,
    beneficiaryHouseholds: p.beneficiaryHouseholds,
    beneficiaryPersons: p.beneficiaryPersons,
    beneficiaryPoor: p.beneficiaryPoor,
    beneficiaryMonitored: p.beneficiaryMonitored,
    linkageMode: p.linkageMode as ProjectForm['linkageMode'],
    linkageHouseholds: p.linkageHouseholds,
    targets: p.performanceTargets.map((target) => ({
      kind: target.kind as ProjectForm['targets'][number]['kind'],
      indicator: target.indicator,
      value: target.value,
    })),
  };
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The declaration the API takes; a changed project keeps its place, year and linked households. */
function bodyOf(v: ProjectForm, year: number, project: Project | null): ProjectInput {
  return {
    ...(project ? { regionCode: project.regionCode } : {}),
    year: project?.year ?? year,
    name: v.name,
    categoryL1: v.category[0],
    categoryL2: v.category[1],
    nature: v.nature,
    tasks: v.tasks.map((task) => ({ item: task.item, quantity: task.quantity ?? '', unit: task.unit ?? '' })),
    estimatedInvestment: v.estimatedInvestment,
    funding: v.funding,
    implementingUnit: v.implementingUnit,
    responsiblePerson: v.responsiblePerson || null,
    plannedStart: day(v.plannedStart),
    plannedFinish: day(v.plannedFinish),
    beneficiaryHouseholdIds: project?.beneficiaries.map((b) => b.householdId) ?? [],
    beneficiaryHouseholds: v.beneficiaryHouseholds ?? 0,
    beneficiaryPersons: v.beneficiaryPersons ?? 0,
    beneficiaryPoor: v.beneficiaryPoor ?? 0,
    beneficiaryMonitored: v.beneficiaryMonitored ?? 0,
    linkageMode: v.linkageMode ?? null,
    linkageHouseholds: v.linkageHouseholds ?? 0,
    performanceTargets: v.targets,
  };
}

/**
 * Declares a project for the library (a village, township or county), or changes a draft (a sent-back project)
 * with the version the user opened: a 409 reloads the latest project into the form and says so. Amounts are
 * typed as exact decimals.
 */
export function ProjectFormModal({
  year,
  project,
  open,
  onClose,
  onSaved,
  onReload,
}: {
  year: number;
  /** The draft to change; null declares a new project. */
  project: Project | null;
  open: boolean;
  onClose: () => void;
  onSaved: (project: Project) => void;
  /** Reads the project again (after someone else saved first). */
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<ProjectForm>();
  const declare = useDeclareProject();
  const update = useUpdateProject();
  const { message } = App.useApp();
  const { t } = useI18n();
  const linked = project?.beneficiaries.length ?? 0;

  // A fresh version (after a conflict, or another save) is loaded into the form.
  useEffect(() => {
    if (open) {
      form.setFieldsValue(project ? valuesOf(project) : EMPTY);
    }
  }, [form, open, project]);

  const submit = async (v: ProjectForm) => {
    if (project) {
      const saved = await update.mutateAsync({
        id: project.id,
        body: { ...bodyOf(v, year, project), version: project.version },
      });
      void message.success(t('project.saved'));
      onSaved(saved);
    } else {
      const saved = await declare.mutateAsync(bodyOf(v, year, null));
      void message.success('项目已申报（草拟），请发起公示');
      form.resetFields();
      onSaved(saved);
    }
  };

  return (
    <FormModal<ProjectForm>
      form={form}
      open={open}
      name={project ? 'project-edit' : 'project-declare'}
      title={project ? t('project.editTitle', { name: project.name }) : `申报${year}年度项目`}
      okText={project ? t('common.save') : '申报'}
      onCancel={onClose}
      onSubmit={submit}
      {...(onReload ? { onConflict: () => onReload().then(() => undefined) } : {})}
      conflictHint={t('project.conflictHint')}
      width={720}
      initialValues={EMPTY}
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
      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <Form.Item label="建设任务（数量、单位）" required>
            {fields.map((field, i) => (
              <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                <Form.Item
                  name={[field.name, 'item']}
                  noStyle
                  rules={[{ required: true, message: '请填写建设任务' }]}
                >
                  <Input
                    style={{ flex: 3 }}
                    placeholder="如：新建香菇大棚"
                    aria-label={i === 0 ? '建设任务' : `第${i + 1}项任务`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} noStyle>
                  <Input style={{ flex: 1 }} placeholder="数量" aria-label={`数量${i + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} noStyle>
                  <Input style={{ flex: 1 }} placeholder="单位" aria-label={`单位${i + 1}`} />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button type="link" size="small" onClick={() => remove(field.name)}>
                    删除
                  </Button>
                ) : null}
              </Space.Compact>
            ))}
            <Button type="link" size="small" onClick={() => add({ item: '' })}>
              添加建设任务
            </Button>
          </Form.Item>
        )}
      </Form.List>
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
                    aria-label={`资金来源${field.name + 1}`}
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
      <Space.Compact block>
        <Form.Item name="implementingUnit" label="实施单位" rules={[{ required: true }]} style={{ flex: 2 }}>
          <Input />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="plannedStart" label="计划开工日期" style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plannedFinish" label="计划完工日期" style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="beneficiaryHouseholds" label="受益户数" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={linked > 0} />
        </Form.Item>
        <Form.Item name="beneficiaryPoor" label="其中脱贫户" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={linked > 0} />
        </Form.Item>
        <Form.Item name="beneficiaryMonitored" label="其中监测户" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={linked > 0} />
        </Form.Item>
        <Form.Item name="beneficiaryPersons" label="受益人数" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} disabled={linked > 0} />
        </Form.Item>
      </Space.Compact>
      {linked > 0 ? (
        <Form.Item>
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('project.linkedHouseholds', { n: linked })}</span>
        </Form.Item>
      ) : null}
      <Space.Compact block>
        <Form.Item name="linkageMode" label="联农带农方式" style={{ flex: 2 }}>
          <Select allowClear options={LINKAGE_MODES.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="linkageHouseholds" label="带动户数" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <Form.Item label="绩效目标">
            {fields.map((field, i) => (
              <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                <Form.Item name={[field.name, 'kind']} noStyle>
                  <Select
                    style={{ width: 110 }}
                    aria-label={`指标类别${i + 1}`}
                    options={TARGET_KINDS.map((k) => ({ value: k, label: k }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'indicator']}
                  noStyle
                  rules={[{ required: true, message: '请填写指标' }]}
                >
                  <Input placeholder="如：带动脱贫户增收" aria-label={`绩效指标${i + 1}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  noStyle
                  rules={[{ required: true, message: '请填写指标值' }]}
                >
                  <Input style={{ width: 160 }} placeholder="如：≥2000元/户" aria-label={`指标值${i + 1}`} />
                </Form.Item>
                <Button type="link" size="small" onClick={() => remove(field.name)}>
                  删除
                </Button>
              </Space.Compact>
            ))}
            <Button type="link" size="small" onClick={() => add({ kind: '效益', indicator: '', value: '' })}>
              添加绩效目标
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
