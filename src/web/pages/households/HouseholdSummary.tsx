import { Card, Col, Flex, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ratioBp, toCents, toSignedCents } from '../../../shared/money.js';
import { useSession } from '../../auth/SessionProvider.js';
import { type HouseholdDetail, useScreeningRulesForSummary } from '../../data/households.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LEAD_SOURCE_LABELS } from '../../i18n/messages.js';
import { JUDGEMENT_COLORS, money, reasonLabel } from './codes.js';

const RED = '#cf1322';
const ORANGE = '#d46b08';
const GREEN = '#389e0d';

const GUARANTEES = ['education', 'medical', 'housing', 'water'] as const;

/** Income against the monitoring line, the guarantees, the screening findings: the household at a glance. */
export function HouseholdSummary({ detail }: { detail: HouseholdDetail }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const rules = useScreeningRulesForSummary(can('screening.read'));
  const perCapita = detail.income.perCapita;
  const line = detail.line;
  const margin = rules.data?.rules.nearLine.marginPercent ?? null;

  let tone: 'below' | 'near' | 'above' | null = null;
  // Compared in fen (the margin in basis points), exactly as the server screens.
  const perCapitaCents = perCapita === null ? null : toSignedCents(perCapita);
  const lineCents = line === null ? null : toCents(line);
  if (perCapitaCents !== null && lineCents !== null) {
    if (perCapitaCents < lineCents) {
      tone = 'below';
    } else if (
      detail.screeningReasons.includes('income_near_line') ||
      (margin !== null && perCapitaCents * 10_000n < lineCents * (10_000n + BigInt(Math.round(margin * 100))))
    ) {
      tone = 'near';
    } else {
      tone = 'above';
    }
  }
  const color = tone === 'below' ? RED : tone === 'near' ? ORANGE : GREEN;
  const ratioBps = perCapitaCents !== null && lineCents !== null ? ratioBp(perCapitaCents, lineCents) : null;
  // A whole percent of the line for the bar; a negative income shows as 0 %.
  const ratio = ratioBps === null || lineCents === 0n ? null : Math.max(0, Math.round(ratioBps / 100));

  return (
    <Card data-testid="household-summary">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Statistic
            title={t('hh.summary.perCapita')}
            value={perCapita === null ? t('hh.summary.noIncome') : money(perCapita)}
            suffix={perCapita === null ? undefined : t('common.yuan')}
            styles={{ content: { color: perCapita === null ? undefined : color } }}
          />
          {ratio !== null ? (
            <Progress
              percent={Math.min(100, ratio)}
              strokeColor={color}
              format={() => `${ratio}%`}
              aria-label={t('hh.summary.ofLine', { percent: ratio })}
              style={{ marginBottom: 4 }}
            />
          ) : null}
          <Space size={[8, 4]} wrap>
            {tone ? (
              <Tag color={tone === 'below' ? 'red' : tone === 'near' ? 'orange' : 'green'}>
                {t(`hh.summary.${tone}`)}
              </Tag>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {line !== null
                ? `${t('hh.summary.lineOfYear', { year: detail.lineYear ?? '' })} ${money(line)} ${t('common.yuan')}${
                    detail.lineYear !== null && detail.lineYear < detail.lineForYear
                      ? t('hh.summary.lineCarried', { year: detail.lineForYear })
                      : ''
                  }`
                : t('hh.summary.noLine')}
            </Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hh.summary.window', { start: detail.window.start, end: detail.window.end })}
              {detail.previousPerCapita !== null
                ? ` · ${t('hh.summary.previous', { amount: money(detail.previousPerCapita) })}`
                : ''}
            </Typography.Text>
          </div>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Typography.Text type="secondary">{t('hh.summary.guarantees')}</Typography.Text>
          <Row gutter={[8, 8]} style={{ marginTop: 8 }} data-testid="guarantees">
            {GUARANTEES.map((key) => (
              <Col span={12} key={key}>
                <Flex justify="space-between" align="center" gap={4}>
                  <span>{t(`guarantee.${key}`)}</span>
                  <Tag color={JUDGEMENT_COLORS[detail.guarantees[key]]} style={{ marginInlineEnd: 0 }}>
                    {t(`judgement.${detail.guarantees[key]}`)}
                  </Tag>
                </Flex>
              </Col>
            ))}
          </Row>
          <Flex justify="space-between" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('hh.summary.labour')}</Typography.Text>
            <Tag color={detail.hasLabourCapacity ? 'blue' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {t(detail.hasLabourCapacity ? 'hh.summary.hasLabour' : 'hh.summary.noLabour')}
            </Tag>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Typography.Text type="secondary">{t('hh.summary.reasons')}</Typography.Text>
          <div style={{ marginTop: 8 }} data-testid="screening-reasons">
            {detail.screeningReasons.length === 0 ? (
              <Tag color="green">{t('hh.summary.noReasons')}</Tag>
            ) : (
              <Space size={[4, 6]} wrap>
                {detail.screeningReasons.map((code) => (
                  <Tag key={code} color="red" style={{ whiteSpace: 'normal' }}>
                    {reasonLabel(pick, code)}
                  </Tag>
                ))}
              </Space>
            )}
          </div>
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('hh.summary.openLead')}：</Typography.Text>
            {detail.openLead ? (
              <>
                <Tag color="volcano">
                  {t('hh.summary.leadSince', {
                    date: dayjs(detail.openLead.createdAt).format('YYYY-MM-DD'),
                    source: LEAD_SOURCE_LABELS[detail.openLead.source]
                      ? pick(LEAD_SOURCE_LABELS[detail.openLead.source] as { zh: string; en: string })
                      : detail.openLead.source,
                  })}
                </Tag>
                <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                  {detail.openLead.reasons.map((code) => (
                    <Typography.Text key={code} type="secondary" style={{ fontSize: 12 }}>
                      · {reasonLabel(pick, code)}
                    </Typography.Text>
                  ))}
                </Space>
              </>
            ) : (
              <Typography.Text>{t('hh.summary.noOpenLead')}</Typography.Text>
            )}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
