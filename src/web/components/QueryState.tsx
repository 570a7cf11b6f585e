import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../i18n/error-text.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * What every query shows before and instead of its data: a skeleton while loading, "offline, loads once
 * connected" when the request waits for the network, the error with a retry, and an empty state that says WHY
 * it is empty (`empty.reason`: no records yet, nothing matches the filter, not your area…). The children get
 * the data only when there is some.
 *
 *   <QueryState query={ranking} isEmpty={(r) => r.rows.length === 0} empty={{ reason: t('ranking.empty') }}>
 *     {(r) => <RankingTable rows={r.rows} />}
 *   </QueryState>
 */
export function QueryState<T>(props: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: { reason: ReactNode; action?: ReactNode };
  /** Inside a Card already (no second card around the skeleton). */
  bare?: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { query } = props;
  if (query.data !== undefined) {
    if (props.isEmpty?.(query.data)) {
      return (
        <Empty description={props.empty?.reason ?? t('data.empty')} data-testid="query-empty">
          {props.empty?.action}
        </Empty>
      );
    }
    return (
      <>
        {query.isError ? (
          <Alert type="warning" showIcon title={t('data.stale')} style={{ marginBottom: 12 }} />
        ) : null}
        {props.children(query.data)}
      </>
    );
  }
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={errorText(query.error, t('common.loadFailed'))}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (query.fetchStatus === 'paused') {
    return <Alert type="info" showIcon title={t('data.paused')} />;
  }
  const skeleton = <Skeleton active paragraph={{ rows: 6 }} />;
  return props.bare ? skeleton : <Card>{skeleton}</Card>;
}

/** The error line above a table or form whose query failed, with a retry. Null when there is no error. */
export function QueryError({ query }: { query: Pick<UseQueryResult<unknown>, 'error' | 'refetch'> }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (!query.error) {
    return null;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={errorText(query.error, t('common.loadFailed'))}
      action={
        <Button size="small" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
