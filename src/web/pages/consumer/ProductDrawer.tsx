import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  BUYER_TYPE_LABELS,
  CERT_LEVEL_LABELS,
  LINKAGE_TYPE_LABELS,
  PRODUCT_ACTION_LABELS,
  PRODUCT_CATEGORY_LABELS,
  PRODUCT_STAGE_LABELS,
  PRODUCT_STAGES,
  type ProductStage,
  SALE_CHANNEL_LABELS,
} from '../../../shared/consumer-assistance.js';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../../shared/household-codes.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { type ProductDetail, useProduct, useRecordProductObjections } from '../../data/consumer.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { ProductStageTag, ValidityTag } from './consumer-rules.js';
import { ProductFormModal, type ProductFormTarget } from './ProductFormModal.js';

interface ObjectionValues {
  objections: number | null;
  objectionNote: string | undefined;
  resolved: boolean;
}

/** Objections raised during the product's notice and whether they are settled (certification waits for it). */
function ObjectionsForm({ notice }: { notice: NonNullable<ProductDetail['notice']> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ObjectionValues>();
  const record = useRecordProductObjections();
  useEffect(() => {
    form.setFieldsValue({ objections: notice.objections, resolved: notice.resolved });
  }, [notice, form]);
  const submit = async (v: ObjectionValues) => {
    await record.mutateAsync({
      id: notice.id,
      body: {
        objections: v.objections ?? 0,
        objectionNote: v.objectionNote?.trim() || null,
        resolved: v.resolved,
      },
    });
    void message.success(t('consumer.objectionsSaved'));
  };
  return (
    <Form<ObjectionValues>
      form={form}
      name="consumer-objections"
      layout="vertical"
      onFinish={(v) => submit(v).catch(() => undefined)}
      disabled={record.isPending}
    >
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="objections" label={t('consumer.objections')} style={{ marginBottom: 8 }}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="resolved" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('consumer.objectionsResolved')}</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item name="objectionNote" label={t('consumer.objectionNote')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {record.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(record.error)}
          style={{ marginBottom: 8 }}
          role="alert"
        />
      ) : null}
      <Button htmlType="submit" loading={record.isPending}>
        {t('consumer.objectionsSave')}
      </Button>
    </Form>
  );
}

const isStage = (s: string | null): s is ProductStage => PRODUCT_STAGES.some((x) => x === s);

