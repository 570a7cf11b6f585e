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
  InputNumber,
  Modal,
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
import { caseApi } from '../../api/endpoints.js';
import type { Measure } from '../../api/types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { today } from '../../util/today.js';
import { money } from '../households/codes.js';
import { measureCategoryLabel } from './codes.js';
import type { CaseTabProps } from './context.js';

/** 帮扶措施: the rule "labour → developmental, no labour → safety net" is checked by the server and shown here. */
export function MeasuresTab({ detail, save }: CaseTabProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const canWrite = detail.allowedActions.includes('measures');
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);

  const remove = async (m: Measure) => {
    setDeleting(m.id);
    try {
      const ok = await save(() => caseApi.removeMeasure(m.id, m.version));
      if (ok) {
        void message.success(t('measures.deleted'));
      }
    } catch (cause) {
      void message.error(errorMessage(cause, t('common.loadFailed')));
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
            render: (a: number | null) => (a === null ? '' : money(a)),
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
      <MeasureFormModal measure={editing} caseId={detail.id} save={save} onClose={() => setEditing(null)} />
    </>
  );
}

interface Values {
  category: MeasureCategory | undefined;
  item: string;
  startsOn: Dayjs | undefined;
  endsOn: Dayjs | null;
  amount: number | null;
  provider: string;
  note: string;
}

const FIELDS = ['category', 'item', 'startsOn', 'endsOn', 'amount', 'provider', 'note'];

function MeasureFormModal({
  measure,
  caseId,
  save,
  onClose,
}: Pick<CaseTabProps, 'save'> & { measure: Measure | 'new' | null; caseId: number; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = measure !== null;
  const existing = measure && measure !== 'new' ? measure : null;

  useEffect(() => {
    if (!open) {
      return;
    }
    setError(null);
    form.resetFields();
    if (existing) {
      form.setFieldsValue({
        category: existing.category,
        item: existing.item,
        startsOn: dayjs(existing.startsOn),
        endsOn: existing.endsOn ? dayjs(existing.endsOn) : null,
        amount: existing.amount,
        provider: existing.provider ?? '',
        note: existing.note ?? '',
      });
    }
  }, [open, existing, form]);

  const onFinish = async (values: Values) => {
    if (!values.category || !values.startsOn) {
      return;
    }
    const body = {
      category: values.category,
      item: values.item.trim(),
      startsOn: values.startsOn.format('YYYY-MM-DD'),
      endsOn: values.endsOn ? values.endsOn.format('YYYY-MM-DD') : null,
      amount: values.amount,
      provider: values.provider.trim() || null,
      note: values.note.trim() || null,
    };
    setSaving(true);
    setError(null);
    try {
      const ok = existing
        ? await save(() => caseApi.updateMeasure(existing.id, { version: existing.version, ...body }))
        : await save(() => caseApi.addMeasure(caseId, body));
      if (ok) {
        void message.success(existing ? t('measures.saved') : t('measures.added'));
        onClose();
      }
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, FIELDS)) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Modal
      open={open}
      title={existing ? t('measures.editTitle') : t('measures.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="measure-form"
        onFinish={onFinish}
        disabled={saving}
        initialValues={{ item: '', startsOn: today(), endsOn: null, amount: null, provider: '', note: '' }}
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
              rules={[{ ...required(t('measures.item')), whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('measures.startsOn')}
              name="startsOn"
              rules={[required(t('measures.startsOn'))]}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('measures.endsOn')} name="endsOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('measures.amount')} name="amount">
              <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('measures.provider')} name="provider">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('common.note')} name="note" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
