import { Alert } from 'antd';
import { Link } from 'react-router';
import { clock } from '../../../../shared/clock.js';
import { useMonitoringLines } from '../../../data/monitoring-lines.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { money } from '../../households/codes.js';
import { missingLineWarning } from './line-warning.js';

/** Shown to those who set monitoring lines when this year has none yet (a new year, or a new install). */
export function MissingLineAlert() {
  const { t } = useI18n();
  const lines = useMonitoringLines();
  const warning = lines.data ? missingLineWarning(lines.data, Number(clock().today().slice(0, 4))) : null;
  if (!warning) {
    return null;
  }
  return (
    <Alert
      data-testid="missing-line-alert"
      type="warning"
      showIcon
      title={t('lines.missing', { year: warning.year })}
      description={
        <>
          {warning.fallback
            ? t('lines.missingFallback', {
                year: warning.fallback.year,
                amount: money(warning.fallback.amount),
              })
            : t('lines.missingNone')}{' '}
          <Link to="/system/monitoring-lines">{t('lines.missingAction')}</Link>
        </>
      }
    />
  );
}
