import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/roles.js';
import { useMe, useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useOffline } from '../offline/useOffline.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Right side of the header: who is logged in, where, the language switch and logout. */
export function HeaderBar({ compact }: { compact: boolean }) {
  const me = useMe();
  const { logout } = useSession();
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();

  const { outbox } = useOffline();

  const doLogout = async () => {
    try {
      await logout();
    } finally {
      void message.success(t('header.loggedOut'));
      void navigate('/login', { replace: true });
    }
  };
  // Logging out clears the phone's store; records not yet sent would be lost, so the user is asked first.
  const onLogout = () => {
    if (outbox.length === 0) {
      void doLogout();
      return;
    }
    modal.confirm({
      title: t('offline.logoutTitle', { count: outbox.length }),
      content: t('offline.logoutBody'),
      okText: t('offline.logoutAnyway'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: doLogout,
    });
  };

  return (
    <div
      style={{
        flex: 1,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: 12,
        minWidth: 0,
      }}
    >
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(compact
              ? [
                  {
                    key: 'who',
                    disabled: true,
                    label: `${pick(ROLE_LABELS[me.role])} · ${me.regionName}`,
                  },
                ]
              : []),
            { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          ],
          onClick: ({ key }) => {
            if (key === 'password') {
              void navigate('/change-password');
            }
          },
        }}
      >
        <Button
          type="text"
          data-testid="current-user"
          style={{ height: 'auto', padding: '4px 8px', minWidth: 0 }}
        >
          <Space size={8} style={{ minWidth: 0 }}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f6f43' }} />
            <Typography.Text strong ellipsis style={{ maxWidth: compact ? 110 : 200 }}>
              {me.displayName}
            </Typography.Text>
            {compact ? null : (
              <>
                <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="current-role">
                  {pick(ROLE_LABELS[me.role])}
                  {me.department ? ` · ${me.department}` : ''}
                </Tag>
                <Typography.Text type="secondary" data-testid="current-region">
                  {me.regionName}
                </Typography.Text>
              </>
            )}
          </Space>
        </Button>
      </Dropdown>
      <LanguageSwitch size={compact ? 'small' : 'middle'} />
      <Button icon={<LogoutOutlined />} onClick={onLogout} aria-label={t('header.logout')}>
        {compact ? null : t('header.logout')}
      </Button>
    </div>
  );
}
