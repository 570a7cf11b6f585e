import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Flex, List, Popconfirm, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FactsConflict } from './OfflineFacts.js';
import { discard, discardForeign, startSync, syncNow } from './sync.js';
import { useOffline } from './useOffline.js';

/**
 * The offline strip above every page for those who record visits: starts the background sync, says when the
 * phone is offline, how many records wait (待发送), and lists any the server refused or that conflict, so
 * nothing is lost without the user seeing it.
 */
export function OfflineBanner() {
  const me = useMe();
  const { can } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const offline = useOffline();
  const canWork = can('visit.write');

  useEffect(() => {
    if (!canWork || me.userId === null) {
      return;
    }
    return startSync(me.userId);
  }, [canWork, me.userId]);

  if (!canWork) {
    return null;
  }
  const problems = offline.outbox.filter((i) => i.state !== 'pending');
  const waiting = offline.outbox.length;
  const foreign = offline.foreign.length;
  if (offline.online && waiting === 0 && foreign === 0 && !offline.needsLogin) {
    return null;
  }
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="offline-banner">
      {offline.online ? null : (
        <Alert type="warning" showIcon icon={<DisconnectOutlined />} title={t('offline.offline')} />
      )}
      {offline.needsLogin ? (
        <Alert
          type="error"
          showIcon
          title={t('offline.needsLogin')}
          action={
            <Button size="small" onClick={() => navigate('/login')}>
              {t('offline.loginAgain')}
            </Button>
          }
        />
      ) : null}
      {waiting > 0 ? (
        <Alert
          type="info"
          showIcon
          icon={<CloudSyncOutlined />}
          title={
            <Flex justify="space-between" align="center" gap={8} wrap>
              <span>
                <Badge count={waiting} style={{ marginInlineEnd: 8 }} data-testid="outbox-count" />
                {offline.syncing ? t('offline.sending') : t('offline.waiting', { count: waiting })}
              </span>
              {offline.online ? (
                <Button size="small" onClick={() => void syncNow()} loading={offline.syncing}>
                  {t('offline.sendNow')}
                </Button>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      {foreign > 0 ? (
        // Another user's records on a shared phone: never sent under this session (they would be
        // attributed to the wrong person); they go out when their maker logs in, or are discarded here.
        <Alert
          type="warning"
          showIcon
          data-testid="outbox-foreign"
          title={t('offline.foreignWaiting', { count: foreign })}
          description={t('offline.foreignHelp')}
          action={
            <Popconfirm
              title={t('offline.foreignDiscardTitle', { count: foreign })}
              description={t('offline.foreignDiscardBody')}
              okText={t('offline.foreignDiscardOk')}
              okButtonProps={{ danger: true }}
              onConfirm={() => discardForeign()}
            >
              <Button size="small" danger>
                {t('offline.foreignDiscard')}
              </Button>
            </Popconfirm>
          }
        />
      ) : null}
      {problems.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={problems}
          renderItem={(item) => (
            <List.Item
              actions={
                // A facts conflict offers keep mine / take theirs; anything else can only be discarded.
                item.state === 'conflict' && item.payload.kind === 'householdFacts'
                  ? [<FactsConflict key="resolve" item={item} />]
                  : [
                      <Button key="discard" size="small" danger onClick={() => void discard(item.seq ?? 0)}>
                        {t('offline.discard')}
                      </Button>,
                    ]
              }
            >
              <Typography.Text type="danger">
                {item.state === 'conflict' ? t('offline.conflict') : t('offline.rejected')}
                {item.payload.kind === 'leadClose' ||
                item.payload.kind === 'alertClose' ||
                item.payload.kind === 'householdFacts' ||
                item.payload.kind === 'workRecord' ||
                item.payload.kind === 'industryClaim'
                  ? ` · ${t(`offline.kind.${item.payload.kind}`)}`
                  : ''}
                {item.payload.kind !== 'attachment' && item.payload.headName
                  ? ` · ${item.payload.headName}`
                  : ''}
                {item.error ? `：${item.error}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}
