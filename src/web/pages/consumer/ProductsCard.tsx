import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  CERT_LEVEL_LABELS,
  PRODUCT_ACTION_LABELS,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_LABELS,
  PRODUCT_STAGE_LABELS,
  PRODUCT_STAGES,
  type ProductCategory,
  type ProductStage,
} from '../../../shared/consumer-assistance.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { type TableParams, UrlTable } from '../../components/UrlTable.js';
import { type Product, useProducts } from '../../data/consumer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import {
  canTakeProduct,
  PRODUCT_LEVEL_ACTIONS,
  ProductStageTag,
  productLevelOf,
  ValidityTag,
} from './consumer-rules.js';
import { ProductActionModal, type ProductStep } from './ProductActionModal.js';

export const PRODUCT_FILTERS = ['year', 'stage', 'category', 'validity', 'regionCode', 'q'] as const;
type ProductFilter = (typeof PRODUCT_FILTERS)[number];

/** 帮扶产品: the products by stage, category, validity and region, with the steps of the user's level. */
export function ProductsCard({
  year,
  table,
  onOpen,
}: {
  year: number;
  table: TableParams<ProductFilter>;
  onOpen: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const isMobile = useIsMobile();
  const level = can('consumer.act') ? productLevelOf(me) : null;
  const { filters } = table;
  const stage = PRODUCT_STAGES.find((s) => s === filters.stage);
  const category = PRODUCT_CATEGORIES.find((c) => c === filters.category);
  const validity =
    filters.validity === 'due' || filters.validity === 'expired' ? filters.validity : undefined;
  const products = useProducts({
    page: table.page,
    pageSize: table.pageSize,
    year,
    stage,
    category,
    validity,
    regionCode: filters.regionCode,
    q: filters.q,
  });
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const selected = (products.data?.items ?? []).filter((p) => selectedIds.includes(p.id));
  const [step, setStep] = useState<ProductStep | null>(null);
  const listKey = JSON.stringify([
    year,
    stage,
    category,
    validity,
    filters.regionCode,
    filters.q,
    table.page,
  ]);
  useEffect(() => {
    if (listKey) {
      setSelectedIds([]);
    }
  }, [listKey]);

  const block = (s: ProductStep): string | null => {
    if (!level || selected.length === 0) {
      return t('consumer.selectFirst');
    }
    if (s === 'notice') {
      return selected.every((p) => p.stage === 'county_reviewed') ? null : t('consumer.noticeNeedsReviewed');
    }
    const bad = selected.find((p) => !canTakeProduct(s, p.stage, level));
    return bad
      ? t('consumer.stepBlocked', {
          name: bad.name,
          stage: pick(PRODUCT_STAGE_LABELS[bad.stage]),
          action: pick(PRODUCT_ACTION_LABELS[s]),
        })
      : null;
  };

  const columns: TableProps<Product>['columns'] = [
    {
      title: t('consumer.productName'),
      dataIndex: 'name',
      width: 170,
      fixed: isMobile ? undefined : 'left',
      render: (name: string, p) => (
        <>
          <Typography.Link strong onClick={() => onOpen(p.id)}>
            {name}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.operatorName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('consumer.county'), dataIndex: 'countyName', width: 90 },
    {
      title: t('consumer.category'),
      dataIndex: 'category',
      width: 90,
      render: (c: ProductCategory) => pick(PRODUCT_CATEGORY_LABELS[c]),
    },
    { title: t('consumer.annualValue'), dataIndex: 'annualValue', width: 120, align: 'right' },
    {
      title: t('consumer.certLevel'),
      dataIndex: 'certLevel',
      width: 80,
      render: (c: Product['certLevel']) => pick(CERT_LEVEL_LABELS[c]),
    },
    {
      title: t('consumer.stage'),
      dataIndex: 'stage',
      width: 130,
      render: (s: ProductStage, p) => (
        <Flex gap={4} wrap>
          <ProductStageTag stage={s} />
          <ValidityTag validity={p.validity} />
        </Flex>
      ),
    },
    {
      title: t('consumer.validity'),
      key: 'validity',
      width: 120,
      render: (_, p) => (
        <>
          <div>{p.validFrom}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ~ {p.validTo}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('consumer.households'),
      key: 'households',
      width: 110,
      render: (_, p) =>
        t('consumer.householdCounts', {
          n: p.households,
          poor: p.poorHouseholds,
          monitored: p.monitoredHouseholds,
        }),
    },
    { title: t('consumer.salesThisYear', { year }), dataIndex: 'salesThisYear', width: 120, align: 'right' },
  ];

  const filtered = Boolean(
    filters.stage || filters.category || filters.validity || filters.regionCode || filters.q,
  );
  return (
    <Card title={t('consumer.products')}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('consumer.search')}
          placeholder={t('consumer.search')}
          allowClear
          defaultValue={filters.q}
          style={filterWidth(isMobile, 200)}
          onSearch={(q) => table.setFilters({ q: q.trim() || undefined })}
        />
        <Select<ProductStage>
          aria-label={t('consumer.stage')}
          placeholder={t('consumer.stage')}
          allowClear
          style={filterWidth(isMobile, 150)}
          value={stage}
          onChange={(s) => table.setFilters({ stage: s })}
          options={PRODUCT_STAGES.map((s) => ({ value: s, label: pick(PRODUCT_STAGE_LABELS[s]) }))}
        />
        <Select<ProductCategory>
          aria-label={t('consumer.category')}
          placeholder={t('consumer.category')}
          allowClear
          style={filterWidth(isMobile, 130)}
          value={category}
          onChange={(c) => table.setFilters({ category: c })}
          options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: pick(PRODUCT_CATEGORY_LABELS[c]) }))}
        />
        <Select<'due' | 'expired'>
          aria-label={t('consumer.validity')}
          placeholder={t('consumer.validity')}
          allowClear
          style={filterWidth(isMobile, 130)}
          value={validity}
          onChange={(v) => table.setFilters({ validity: v })}
          options={[
            { value: 'due', label: t('consumer.filterDue') },
            { value: 'expired', label: t('consumer.filterExpired') },
          ]}
        />
        <RegionPicker
          aria-label={t('consumer.region')}
          placeholder={t('consumer.region')}
          value={filters.regionCode}
          onChange={(regionCode) => table.setFilters({ regionCode })}
          style={filterWidth(isMobile, 200)}
        />
        <Button
          icon={<ReloadOutlined />}
          onClick={() =>
            table.setFilters({
              stage: undefined,
              category: undefined,
              validity: undefined,
              regionCode: undefined,
              q: undefined,
            })
          }
        >
          {t('common.reset')}
        </Button>
      </Flex>
      {level ? (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="product-actions">
          <Typography.Text type="secondary">
            {selected.length > 0 ? t('consumer.selected', { n: selected.length }) : t('consumer.selectHint')}
          </Typography.Text>
          {PRODUCT_LEVEL_ACTIONS[level].map((s) => {
            const why = block(s);
            const label = pick(PRODUCT_ACTION_LABELS[s]);
            return (
              <Button
                key={s}
                type={s === 'send_back' || s === 'refuse' || s === 'revoke' ? 'default' : 'primary'}
                danger={s === 'refuse' || s === 'revoke'}
                disabled={why !== null}
                title={why ?? label}
                onClick={() => setStep(s)}
              >
                {label}
              </Button>
            );
          })}
        </Flex>
      ) : null}
      <UrlTable<Product, ProductFilter>
        data-testid="consumer-products"
        rowKey="id"
        size="middle"
        columns={columns}
        query={products}
        params={table}
        emptyText={
          filtered
            ? t('consumer.productsEmptyFiltered')
            : can('consumer.declare')
              ? t('consumer.productsEmptyDeclare')
              : t('consumer.productsEmpty')
        }
        scroll={{ x: 'max-content' }}
        rowSelection={
          level
            ? {
                selectedRowKeys: selectedIds,
                onChange: (keys) => setSelectedIds(keys.map(Number)),
                fixed: !isMobile,
              }
            : undefined
        }
      />
      <ProductActionModal
        step={step}
        products={selected}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          setSelectedIds([]);
        }}
      />
    </Card>
  );
}
