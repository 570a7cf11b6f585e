import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { BRAND_KIND_LABELS, BRAND_KINDS, type BrandKind } from '../../../shared/consumer-assistance.js';
import { useSession } from '../../auth/SessionProvider.js';
import { OperatorSelect } from '../../components/OperatorSelect.js';
import { QueryError } from '../../components/QueryState.js';
import { type Brand, useBrands, useProducts, useSaveBrand } from '../../data/consumer.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';

interface BrandValues {
  name: string | undefined;
  kind: BrandKind | undefined;
  ownerOperatorId: number | undefined;
  ownerUnit: string | undefined;
  note: string | undefined;
  productIds: number[];
  licensees: {
    operatorId: number | undefined;
    licensedFrom: Dayjs | undefined;
    licensedTo: Dayjs | undefined;
  }[];
}

function BrandFormModal({ target, onClose }: { target: Brand | 'new' | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BrandValues>();
  const save = useSaveBrand();
  const products = useProducts({ page: 1, pageSize: 200 });
  const editing = target !== null && target !== 'new' ? target : null;
  useEffect(() => {
    if (target === null) {
      return;
    }
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            name: editing.name,
            kind: editing.kind,
            ownerOperatorId: editing.ownerOperatorId ?? undefined,
            ownerUnit: editing.ownerUnit ?? undefined,
            note: editing.note ?? undefined,
            productIds: editing.products.map((p) => p.id),
            licensees: editing.licensees.map((l) => ({
              operatorId: l.operatorId,
              licensedFrom: dayjs(l.licensedFrom),
              licensedTo: dayjs(l.licensedTo),
            })),
          }
        : { kind: 'regional', productIds: [], licensees: [] },
    );
  }, [target, editing, form]);
  const submit = async (v: BrandValues) => {
    await save.mutateAsync({
      id: editing?.id ?? null,
      body: {
        name: v.name?.trim() ?? '',
        kind: v.kind ?? 'regional',
        ownerOperatorId: v.ownerOperatorId ?? null,
        ownerUnit: v.ownerUnit?.trim() || null,
        note: v.note?.trim() || null,
        productIds: v.productIds ?? [],
        licensees: (v.licensees ?? [])
          .filter((l) => l.operatorId !== undefined)
          .map((l) => ({
            operatorId: l.operatorId ?? 0,
            licensedFrom: (l.licensedFrom ?? today()).format('YYYY-MM-DD'),
            licensedTo: (l.licensedTo ?? today().add(3, 'year')).format('YYYY-MM-DD'),
          })),
        ...(editing ? { version: editing.version } : {}),
      },
    });
    void message.success(t('common.saved'));
    onClose();
  };
  return (
    <FormModal<BrandValues>
      name="consumer-brand"
      form={form}
      open={target !== null}
      title={editing ? t('consumer.brandEdit', { name: editing.name }) : t('consumer.brandNew')}
      onCancel={onClose}
      onSubmit={submit}
      conflictHint={t('consumer.conflict')}
      width={640}
    >
      <Form.Item
        name="name"
        label={t('consumer.brandName')}
        rules={[
          { required: true, message: t('consumer.required', { field: t('consumer.brandName') }) },
          { max: 40 },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('consumer.brandKind')} rules={[{ required: true }]}>
        <Select options={BRAND_KINDS.map((k) => ({ value: k, label: pick(BRAND_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item
        name="ownerOperatorId"
        label={t('consumer.brandOwnerOperator')}
        extra={t('consumer.brandOwnerExtra')}
      >
        <OperatorSelect placeholder={t('consumer.producerSearch')} />
      </Form.Item>
      <Form.Item name="ownerUnit" label={t('consumer.brandOwnerUnit')} rules={[{ max: 60 }]}>
        <Input placeholder={t('consumer.brandOwnerUnitPlaceholder')} />
      </Form.Item>
      <Form.Item name="productIds" label={t('consumer.brandProducts')}>
        <Select<number[]>
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(products.data?.items ?? [])
            .filter((p) => p.stage !== 'refused')
            .map((p) => ({ value: p.id, label: `${p.name} · ${p.operatorName}` }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('consumer.licensees')}</Typography.Text>
      <Form.List name="licensees">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap align="center">
                <Form.Item
                  name={[field.name, 'operatorId']}
                  style={{ marginBottom: 0, minWidth: 200, flex: 1 }}
                  rules={[
                    { required: true, message: t('consumer.required', { field: t('consumer.licensee') }) },
                  ]}
                >
                  <OperatorSelect placeholder={t('consumer.licensee')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'licensedFrom']}
                  style={{ marginBottom: 0 }}
                  rules={[
                    {
                      required: true,
                      message: t('consumer.required', { field: t('consumer.licensedFrom') }),
                    },
                  ]}
                >
                  <DatePicker placeholder={t('consumer.licensedFrom')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'licensedTo']}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, message: t('consumer.required', { field: t('consumer.licensedTo') }) },
                  ]}
                >
                  <DatePicker placeholder={t('consumer.licensedTo')} />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={t('common.delete')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ licensedFrom: today(), licensedTo: today().add(3, 'year').subtract(1, 'day') })
              }
            >
              {t('consumer.addLicensee')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="note" label={t('consumer.note')} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 品牌: the counties' regional and product brands (“宛产豫用、宛品出豫”) with their products and licensees. */
export function BrandsCard() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const brands = useBrands();
  const [target, setTarget] = useState<Brand | 'new' | null>(null);
  const mayEdit = can('consumer.configure');
  return (
    <Card
      title={t('consumer.brands')}
      extra={
        mayEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setTarget('new')}>
            {t('consumer.brandNew')}
          </Button>
        ) : null
      }
    >
      <QueryError query={brands} />
      <List<Brand>
        data-testid="consumer-brands"
        loading={brands.isLoading}
        dataSource={brands.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={mayEdit ? t('consumer.brandsEmptyConfigure') : t('consumer.brandsEmpty')} />
          ),
        }}
        renderItem={(b) => (
          <List.Item
            actions={
              mayEdit
                ? [
                    <Button key="edit" type="link" onClick={() => setTarget(b)}>
                      {t('common.edit')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <span>{b.name}</span>
                  <Tag color={b.kind === 'regional' ? 'green' : 'blue'}>
                    {pick(BRAND_KIND_LABELS[b.kind])}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.countyName} · {t('consumer.brandOwner')}：{b.ownerName}
                  </Typography.Text>
                </Flex>
              }
              description={
                <Flex vertical gap={4}>
                  <span>
                    {t('consumer.brandProducts')}：
                    {b.products.length > 0 ? b.products.map((p) => p.name).join('、') : '—'}
                  </span>
                  <span>
                    {t('consumer.licensees')}：
                    {b.licensees.length > 0
                      ? b.licensees
                          .map((l) => `${l.operatorName}（${l.licensedFrom} ~ ${l.licensedTo}）`)
                          .join('；')
                      : '—'}
                  </span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      <BrandFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
