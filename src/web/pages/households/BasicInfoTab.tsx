import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  FUEL_TYPES,
  HOUSEHOLD_TYPE_LABELS,
  HOUSEHOLD_TYPES,
  type HouseholdType,
  type HousingGrade,
  ROAD_TYPES,
} from '../../../shared/household-codes.js';
import { fromCents, MONEY_PATTERN, toCents } from '../../../shared/money.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { type Household, type UpdateHouseholdBody, useHouseholdChanges } from '../../data/households.js';
import { showOnFields } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fromTri, housingOptions, listOptions, type TriState, toTri, triOptions } from './codes.js';
import type { HouseholdTabProps } from './context.js';

interface Values {
  householdNo: string;
  householdType: HouseholdType;
  regionCode: string;
  address: string;
  phone: string;
  isRelocated: boolean;
  housingGrade: HousingGrade | undefined;
  houseArea: number | null;
  hasSafeHouseElsewhere: boolean;
  waterQuantityOk: TriState;
  waterQualityOk: TriState;
  waterConvenienceOk: TriState;
  waterReliabilityOk: TriState;
  cultivatedLandMu: number | null;
  roadType: string | undefined;
  fuelType: string | undefined;
  hasElectricity: TriState;
  /** 元 as typed: decimal strings of at most two decimals. */
  medicalOutOfPocket: string;
  insuranceClaims: string;
}

const WATER = ['waterQuantityOk', 'waterQualityOk', 'waterConvenienceOk', 'waterReliabilityOk'] as const;

const valuesOf = (h: Household): Values => ({
  householdNo: h.householdNo ?? '',
  householdType: h.householdType,
  regionCode: h.regionCode,
  address: h.address ?? '',
  phone: '',
  isRelocated: h.isRelocated,
  housingGrade: h.housingGrade ?? undefined,
  houseArea: h.houseArea,
  hasSafeHouseElsewhere: h.hasSafeHouseElsewhere,
  waterQuantityOk: toTri(h.waterQuantityOk),
  waterQualityOk: toTri(h.waterQualityOk),
  waterConvenienceOk: toTri(h.waterConvenienceOk),
  waterReliabilityOk: toTri(h.waterReliabilityOk),
  cultivatedLandMu: h.cultivatedLandMu,
  roadType: h.roadType ?? undefined,
  fuelType: h.fuelType ?? undefined,
  hasElectricity: toTri(h.hasElectricity),
  medicalOutOfPocket: h.medicalOutOfPocket,
  insuranceClaims: h.insuranceClaims,
});

const blank = (v: string) => (v.trim() ? v.trim() : null);
/** A typed amount with two decimals, as the server gives it back (empty is 0), so "1200" equals "1200.00". */
const amount = (v: string) => {
  const text = v.trim();
  if (text === '') {
    return '0.00';
  }
  return MONEY_PATTERN.test(text) ? fromCents(toCents(text)) : text;
};

/** Only the fields that changed, so the history shows what the user really did. */
function changes(h: Household, v: Values): UpdateHouseholdBody {
  const next = {
    householdNo: blank(v.householdNo),
    householdType: v.householdType,
    regionCode: v.regionCode,
    address: blank(v.address),
    isRelocated: v.isRelocated,
    housingGrade: v.housingGrade ?? null,
    houseArea: v.houseArea ?? null,
    hasSafeHouseElsewhere: v.hasSafeHouseElsewhere,
    waterQuantityOk: fromTri(v.waterQuantityOk),
    waterQualityOk: fromTri(v.waterQualityOk),
    waterConvenienceOk: fromTri(v.waterConvenienceOk),
    waterReliabilityOk: fromTri(v.waterReliabilityOk),
    cultivatedLandMu: v.cultivatedLandMu ?? null,
    roadType: v.roadType ?? null,
    fuelType: v.fuelType ?? null,
    hasElectricity: fromTri(v.hasElectricity),
    medicalOutOfPocket: amount(v.medicalOutOfPocket),
    insuranceClaims: amount(v.insuranceClaims),
  };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (h[key as keyof Household] !== value) {
      body[key] = value;
    }
  }
  if (v.phone.trim()) {
    body.phone = v.phone.trim();
  }
  return body;
}

