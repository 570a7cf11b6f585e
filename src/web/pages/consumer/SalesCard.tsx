import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  BUYER_TYPE_LABELS,
  BUYER_TYPES,
  type BuyerType,
  SALE_CHANNEL_LABELS,
  SALE_CHANNELS,
  type SaleChannel,
} from '../../../shared/consumer-assistance.js';
import { MONEY_PATTERN } from '../../../shared/money.js';
import { useSession } from '../../auth/SessionProvider.js';
import { type TableParams, UrlTable } from '../../components/UrlTable.js';
import { type Sale, useProducts, useRecordSale, useSales } from '../../data/consumer.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';

type SaleFilter = 'salesChannel' | 'salesBuyer';

interface SaleValues {
  productId: number | undefined;
  soldOn: Dayjs | undefined;
  channel: SaleChannel | undefined;
  buyerType: BuyerType | undefined;
  buyerName: string | undefined;
  amount: string | undefined;
  quantity: string | undefined;
  note: string | undefined;
}

/** 登记销售: a sale of a certified product, on a day not after today (the server checks its validity too). */
export function SaleFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SaleValues>();
  const record = useRecordSale();
  const certified = useProducts({ stage: 'certified', page: 1, pageSize: 200 });
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ soldOn: today() });
    }
  }, [open, form]);
  const required = (field: string) => [{ required: true, message: t('consumer.required', { field }) }];
  const submit = async (v: SaleValues) => {
    await record.mutateAsync({
      productId: v.productId ?? 0,
      soldOn: (v.soldOn as Dayjs).format('YYYY-MM-DD'),
      channel: v.channel ?? 'other',
      buyerType: v.buyerType ?? 'individual',
      buyerName: v.buyerName?.trim() ?? '',
      amount: v.amount?.trim() ?? '',
      quantity: v.quantity?.trim() || null,
      note: v.note?.trim() || null,
    });
    void message.success(t('consumer.saleSaved'));
    onClose();
  };
  const products = certified.data?.items ?? [];
  return (
    <FormModal<SaleValues>
      name="consumer-sale"
      form={form}
      open={open}
      title={t('consumer.saleTitle')}
      onCancel={onClose}
      onSubmit={submit}
      okText={t('consumer.saleOk')}
      onValuesChange={(changed) => {
        if (changed.channel === 'pairing') {
          form.setFieldsValue({ buyerType: 'pairing_unit' });
        }
      }}
    >
      <Form.Item
        name="productId"
        label={t('consumer.product')}
        rules={required(t('consumer.product'))}
        extra={products.length === 0 ? t('consumer.noCertified') : undefined}
      >
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          options={products.map((p) => ({
            value: p.id,
            label: `${p.name} · ${p.operatorName}`,
            disabled: p.validity === 'expired' || p.validity === 'not_started',
          }))}
        />
      </Form.Item>
      <Form.Item name="soldOn" label={t('consumer.soldOn')} rules={required(t('consumer.soldOn'))}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
      </Form.Item>
      <Form.Item name="channel" label={t('consumer.channel')} rules={required(t('consumer.channel'))}>
        <Select options={SALE_CHANNELS.map((c) => ({ value: c, label: pick(SALE_CHANNEL_LABELS[c]) }))} />
      </Form.Item>
      <Form.Item
        name="buyerType"
        label={t('consumer.buyerType')}
        rules={required(t('consumer.buyerType'))}
        extra={t('consumer.buyerTypeExtra')}
      >
        <Select options={BUYER_TYPES.map((c) => ({ value: c, label: pick(BUYER_TYPE_LABELS[c]) }))} />
      </Form.Item>
      <Form.Item
        name="buyerName"
        label={t('consumer.buyerName')}
        rules={[...required(t('consumer.buyerName')), { max: 60 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('consumer.amount')}
        rules={[
          ...required(t('consumer.amount')),
          { pattern: MONEY_PATTERN, message: t('consumer.moneyFormat', { field: t('consumer.amount') }) },
        ]}
      >
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item name="quantity" label={t('consumer.quantity')} rules={[{ max: 40 }]}>
        <Input placeholder={t('consumer.quantityPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('consumer.note')} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** Paging and filters of the sales list kept on the card (the URL's page is the products list's). */
function useLocalTable(): TableParams<SaleFilter> {
  const [page, setPageNo] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [filters, setFilterValues] = useState<Partial<Record<SaleFilter, string>>>({});
  return {
    page,
    pageSize,
    sort: undefined,
    filters,
    setFilters: (patch) => {
      setFilterValues((current) => {
        const next = { ...current };
        for (const [k, v] of Object.entries(patch) as [SaleFilter, string | undefined][]) {
          if (v) {
            next[k] = v;
          } else {
            delete next[k];
          }
        }
        return next;
      });
      setPageNo(1);
    },
    reset: () => {
      setFilterValues({});
      setPageNo(1);
    },
    setPage: (p, size) => {
      setPageNo(p);
      setPageSize(size);
    },
    setSort: () => undefined,
  };
}

/** 销售记录: the year's sales of the scope, by channel and buyer type. */
export function SalesCard({ year, regionCode }: { year: number; regionCode?: string | undefined }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const table = useLocalTable();
  const channel = SALE_CHANNELS.find((c) => c === table.filters.salesChannel);
  const buyerType = BUYER_TYPES.find((c) => c === table.filters.salesBuyer);
  const sales = useSales({
    year,
    channel,
    buyerType,
    regionCode,
    page: table.page,
    pageSize: table.pageSize,
  });
  const [adding, setAdding] = useState(false);
  const columns: TableProps<Sale>['columns'] = [
    { title: t('consumer.soldOn'), dataIndex: 'soldOn', width: 100 },
    { title: t('consumer.product'), dataIndex: 'productName', width: 140 },
    {
      title: t('consumer.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (c: SaleChannel) => pick(SALE_CHANNEL_LABELS[c]),
    },
    {
      title: t('consumer.buyerType'),
      dataIndex: 'buyerType',
      width: 110,
      render: (c: BuyerType) => pick(BUYER_TYPE_LABELS[c]),
    },
    { title: t('consumer.buyerName'), dataIndex: 'buyerName', width: 160 },
    { title: t('consumer.amount'), dataIndex: 'amount', width: 110, align: 'right' },
    {
      title: t('consumer.quantity'),
      dataIndex: 'quantity',
      width: 90,
      render: (q: string | null) => q ?? '—',
    },
    { title: t('consumer.county'), dataIndex: 'countyName', width: 90 },
  ];
  return (
    <Card
      title={t('consumer.sales', { year })}
      extra={
        can('consumer.declare') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('consumer.addSale')}
          </Button>
        ) : null
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 12 }} role="search">
        <Select<SaleChannel>
          aria-label={t('consumer.channel')}
          placeholder={t('consumer.channel')}
          allowClear
          style={filterWidth(isMobile, 150)}
          value={channel}
          onChange={(c) => table.setFilters({ salesChannel: c })}
          options={SALE_CHANNELS.map((c) => ({ value: c, label: pick(SALE_CHANNEL_LABELS[c]) }))}
        />
        <Select<BuyerType>
          aria-label={t('consumer.buyerType')}
          placeholder={t('consumer.buyerType')}
          allowClear
          style={filterWidth(isMobile, 150)}
          value={buyerType}
          onChange={(c) => table.setFilters({ salesBuyer: c })}
          options={BUYER_TYPES.map((c) => ({ value: c, label: pick(BUYER_TYPE_LABELS[c]) }))}
        />
        {sales.data ? (
          <span data-testid="sales-total">
            {t('consumer.salesTotal', { n: sales.data.total, amount: sales.data.amount })}
          </span>
        ) : null}
      </Flex>
      <UrlTable<Sale, SaleFilter>
        data-testid="consumer-sales"
        rowKey="id"
        size="small"
        columns={columns}
        query={sales}
        params={table}
        emptyText={
          channel || buyerType ? t('consumer.salesEmptyFiltered') : t('consumer.salesEmpty', { year })
        }
        scroll={{ x: 'max-content' }}
      />
      <SaleFormModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
