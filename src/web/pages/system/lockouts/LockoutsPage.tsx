import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { QueryState } from '../../../components/QueryState.js';
import { type Lockout, useLockouts, useResetLockout } from '../../../data/lockouts.js';
import { useErrorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PageHeader } from '../../PageHeader.js';

/** Who is being slowed down at login in the administrator's scope, and a reset that lets them in at once. */
export function LockoutsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const lockouts = useLockouts();
  const reset = useResetLockout();

  const onReset = async (row: Lockout) => {
    try {
      await reset.mutateAsync(row.username);
      void message.success(t('lockouts.resetDone', { name: row.displayName }));
    } catch (cause) {
      void message.error(errorText(cause));
    }
  };

  return (
    <>
      <PageHeader title={t('lockouts.title')} />
      <Typography.Paragraph type="secondary">{t('lockouts.policy')}</Typography.Paragraph>
      <QueryState
        query={lockouts}
        isEmpty={(d) => d.items.length === 0}
        empty={{ reason: t('lockouts.empty') }}
      >
        {(d) => (
          <Card>
            <Table<Lockout>
              rowKey="userId"
              dataSource={d.items}
              pagination={false}
              scroll={{ x: 720 }}
              columns={[
                { title: t('users.username'), dataIndex: 'username' },
                { title: t('users.displayName'), dataIndex: 'displayName' },
                { title: t('lockouts.failures'), dataIndex: 'failures', align: 'right' },
                { title: t('lockouts.addresses'), dataIndex: 'addresses', align: 'right' },
                {
                  title: t('lockouts.lastFailure'),
                  dataIndex: 'lastFailureAt',
                  render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
                },
                {
                  title: t('lockouts.slowedUntil'),
                  dataIndex: 'slowedUntil',
                  render: (until: string | null) =>
                    until ? (
                      <Tag color="orange">{dayjs(until).format('HH:mm:ss')}</Tag>
                    ) : (
                      <Tag>{t('lockouts.notSlowed')}</Tag>
                    ),
                },
                {
                  title: t('common.actions'),
                  render: (_: unknown, row) => (
                    <Popconfirm
                      title={t('lockouts.resetConfirm', { name: row.displayName })}
                      onConfirm={() => onReset(row)}
                    >
                      <Button size="small" loading={reset.isPending && reset.variables === row.username}>
                        {t('lockouts.reset')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