export function BasicInfoTab({ detail, canWrite }: HouseholdTabProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const h = detail.household;
  const change = useHouseholdChanges(h.id);

  // A save or a reload after a conflict brings a new version: show what is stored now.
  useEffect(() => {
    form.setFieldsValue(valuesOf(h));
  }, [h, form]);

  const onFinish = async (values: Values) => {
    const body = changes(h, values);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.noChanges'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await change.update(body);
      if (saved) {
        void message.success(t('common.saved'));
      }
    } catch (cause) {
      if (!showOnFields(form, cause)) {
        setError(errorText(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const col = { xs: 24, md: 12, xl: 8 };
  const tri = <Radio.Group optionType="button" buttonStyle="solid" options={triOptions(t)} />;
  const yesNo = (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
      ]}
    />
  );
  const section = (key: Parameters<typeof t>[0]) => (
    <Typography.Title
      level={5}
      style={{ margin: '8px 0 12px', paddingInlineStart: 8, borderInlineStart: '3px solid #1f6f43' }}
    >
      {t(key)}
    </Typography.Title>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="household-basic"
      onFinish={onFinish}
      disabled={!canWrite || saving}
      onValuesChange={() => setError(null)}
      initialValues={valuesOf(h)}
    >
      {canWrite ? null : <Alert type="info" showIcon title={t('hh.readOnly')} style={{ marginBottom: 16 }} />}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      {section('hh.section.basic')}
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item label={t('hhf.householdNo')} name="householdNo">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('hh.type')} name="householdType">
            <Select
              options={HOUSEHOLD_TYPES.map((type) => ({
                value: type,
                label: pick(HOUSEHOLD_TYPE_LABELS[type]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('hh.village')} name="regionCode">
            <RegionPicker levels={['village']} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={16}>
          <Form.Item label={t('hh.address')} name="address">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            label={t('hh.phone')}
            name="phone"
            extra={h.phoneMasked ? t('hh.phoneKeep', { masked: h.phoneMasked }) : undefined}
            rules={[{ pattern: /^1\d{10}$/, message: t('hh.phoneRule') }]}
          >
            <Input maxLength={11} inputMode="tel" placeholder={t('hh.phoneNew')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('hhf.isRelocated')} name="isRelocated">
            {yesNo}
          </Form.Item>
        </Col>
      </Row>
      {section('hh.section.housing')}
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item label={t('hhf.housingGrade')} name="housingGrade">
            <Select allowClear options={housingOptions(t)} placeholder={t('common.unknown')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('hhf.houseArea')} name="houseArea">
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('hhf.hasSafeHouseElsewhere')} name="hasSafeHouseElsewhere">
            {yesNo}
          </Form.Item>
        </Col>
      </Row>
      {section('hh.section.water')}
      <Row gutter={16}>
        {WATER.map((field) => (
          <Col xs={24} md={12} xl={6} key={field}>
            <Form.Item label={t(`hhf.${field}`)} name={field}>
              {tri}
            </Form.Item>
          </Col>
        ))}
      </Row>
      {section('hh.section.living')}
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('hhf.cultivatedLandMu')} name="cultivatedLandMu">
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('hhf.roadType')} name="roadType">
            <Select allowClear options={listOptions(ROAD_TYPES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('hhf.fuelType')} name="fuelType">
            <Select allowClear options={listOptions(FUEL_TYPES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('hhf.hasElectricity')} name="hasElectricity">
            {tri}
          </Form.Item>
        </Col>
      </Row>
      {section('hh.section.medical')}
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item
            label={t('hhf.medicalOutOfPocket')}
            name="medicalOutOfPocket"
            rules={[
              {
                pattern: MONEY_PATTERN,
                message: t('common.moneyFormat', { field: t('hhf.medicalOutOfPocket') }),
              },
            ]}
          >
            <Input inputMode="decimal" suffix={t('common.yuan')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            label={t('hhf.insuranceClaims')}
            name="insuranceClaims"
            rules={[
              {
                pattern: MONEY_PATTERN,
                message: t('common.moneyFormat', { field: t('hhf.insuranceClaims') }),
              },
            ]}
          >
            <Input inputMode="decimal" suffix={t('common.yuan')} />
          </Form.Item>
        </Col>
      </Row>
      {canWrite ? (
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={false}>
            {t('hh.saveBasic')}
          </Button>
        </Form.Item>
      ) : null}
    </Form>
  );
}
