import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  WORK_CATEGORIES,
  WORK_CATEGORY_LABELS,
  WORK_CHANNEL_LABELS,
  WORK_CHANNELS,
  WORK_SECTOR_LABELS,
  WORK_SECTORS,
  type WorkCategory,
  type WorkChannel,
  type WorkSector,
} from '../../../shared/employment.js';
import type { WorkRecordInput } from '../../data/employment.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The form values of a work record (months as dayjs, income as typed text). */
export interface WorkRecordValues {
  personId: number | undefined;
  category: WorkCategory;
  startMonth: Dayjs | undefined;
  endMonth: Dayjs | null | undefined;
  workProvince: string;
  workCity: string;
  workCounty: string;
  monthlyIncome: string;
  sector: WorkSector | undefined;
  industry: string;
  channel: WorkChannel | undefined;
  employer: string;
  pointToPoint: boolean | undefined;
}

const text = (v: string | undefined) => v?.trim() || null;

/** Form values → the API body (without the person and ids, which the caller adds). */
export function workRecordBody(v: WorkRecordValues): Omit<WorkRecordInput, 'personId'> {
  return {
    category: v.category,
    startMonth: v.startMonth?.format('YYYY-MM') ?? '',
    endMonth: v.endMonth ? v.endMonth.format('YYYY-MM') : null,
    workProvince: text(v.workProvince),
    workCity: text(v.workCity),
    workCounty: text(v.workCounty),
    monthlyIncome: text(v.monthlyIncome?.replace(/[,，\s]/g, '')),
    sector: v.sector ?? null,
    industry: text(v.industry),
    channel: v.channel ?? null,
    employer: text(v.employer),
    pointToPoint: v.pointToPoint ?? null,
  };
}

/**
 * The fields of a work record, for the clerk's dialog and the visit form (phone: one column, large controls).
 * The place (县内 … 境外) is derived by the server from the names and shown with the saved record.
 * `prefix` nests the values (the visit form keeps them under `work`).
 */
export function WorkRecordFields({
  members,
  prefix = [],
  showEnd = true,
}: {
  members: Array<{ id: number; name: string; relation: string }>;
  prefix?: string[];
  showEnd?: boolean;
}) {
  const { t } = useI18n();
  const name = (field: string) => [...prefix, field];
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <>
      <Form.Item label={t('emp.member')} name={name('personId')} rules={required(t('emp.member'))}>
        <Select
          aria-label={t('emp.member')}
          options={members.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('emp.category')} name={name('category')} rules={required(t('emp.category'))}>
            <Select options={WORK_CATEGORIES.map((c) => ({ value: c, label: WORK_CATEGORY_LABELS[c] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('emp.channel')} name={name('channel')}>
            <Select
              allowClear
              options={WORK_CHANNELS.map((c) => ({ value: c, label: WORK_CHANNEL_LABELS[c] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('emp.start')} name={name('startMonth')} rules={required(t('emp.start'))}>
            <DatePicker picker="month" inputReadOnly style={{ width: '100%' }} aria-label={t('emp.start')} />
          </Form.Item>
        </Col>
        {showEnd ? (
          <Col xs={12}>
            <Form.Item label={t('emp.end')} name={name('endMonth')} extra={t('emp.stillWorking')}>
              <DatePicker picker="month" inputReadOnly style={{ width: '100%' }} aria-label={t('emp.end')} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={8}>
          <Form.Item label={t('emp.province')} name={name('workProvince')}>
            <Input placeholder="河南省" aria-label={t('emp.province')} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item label={t('emp.city')} name={name('workCity')}>
            <Input placeholder="南阳市" aria-label={t('emp.city')} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item label={t('emp.county')} name={name('workCounty')}>
            <Input aria-label={t('emp.county')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('emp.income')}
            name={name('monthlyIncome')}
            rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('emp.income') }]}
          >
            <Input inputMode="decimal" aria-label={t('emp.income')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('emp.employer')} name={name('employer')}>
            <Input maxLength={120} aria-label={t('emp.employer')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('emp.sector')} name={name('sector')}>
            <Select
              allowClear
              options={WORK_SECTORS.map((s) => ({ value: s, label: WORK_SECTOR_LABELS[s] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('emp.industry')} name={name('industry')}>
            <Input maxLength={60} aria-label={t('emp.industry')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('emp.p2p')} name={name('pointToPoint')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: false, label: t('common.no') },
            { value: true, label: t('common.yes') },
          ]}
        />
      </Form.Item>
    </>
  );
}

export const EMPTY_WORK_RECORD: WorkRecordValues = {
  personId: undefined,
  category: 'other',
  startMonth: undefined,
  endMonth: null,
  workProvince: '',
  workCity: '',
  workCounty: '',
  monthlyIncome: '',
  sector: undefined,
  industry: '',
  channel: undefined,
  employer: '',
  pointToPoint: undefined,
};
