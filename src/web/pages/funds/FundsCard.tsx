import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { clock } from '../../../shared/clock.js';
import { QueryState } from '../../components/QueryState.js';
import { type FundOverview, useFundOverview } from '../../data/funds.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

/** This year on the one clock: the fund year the card counts. */
const thisYear = () => Number(clock().today().slice(0, 4));

/** Nothing received and nothing passed to a project: no money to show, and the card says why. */
export const hasNoFunds = (o: FundOverview) => o.received === '0.00' && o.allocated === '0.00';

/**
 * The card's figures, shared by the workbench and the big screen. Below county level nothing is received (the
 * money goes to counties), so received and the spend rate read "—" rather than 0.
 */
export function fundFigures(o: FundOverview) {
  const belowCounty = o.received === '0.00';
  const figures: Array<{ key: string; label: MessageKey; value: string; suffix?: string }> = [
    { key: 'received', label: 'fundCard.received', value: belowCounty ? '—' : o.received },
    { key: 'allocated', label: 'fundCard.allocated', value: o.allocated },
    { key: 'paid', label: 'fundCard.paid', value: o.paid },
    {
      key: 'spendRate',
      label: 'fundCard.spendRate',
      value: o.spendRate ?? '—',
      ...(o.spendRate ? { suffix: '%' } : {}),
    },
    {
      key: 'paidOfAllocated',
      label: 'fundCard.paidOfAllocated',
      value: o.paidOfAllocated ?? '—',
      ...(o.paidOfAllocated ? { suffix: '%' } : {}),
    },
  ];
  return { belowCounty, figures };
}

/** A percent string ("13.33") as a progress value, without floating the money: only the bar's width. */
const barPercent = (rate: string | null) => (rate ? Math.min(100, Number(rate)) : 0);

/** 衔接资金 on the workbench: the year's money in the user's area; only for who may read funds. */
export function FundsCard() {
  const { t } = useI18n();
  const year = thisYear();
  const overview = useFundOverview(year);
  return (
    <Card
      title={t('fundCard.title', { year })}
      extra={<Link to="/funds">{t('fundCard.open')}</Link>}
      data-testid="funds-card"
    >
      <QueryState
        query={overview}
        bare
        isEmpty={hasNoFunds}
        empty={{ reason: t('fundCard.empty', { year }) }}
      >
        {(o) => {
          const { belowCounty, figures } = fundFigures(o);
          const rate = belowCounty ? o.paidOfAllocated : o.spendRate;
          return (
            <>
              <Row gutter={[16, 16]}>
                {figures.map((f) => (
                  <Col key={f.key} xs={12} md={8} xl={4}>
                    <Statistic
                      title={t(f.label)}
                      value={f.value}
                      {...(f.suffix ? { suffix: f.suffix } : {})}
                      data-testid={`funds-${f.key}`}
                    />
                  </Col>
                ))}
                <Col xs={24} xl={4}>
                  <Progress
                    type="dashboard"
                    size={96}
                    percent={barPercent(rate)}
                    format={() => `${rate ?? '—'}%`}
                  />
                </Col>
              </Row>
              <Typography.Text type="secondary">
                {t('fundCard.asOf', { date: o.asOf, projects: o.projects })}
                {belowCounty ? `；${t('fundCard.belowCounty')}` : ''}
              </Typography.Text>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
