import { App, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import {
  DISABILITY_CATEGORIES,
  EDUCATION,
  HEALTH,
  LABOUR_SKILLS,
  POLITICAL_STATUS,
  RELATIONS,
  SCHOOLING,
} from '../../../shared/household-codes.js';
import { type Member, useHouseholdChanges } from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { listOptions } from './codes.js';
import type { HouseholdTabProps } from './context.js';

type Relation = (typeof RELATIONS)[number];

interface Values {
  name: string;
  relation: string | undefined;
  idNumber: string;
  phone: string;
  ethnicity: string;
  politicalStatus: string | undefined;
  education: string | undefined;
  schooling: string | undefined;
  dropoutReason: string;
  health: string | undefined;
  labourSkill: string | undefined;
  workMonths: number | null;
  workPlace: string;
  medicalInsured: boolean;
  seriousIllnessInsured: boolean;
  pensionInsured: boolean;
  isDibao: boolean;
  isTekun: boolean;
  disabilityCategory: string | undefined;
  disabilityGrade: number | undefined;
}

const CHECKS = ['medicalInsured', 'seriousIllnessInsured', 'pensionInsured', 'isDibao', 'isTekun'] as const;

const EMPTY: Values = {
  name: '',
  relation: undefined,
  idNumber: '',
  phone: '',
  ethnicity: '汉族',
  politicalStatus: undefined,
  education: undefined,
  schooling: undefined,
  dropoutReason: '',
  health: '健康',
  labourSkill: undefined,
  workMonths: null,
  workPlace: '',
  medicalInsured: true,
  seriousIllnessInsured: true,
  pensionInsured: false,
  isDibao: false,
  isTekun: false,
  disabilityCategory: undefined,
  disabilityGrade: undefined,
};

const valuesOf = (m: Member): Values => ({
  name: m.name,
  relation: m.relation,
  idNumber: '',
  phone: '',
  ethnicity: m.ethnicity ?? '',
  politicalStatus: m.politicalStatus ?? undefined,
  education: m.education ?? undefined,
  schooling: m.schooling ?? undefined,
  dropoutReason: m.dropoutReason ?? '',
  health: m.health ?? undefined,
  labourSkill: m.labourSkill ?? undefined,
  workMonths: m.workMonths,
  workPlace: m.workPlace ?? '',
  medicalInsured: m.medicalInsured,
  seriousIllnessInsured: m.seriousIllnessInsured,
  pensionInsured: m.pensionInsured,
  isDibao: m.isDibao,
  isTekun: m.isTekun,
  disabilityCategory: m.disabilityCategory ?? undefined,
  disabilityGrade: m.disabilityGrade ?? undefined,
});

const blank = (v: string) => (v.trim() ? v.trim() : null);

/** The fields as the API takes them; the ID number and phone only when typed (they are never shown in clear). */
function bodyOf(v: Values) {
  return {
    name: v.name.trim(),
    relation: v.relation as Relation | undefined,
    ethnicity: blank(v.ethnicity),
    politicalStatus: v.politicalStatus ?? null,
    education: v.education ?? null,
    schooling: v.schooling ?? null,
    dropoutReason: blank(v.dropoutReason),
    health: v.health ?? null,
    labourSkill: v.labourSkill ?? null,
    workMonths: v.workMonths ?? null,
    workPlace: blank(v.workPlace),
    medicalInsured: v.medicalInsured,
    seriousIllnessInsured: v.seriousIllnessInsured,
    pensionInsured: v.pensionInsured,
    isDibao: v.isDibao,
    isTekun: v.isTekun,
    disabilityCategory: v.disabilityCategory ?? null,
    disabilityGrade: v.disabilityGrade ?? null,
    ...(v.idNumber.trim() ? { idNumber: v.idNumber } : {}),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
  };
}

export type MemberTarget = { kind: 'add' } | { kind: 'edit'; member: Member };

export function MemberFormModal({
  target,
  onClose,
  detail,
}: Pick<HouseholdTabProps, 'detail'> & { target: MemberTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const change = useHouseholdChanges(detail.household.id);
  const member = target?.kind === 'edit' ? target.member : null;
  const isHead = member?.relation === '户主';

  useEffect(() => {
    form.resetFields();
    if (target?.kind === 'edit') {
      form.setFieldsValue(valuesOf(target.member));
    } else if (target) {
      form.setFieldsValue(EMPTY);
    }
  }, [target, form]);

  const submit = async (values: Values) => {
    const body = bodyOf(values);
    if (member) {
      const base = bodyOf(valuesOf(member));
      const changed = Object.fromEntries(
        Object.entries(body).filter(([key, value]) => base[key as keyof typeof base] !== value),
      );
      if (Object.keys(changed).length === 0) {
        void message.info(t('common.noChanges'));
        onClose();
        return;
      }
      if (await change.updateMember(member.id, changed)) {
        void message.success(t('common.saved'));
        onClose();
      }
    } else if (await change.addMember(body)) {
      void message.success(t('members.added', { name: body.name }));
      onClose();
    }
  };

  const col = { xs: 24, sm: 12 };
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });
  const relations = isHead ? ['户主'] : RELATIONS.filter((r) => r !== '户主');

  return (
    <FormModal<Values>
      form={form}
      open={target !== null}
      title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}
      onCancel={onClose}
      onSubmit={submit}
      width={isMobile ? '100%' : 760}
      name="member-form"
    >
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item label={t('members.name')} name="name" rules={[required(t('members.name'))]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            label={t('hh.relation')}
            name="relation"
            rules={[{ required: true, message: t('common.required', { field: t('hh.relation') }) }]}
          >
            <Select options={listOptions(relations)} disabled={isHead} showSearch />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            label={t('members.idMasked')}
            name="idNumber"
            extra={member ? t('members.idKeep', { masked: member.idMasked }) : t('members.idHelp')}
            rules={member ? [] : [required(t('members.idMasked'))]}
          >
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            label={t('members.phone')}
            name="phone"
            extra={member?.phoneMasked ? t('hh.phoneKeep', { masked: member.phoneMasked }) : undefined}
            rules={[{ pattern: /^1\d{10}$/, message: t('hh.phoneRule') }]}
          >
            <Input maxLength={11} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.ethnicity')} name="ethnicity">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.politicalStatus')} name="politicalStatus">
            <Select allowClear options={listOptions(POLITICAL_STATUS)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.education')} name="education">
            <Select allowClear options={listOptions(EDUCATION)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.schooling')} name="schooling">
            <Select allowClear showSearch options={listOptions(SCHOOLING)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.dropoutReason')} name="dropoutReason">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.health')} name="health">
            <Select allowClear options={listOptions(HEALTH)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.labourSkill')} name="labourSkill">
            <Select allowClear options={listOptions(LABOUR_SKILLS)} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('members.workMonths')} name="workMonths">
            <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('members.workPlace')} name="workPlace">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.disabilityCategory')} name="disabilityCategory">
            <Select allowClear options={listOptions(DISABILITY_CATEGORIES)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.disabilityGrade')} name="disabilityGrade">
            <Select
              allowClear
              options={[1, 2, 3, 4].map((grade) => ({
                value: grade,
                label: t('members.grade', { grade }),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" style={{ margin: '0 0 8px' }}>
        <Typography.Text strong>{t('members.insurance')}</Typography.Text>
      </Divider>
      <Row gutter={[16, 0]}>
        {CHECKS.map((field) => (
          <Col xs={24} sm={12} key={field}>
            <Form.Item name={field} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t(`members.${field}`)}</Checkbox>
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
