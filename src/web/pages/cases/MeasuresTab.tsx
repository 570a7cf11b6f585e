import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  DEVELOPMENTAL_CATEGORIES,
  MEASURE_CATEGORIES,
  type MeasureCategory,
} from '../../../shared/measures.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import {
  type CaseDetail,
  type Measure,
  type MeasureBody,
  useAddMeasure,
  useRemoveMeasure,
  useUpdateMeasure,
} from '../../data/cases.js';
import { FormModal } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { measureCategoryLabel } from './codes.js';
import type { CaseTabProps } from './context.js';

/** 帮扶措施: the rule "labour → developmental, no labour → safety net" is checked by the server and shown here. */
export function MeasuresTab({ detail }: CaseTabProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const removeMeasure = useRemoveMeasure(detail);
  const canWrite = detail.allowedActions.includes('measures');
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);

  const remove = async (m: Measure) => {
    setDeleting(m.id);
    try {
      if (await removeMeasure(m)) {
        void message.success(t('measures.deleted'));
      }
    } catch (cause) {
      void message.error(errorText(cause, t('common.loadFailed')));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      {detail.measureProblem ? (
        <Alert
          type="warning"
          showIcon
          title={t(`case.problem.${detail.measureProblem}`)}
          style={{ marginBottom: 12 }}
          data-testid="measure-problem"
        />
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('cases.labour')}：{detail.hasLabour ? t('hh.summary.hasLabour') : t('hh.summary.noLabour')}
        </Typography.Text>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('measures.add')}
          </Button>
        ) : null}
      </Flex>
      <Table<Measure>
        data-testid="measures-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.measures}
        scroll={{ x: 860 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('measures.empty')} />,
        }}
        columns={[
          {
            title: t('measures.category'),
            dataIndex: 'category',
            width: 170,
            render: (c: string) => (
              <Space size={4} wrap>
                {measureCategoryLabel(pick, c)}
                {(DEVELOPMENTAL_CATEGORIES as readonly string[]).includes(c) ? (
                  <Tag color="green">{t('measures.developmental')}</Tag>
                ) : null}
              </Space>
            ),
          },
          { title: t('measures.item'), dataIndex: 'item' },
          { title: t('measures.startsOn'), dataIndex: 'startsOn', width: 110 },
          {
            title: t('measures.endsOn'),
            dataIndex: 'endsOn',
            width: 110,
            render: (on: string | null) =>
              on ?? <Typography.Text type="secondary">{t('measures.ongoing')}</Typography.Text>,
          },
          {
            title: t('measures.amount'),
            dataIndex: 'amount',
            width: 110,
            align: 'right',
            // A decimal string of 元, shown grouped (≤ 100,000,000 with cents: exact as a double).
            // The decimal string as the server sent it: exact, two decimals.
            render: (a: Measure['amount']) => a ?? '',
          },
          {
            title: t('measures.provider'),
            dataIndex: 'provider',
            width: 140,
            render: (p: string | null) => p ?? '',
          },
          { title: t('common.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 96,
                  render: (_: unknown, m: Measure) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.edit')}
                        onClick={() => setEditing(m)}
                      />
                      <Popconfirm
                        title={t('measures.deleteConfirm')}
                        okText={t('common.ok')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(m)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          loading={deleting === m.id}
                          aria-label={t('common.delete')}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MeasureFormModal measure={editing} detail={detail} onClose={() => setEditing(null)} />
    </>
  );
}

interface Values {
  category: MeasureCategory | undefined;
  item: string;
  startsOn: Dayjs | undefined;
  endsOn: Dayjs | null;
  amount: string;
  provider: string;
  note: string;
}

const valuesOf = (m: Measure): Values => ({
  category: m.category,
  item: m.item,
  startsOn: dayjs(m.startsOn),
  endsOn: m.endsOn ? dayjs(m.endsOn) : null,
  // The amount stays the decimal string of 元 the server sends: never a float on its way back.
  amount: m.amount ?? '',
  provider: m.provider ?? '',
  note: m.note ?? '',
});

function MeasureFormModal({
  measure,
  detail,
  onClose,
}: {
  measure: Measure | 'new' | null;
  detail: Pick<CaseDetail, 'id' | 'householdId'>;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const addMeasure = useAddMeasure(detail);
  const updateMeasure = useUpdateMeasure(detail);
  const open = measure !== null;
  const existing = measure && measure !== 'new' ? measure : null;

  useEffect(() => {
    if (!open) {
      return;
    }
    form.resetFields();
    if (existing) {
      form.setFieldsValue(valuesOf(existing));
    }
  }, [open, existing, form]);

  const submit = async (values: Values) => {
    if (!values.category || !values.startsOn) {
      return;
    }
    const body: MeasureBody = {
      category: values.category,
      item: values.item.trim(),
      startsOn: values.startsOn.format('YYYY-MM-DD'),
      endsOn: values.endsOn ? values.endsOn.format('YYYY-MM-DD') : null,
      amount: values.amount.trim() || null,
      provider: values.provider.trim() || null,
      note: values.note.trim() || null,
    };
    const saved = existing ? await updateMeasure(existing, body) : await addMeasure(body);
    if (saved) {
      void message.success(existing ? t('measures.saved') : t('measures.added'));
      onClose();
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values>
      form={form}
      open={open}
      name="measure-form"
      title={existing ? t('measures.editTitle') : t('measures.addTitle')}
      onCancel={onClose}
      onSubmit={submit}
      width={600}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('measures.category')}
            name="category"
            rules={[required(t('measures.category'))]}
          >
            <Select
              options={MEASURE_CATEGORIES.map((c) => ({ value: c, label: measureCategoryLabel(pick, c) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('measures.item')}
            name="item"
            initialValue=""
            rules={[{ ...required(t('measures.item')), whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('measures.startsOn')}
            name="startsOn"
            initialValue={today()}
            rules={[required(t('measures.startsOn'))]}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('measures.endsOn')} name="endsOn" initialValue={null}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('measures.amount')}
            name="amount"
            initialValue=""
            rules={[{ pattern: MONEY_PATTERN, message: t('measures.amountFormat') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('measures.provider')} name="provider" initialValue="">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('common.note')} name="note" initialValue="" style={{ marginBottom: 0 }}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
