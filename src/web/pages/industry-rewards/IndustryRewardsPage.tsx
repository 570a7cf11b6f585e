import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { useTableParams } from '../../components/UrlTable.js';
import { industryLedgerUrl, industryPaymentListUrl, useSchemes } from '../../data/industry-rewards.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { ClaimDrawer } from './ClaimDrawer.js';
import { ClaimFormModal, type ClaimFormTarget } from './ClaimFormModal.js';
import { CLAIM_FILTERS, ClaimsCard } from './ClaimsCard.js';
import { SchemesCard } from './SchemesCard.js';

/** Schemes from the transition period's start (2021) to this year. */
const FIRST_YEAR = 2021;
/** One object for the declare form's target: a new one each render would reset the form. */
const DECLARE: ClaimFormTarget = { kind: 'declare' };

/**
 * 产业奖补: the county's schemes of a year and the households' claims through the village check, the notice,
 * the township review, the county's acceptance and payment; the ledger and the payment list to download.
 */
export function IndustryRewardsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const table = useTableParams(CLAIM_FILTERS);
  const thisYear = today().year();
  const asked = Number(table.filters.year);
  const year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  const schemes = useSchemes(year);
  const [openId, setOpenId] = useState<number | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const schemeList = schemes.data?.items ?? [];
  const on = today().format('YYYY-MM-DD');
  const declarable = schemeList.some((s) => s.status === 'open' && s.windowStart <= on && on <= s.windowEnd);

  return (
    <>
      <PageHeader
        title={t('industry.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<number>
              aria-label={t('industry.year')}
              style={filterWidth(isMobile, 120)}
              value={year}
              onChange={(y) => table.setFilters({ year: String(y), schemeId: undefined })}
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('industry.yearValue', { year: y }),
              }))}
            />
            <Button
              icon={<DownloadOutlined />}
              href={industryLedgerUrl(year, table.filters.regionCode)}
              download
              data-testid="industry-ledger"
            >
              {t('industry.ledger')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={industryPaymentListUrl(year, table.filters.regionCode)}
              download
              data-testid="industry-payment-list"
            >
              {t('industry.paymentList')}
            </Button>
            {can('industry.declare') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!declarable}
                title={declarable ? undefined : t('industry.noOpenScheme')}
                onClick={() => setDeclaring(true)}
              >
                {t('industry.declare')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('industry.help')}
        </Typography.Paragraph>
        <SchemesCard year={year} schemes={schemes} />
        <ClaimsCard year={year} schemes={schemeList} table={table} onOpen={setOpenId} />
      </Flex>
      <ClaimDrawer claimId={openId} schemes={schemeList} onClose={() => setOpenId(null)} />
      <ClaimFormModal
        name="claim-declare"
        target={declaring ? DECLARE : null}
        schemes={schemeList}
        onClose={() => setDeclaring(false)}
        onSaved={setOpenId}
      />
    </>
  );
}
