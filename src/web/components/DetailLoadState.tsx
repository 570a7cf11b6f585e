import { Button, Card, Result, Skeleton, Space } from 'antd';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessage } from '../util/formErrors.js';

/**
 * What a detail page shows before its record is there: a skeleton while loading; a 404 that offers the list;
 * any other failure with its message, the list and a retry.
 */
export function DetailLoadState(props: {
  error: unknown;
  notFoundTitle: string;
  backLabel: string;
  onBack: () => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  if (!props.error) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const missing = props.error instanceof ApiError && props.error.status === 404;
  return (
    <Card>
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? props.notFoundTitle : errorMessage(props.error, t('common.loadFailed'))}
        extra={
          <Space>
            <Button onClick={props.onBack}>{props.backLabel}</Button>
            {missing ? null : <Button onClick={props.onRetry}>{t('common.retry')}</Button>}
          </Space>
        }
      />
    </Card>
  );
}
