import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
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
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { INCOME_CATEGORIES, INCOME_ITEMS, type IncomeCategory } from '../../../shared/household-codes.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { ApiError } from '../../api/client.js';
import { type IncomeItem, useHouseholdChanges } from '../../data/households.js';
import { FormModal } from '../../forms/FormModal.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { categoryLabel, itemLabel, money } from './codes.js';
import type { HouseholdTabProps } from './context.js';

const month = (date: string) => date.slice(0, 7);

export function IncomeTab({ detail, canWrite }: HouseholdTabProps) {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<number | null>(null);
  const change = useHouseholdChanges(detail.household.id);

  const remove = async (item: IncomeItem) => {
    setDeleting(item.id);
    try {
      const saved = await change.removeIncome(item.id);
      if (saved) {
        void message.success(t('income.deleted'));
      }
    } catch (cause) {
      void message.error(errorText(cause, t('common.loadFailed')));
    } finally {
      setDeleting(null);
    }
  };

  const groups = INCOME_CATEGORIES.map((category) => ({
    category,
    items: detail.incomeItems
      .filter((i) => i.category === category)
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart)),
  })).filter((g) => g.items.length > 0);

  return (
    <>
      <Flex wrap gap={12} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {t('income.windowNote', { start: detail.window.start, end: detail.window.end })}
        </Typography.Text>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('income.add')}
          </Button>
        ) : null}
      </Flex>
      {groups.length === 0 ? <Empty description={t('income.empty')} /> : null}
      <div data-testid="income-groups">
        {groups.map(({ category, items }) => (
          <div key={category} style={{ marginBottom: 20 }}>
            <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 6 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {categoryLabel(pick, category)}
              </Typography.Title>
              <Typography.Text type={category === 'production_cost' ? 'danger' : 'secondary'}>
                {t('income.subtotal', { amount: money(detail.income.byCategory[category]) })}
              </Typography.Text>
            </Flex>
            <Table<IncomeItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items}
              scroll={{ x: 640 }}
              columns={[
                {
                  title: t('income.item'),
                  dataIndex: 'item',
                  render: (code: string) => itemLabel(lang, code),
                },
                {
                  title: t('income.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  width: 120,
                  render: (amount: string) => money(amount),
                },
                {
                  title: t('income.period'),
                  key: 'period',
                  width: 170,
                  render: (_, i) =>
                    month(i.periodStart) === month(i.periodEnd)
                      ? month(i.periodStart)
                      : `${month(i.periodStart)} ~ ${month(i.periodEnd)}`,
                },
                {
                  title: t('income.isCounted'),
                  dataIndex: 'isCounted',
                  width: 110,
                  render: (counted: boolean) =>
                    counted ? (
                      <Tag color="green">{t('income.counted')}</Tag>
                    ) : (
                      <Tag>{t('income.notCounted')}</Tag>
                    ),
                },
                {
                  title: t('income.note'),
                  dataIndex: 'note',
                  render: (note: string | null) => note ?? '',
                },
                ...(canWrite
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 80,
                        render: (_: unknown, item: IncomeItem) => (
                          <Popconfirm
                            title={t('income.deleteConfirm')}
                            okText={t('common.ok')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => remove(item)}
                          >
                            <Button
                              type="link"
                              size="small"
                              danger
                              icon={<DeleteOutlined />}
                              loading={deleting === item.id}
                              aria-label={t('common.delete')}
                            />
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        ))}
      </div>
      <IncomeFormModal open={adding} onClose={() => setAdding(false)} detail={detail} />
    </>
  );
}

interface Values {
  category: IncomeCategory | undefined;
  item: string | undefined;
  /** 元 as typed: a decimal string of at most two decimals. */
  amount: string;
  isCounted: boolean;
  period: [Dayjs, Dayjs] | undefined;
  note: string;
}

function IncomeFormModal({
  open,
  onClose,
  detail,
}: Pick<HouseholdTabProps, 'detail'> & { open: boolean; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useHouseholdChanges(detail.household.id);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  const submit = async (values: Values) => {
    if (!values.category || !values.item || !values.period) {
      return;
    }
    try {
      const saved = await change.addIncome({
        category: values.category,
        item: values.item,
        amount: values.amount.trim(),
        isCounted: values.isCounted,
        periodStart: values.period[0].startOf('month').format('YYYY-MM-DD'),
        periodEnd: values.period[1].endOf('month').format('YYYY-MM-DD'),
        note: values.note.trim() || null,
      });
      if (saved) {
        void message.success(t('income.added'));
        onClose();
      }
    } catch (cause) {
      // The form has one field for the period's start and end.
      const periodIssue =
        cause instanceof ApiError
          ? cause.fieldIssues.find((i) => i.field === 'periodStart' || i.field === 'periodEnd')
          : undefined;
      if (!periodIssue) {
        throw cause;
      }
      form.setFields([{ name: 'period', errors: [periodIssue.message] }]);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const defaultPeriod: [Dayjs, Dayjs] = [
    dayjs(detail.window.start).startOf('month'),
    dayjs(detail.window.end).startOf('month'),
  ];

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('income.addTitle')}
      onCancel={onClose}
      onSubmit={submit}
      name="income-form"
      initialValues={{ isCounted: true, note: '', amount: '', period: defaultPeriod }}
      onValuesChange={(changed: Partial<Values>) => {
        if ('category' in changed) {
          form.setFieldsValue({ item: undefined });
        }
        if (changed.item) {
          // The national form's default: one-off or earmarked help is not counted.
          const item = INCOME_ITEMS.find((i) => i.code === changed.item);
          form.setFieldsValue({ isCounted: item?.counted ?? true });
        }
      }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('income.category')} name="category" rules={[required(t('income.category'))]}>
            <Select options={INCOME_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(pick, c) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('income.item')} name="item" rules={[required(t('income.item'))]}>
            <Select
              disabled={!category}
              placeholder={category ? undefined : t('income.chooseCategory')}
              options={INCOME_ITEMS.filter((i) => i.category === category).map((i) => ({
                value: i.code,
                label: itemLabel(lang, i.code),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('income.amount')}
            name="amount"
            rules={[
              required(t('income.amount')),
              { pattern: MONEY_PATTERN, message: t('common.moneyFormat', { field: t('income.amount') }) },
            ]}
          >
            <Input inputMode="decimal" suffix={t('common.yuan')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('income.isCounted')}
            name="isCounted"
            valuePropName="checked"
            extra={t('income.countedHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('income.period')} name="period" rules={[required(t('income.period'))]}>
            <DatePicker.RangePicker picker="month" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('income.note')} name="note" style={{ marginBottom: 0 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