/** One product: producer, figures, certification and validity, linked households, notice, steps and sales. */
export function ProductDrawer({ productId, onClose }: { productId: number | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const isMobile = useIsMobile();
  const errorText = useErrorText();
  const detail = useProduct(productId);
  const [editing, setEditing] = useState<ProductFormTarget | null>(null);
  const p = productId === null ? null : (detail.data ?? null);
  const mayEdit = p !== null && can('consumer.declare') && (p.stage === 'applied' || p.stage === 'returned');
  const stepName = (action: string) =>
    action in PRODUCT_ACTION_LABELS
      ? pick(PRODUCT_ACTION_LABELS[action as keyof typeof PRODUCT_ACTION_LABELS])
      : action === 'declare'
        ? t('consumer.eventDeclare')
        : action === 'edit'
          ? t('consumer.eventEdit')
          : action;

  return (
    <Drawer
      open={productId !== null}
      onClose={onClose}
      loading={detail.isLoading}
      title={p ? `${t('consumer.productDetail')} · ${p.name}` : t('consumer.productDetail')}
      width={isMobile ? '100%' : 780}
      destroyOnHidden
      extra={
        mayEdit && p ? (
          <Button onClick={() => setEditing({ kind: 'edit', product: p })}>
            {t('consumer.editProduct')}
          </Button>
        ) : null
      }
    >
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} role="alert" /> : null}
      {p ? (
        <Flex vertical gap={20} data-testid="product-drawer">
          {(p.stage === 'returned' || p.stage === 'refused' || p.stage === 'revoked') && p.lastComment ? (
            <Alert
              type={p.stage === 'returned' ? 'warning' : 'error'}
              showIcon
              title={t('consumer.reasonAlert', {
                stage: pick(PRODUCT_STAGE_LABELS[p.stage]),
                comment: p.lastComment,
              })}
            />
          ) : null}
          {p.validity === 'due' || p.validity === 'expired' ? (
            <Alert
              type={p.validity === 'expired' ? 'error' : 'warning'}
              showIcon
              title={
                p.validity === 'expired'
                  ? t('consumer.expiredAlert', { date: p.validTo })
                  : t('consumer.dueAlert', { date: p.validTo })
              }
            />
          ) : null}
          <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={t('consumer.stage')}>
              <Flex gap={4} wrap>
                <ProductStageTag stage={p.stage} />
                <ValidityTag validity={p.validity} />
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.producer')}>{p.operatorName}</Descriptions.Item>
            <Descriptions.Item label={t('consumer.county')}>
              {p.countyName} · {p.regionName}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.category')}>
              {pick(PRODUCT_CATEGORY_LABELS[p.category])}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.annualValue')}>{p.annualValue}</Descriptions.Item>
            <Descriptions.Item label={t('consumer.certLevel')}>
              {pick(CERT_LEVEL_LABELS[p.certLevel])}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.certificateNo')}>
              {p.certificateNo ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.validity')}>
              {p.validFrom} ~ {p.validTo}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.linkageType')}>
              {pick(LINKAGE_TYPE_LABELS[p.linkageType])}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.certifiedOn')}>{p.certifiedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('consumer.households')} span={isMobile ? 1 : 2}>
              {t('consumer.householdCounts', {
                n: p.households,
                poor: p.poorHouseholds,
                monitored: p.monitoredHouseholds,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('consumer.note')} span={isMobile ? 1 : 2}>
              {p.note ?? '—'}
            </Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('consumer.linkedHouseholds')}</Typography.Title>
            {p.linkedHouseholds.length === 0 ? (
              <Typography.Text type="secondary">{t('consumer.noHouseholds')}</Typography.Text>
            ) : (
              <Flex gap={6} wrap>
                {p.linkedHouseholds.map((h) => (
                  <Tag
                    key={h.id}
                    color={
                      h.householdType === 'monitored'
                        ? 'orange'
                        : h.householdType === 'exited_poverty'
                          ? 'blue'
                          : 'default'
                    }
                  >
                    {h.headName ?? `#${h.id}`} · {h.villageName} ·{' '}
                    {h.householdType in HOUSEHOLD_TYPE_LABELS
                      ? pick(HOUSEHOLD_TYPE_LABELS[h.householdType as HouseholdType])
                      : h.householdType}
                  </Tag>
                ))}
              </Flex>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{t('consumer.notice')}</Typography.Title>
            {p.notice ? (
              <Flex vertical gap={12}>
                <Descriptions column={isMobile ? 1 : 2} size="small" bordered>
                  <Descriptions.Item label={t('consumer.noticePeriod')}>
                    {p.notice.startsOn} ~ {p.notice.endsOn}
                    {p.notice.endsOn >= today().format('YYYY-MM-DD') ? (
                      <Tag color="gold" style={{ marginInlineStart: 8 }}>
                        {t('consumer.noticeRunning')}
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('consumer.objections')}>
                    {p.notice.objections}
                    {p.notice.objections > 0 ? (
                      <Tag color={p.notice.resolved ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                        {p.notice.resolved ? t('consumer.objectionsSettled') : t('consumer.objectionsOpen')}
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                </Descriptions>
                {can('consumer.act') && me.role === 'county' && p.stage === 'notice' ? (
                  <ObjectionsForm notice={p.notice} />
                ) : null}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('consumer.noNotice')}</Typography.Text>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{t('consumer.events')}</Typography.Title>
            <Timeline
              data-testid="product-events"
              items={p.events.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <div>
                      {e.actedOn} · {e.actorName} · {stepName(e.action)}
                      {isStage(e.toStage) ? ` → ${pick(PRODUCT_STAGE_LABELS[e.toStage])}` : ''}
                    </div>
                    {e.comment ? <Typography.Text type="secondary">{e.comment}</Typography.Text> : null}
                  </>
                ),
              }))}
            />
          </div>

          <div>
            <Typography.Title level={5}>
              {t('consumer.productSales', { amount: p.salesThisYear })}
            </Typography.Title>
            <Table
              data-testid="product-sales"
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={p.sales}
              locale={{ emptyText: t('consumer.productNoSales') }}
              columns={[
                { title: t('consumer.soldOn'), dataIndex: 'soldOn', width: 100 },
                {
                  title: t('consumer.channel'),
                  dataIndex: 'channel',
                  width: 110,
                  render: (c: keyof typeof SALE_CHANNEL_LABELS) => pick(SALE_CHANNEL_LABELS[c]),
                },
                {
                  title: t('consumer.buyer'),
                  key: 'buyer',
                  render: (_, s) => `${s.buyerName}（${pick(BUYER_TYPE_LABELS[s.buyerType])}）`,
                },
                { title: t('consumer.amount'), dataIndex: 'amount', width: 110, align: 'right' },
              ]}
            />
          </div>
        </Flex>
      ) : null}
      <ProductFormModal target={editing} onClose={() => setEditing(null)} onSaved={() => undefined} />
    </Drawer>
  );
}
