import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/SessionProvider.js';
import { courtyardLedgerUrl } from '../../data/courtyard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { PageHeader } from '../PageHeader.js';
import { CriteriaCard } from './CriteriaCard.js';
import { NominateModal } from './NominateModal.js';
import { ProgressCard } from './ProgressCard.js';
import { RecordsCard } from './RecordsCard.js';

const FIRST_YEAR = 2021;

/**
 * 庭院经济示范村、示范户: the county's criteria, the county check against 5 × 10, and the villages and households
 * nominated by the townships through selection and notice, 验收 and naming; the ledger to download.
 */
export function CourtyardPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const thisYear = today().year();
  const [year, setYear] = useState(thisYear);
  const [nominating, setNominating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('courtyard.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<number>
              aria-label={t('courtyard.year')}
              style={filterWidth(isMobile, 120)}
              value={year}
              onChange={setYear}
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('courtyard.yearValue', { year: y }),
              }))}
            />
            <Button
              icon={<DownloadOutlined />}
              href={courtyardLedgerUrl(year)}
              download
              data-testid="courtyard-ledger"
            >
              {t('courtyard.ledger')}
            </Button>
            {can('courtyard.nominate') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
                {t('courtyard.nominate')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('courtyard.help')}
        </Typography.Paragraph>
        <ProgressCard year={year} />
        <CriteriaCard year={year} />
        <RecordsCard year={year} />
      </Flex>
      <NominateModal year={year} open={nominating} onClose={() => setNominating(false)} />
    </>
  );
}
