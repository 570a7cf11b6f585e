import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { useTableParams } from '../../components/UrlTable.js';
import { consumerLedgerUrl } from '../../data/consumer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { BrandsCard } from './BrandsCard.js';
import { ProductDrawer } from './ProductDrawer.js';
import { ProductFormModal, type ProductFormTarget } from './ProductFormModal.js';
import { PRODUCT_FILTERS, ProductsCard } from './ProductsCard.js';
import { RenewalsCard } from './RenewalsCard.js';
import { ReportCard } from './ReportCard.js';
import { SalesCard } from './SalesCard.js';
import { SettingsCard } from './SettingsCard.js';

const FIRST_YEAR = 2021;
const DECLARE: ProductFormTarget = { kind: 'declare' };

/**
 * 消费帮扶: the products certified as 帮扶产品 (application, township check, county review, notice, certification),
 * the renewal list, the brands, the sales and the year's report, and the 消费帮扶产品台账 to download.
 */
export function ConsumerPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const table = useTableParams(PRODUCT_FILTERS);
  const thisYear = today().year();
  const asked = Number(table.filters.year);
  const year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  const [openId, setOpenId] = useState<number | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const regionCode = table.filters.regionCode;

  return (
    <>
      <PageHeader
        title={t('consumer.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<number>
              aria-label={t('consumer.year')}
              style={filterWidth(isMobile, 120)}
              value={year}
              onChange={(y) => table.setFilters({ year: String(y) })}
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('consumer.yearValue', { year: y }),
              }))}
            />
            <Button
              icon={<DownloadOutlined />}
              href={consumerLedgerUrl(year, regionCode)}
              download
              data-testid="consumer-ledger"
            >
              {t('consumer.ledger')}
            </Button>
            {can('consumer.declare') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
                {t('consumer.declare')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('consumer.help')}
        </Typography.Paragraph>
        <ReportCard year={year} regionCode={regionCode} />
        <ProductsCard year={year} table={table} onOpen={setOpenId} />
        <SettingsCard regionCode={regionCode} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <RenewalsCard regionCode={regionCode} onOpen={setOpenId} />
          </Col>
          <Col xs={24} xl={12}>
            <BrandsCard />
          </Col>
        </Row>
        <SalesCard year={year} regionCode={regionCode} />
      </Flex>
      <ProductDrawer productId={openId} onClose={() => setOpenId(null)} />
      <ProductFormModal
        target={declaring ? DECLARE : null}
        onClose={() => setDeclaring(false)}
        onSaved={setOpenId}
      />
    </>
  );
}
