import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles.js';
import { ApiError } from '../../api/client.js';
import { type UserQuery, userApi } from '../../api/endpoints.js';
import type { User } from '../../api/types.js';
import { useMe, useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';
import { TempPasswordModal } from './TempPasswordModal.js';
import { UserFormModal, type UserFormTarget } from './UserFormModal.js';

type StatusFilter = 'all' | 'enabled' | 'disabled';

export function UsersPage() {
  const me = useMe();
  const { can } = useSession();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const canManage = can('user.manage');
  const isMobile = useIsMobile();

  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [status, setStatus] = useState<StatusFilter>('all');
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [tempPassword, setTempPassword] = useState<{ name: string; password: string } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const users = useRemote(() => userApi.list(query), JSON.stringify(query));

  const update = (patch: Partial<UserQuery>) => setQuery((current) => ({ ...current, page: 1, ...patch }));

  const toggleDisabled = async (user: User) => {
    setBusyId(user.id);
    try {
      await userApi.update(user.id, { version: user.version, disabled: !user.disabled });
      message.success(
        t(user.disabled ? 'users.enabledDone' : 'users.disabledDone', { name: user.displayName }),
      );
    } catch (cause) {
      message.error(
        cause instanceof ApiError && cause.code === 'CONFLICT'
          ? `${cause.message}。${t('users.conflictList')}`
          : errorMessage(cause, t('common.loadFailed')),
      );
    } finally {
      setBusyId(null);
      users.reload();
    }
  };

  const resetPassword = async (user: User) => {
    setBusyId(user.id);
    try {
      const result = await userApi.resetPassword(user.id);
      setTempPassword({ name: user.displayName, password: result.temporaryPassword });
      users.reload();
    } catch (cause) {
      message.error(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableProps<User>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      fixed: isMobile ? undefined : 'left',
      width: 170,
      render: (username: string, user) => (
        <Typography.Text strong style={{ wordBreak: 'keep-all' }}>
          {username}
          {user.id === me.userId ? (
            <Typography.Text type="secondary">{t('users.self')}</Typography.Text>
          ) : null}
        </Typography.Text>
      ),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      width: 170,
      render: (name: string, user) => (
        <>
          <div>{name}</div>
          {user.unit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {user.unit}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 150,
      render: (role: Role, user) =>
        `${pick(ROLE_LABELS[role])}${user.department ? ` · ${user.department}` : ''}`,
    },
    {
      title: t('users.region'),
      dataIndex: 'regionName',
      width: 160,
      render: (name: string, user) => (
        <span title={user.regionCode}>
          {name}
          {user.regionLevel === 'zone' ? <Tag style={{ marginInlineStart: 6 }}>{t('level.zone')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 130,
      render: (disabled: boolean, user) => (
        <Space size={4} wrap>
          {disabled ? (
            <Tag color="default">{t('users.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.enabled')}</Tag>
          )}
          {user.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('users.never')),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: isMobile ? undefined : ('right' as const),
            width: 210,
            render: (_: unknown, user: User) => {
              const isSelf = user.id === me.userId;
              return (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setFormTarget({ kind: 'edit', user })}>
                    {t('common.edit')}
                  </Button>
                  {isSelf ? null : (
                    <Popconfirm
                      title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
                        name: user.displayName,
                      })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => toggleDisabled(user)}
                      overlayStyle={{ maxWidth: 320 }}
                    >
                      <Button type="link" size="small" danger={!user.disabled} loading={busyId === user.id}>
                        {t(user.disabled ? 'users.enable' : 'users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {isSelf ? null : (
                    <Popconfirm
                      title={t('users.resetConfirm', { name: user.displayName })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => resetPassword(user)}
                      overlayStyle={{ maxWidth: 320 }}
                    >
                      <Button type="link" size="small">
                        {t('users.resetPassword')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Input.Search
            aria-label={t('users.keyword')}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={filterWidth(isMobile, 260)}
            enterButton={t('common.search')}
          />
          <Select<Role>
            aria-label={t('users.role')}
            placeholder={t('users.role')}
            allowClear
            style={filterWidth(isMobile, 180)}
            value={query.role}
            onChange={(role) => update({ role: role ?? undefined })}
            options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          />
          <RegionPicker
            aria-label={t('users.region')}
            placeholder={t('users.region')}
            value={query.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={filterWidth(isMobile, 220)}
          />
          <Select<StatusFilter>
            aria-label={t('users.status')}
            style={filterWidth(isMobile, 130)}
            value={status}
            onChange={(next) => {
              setStatus(next);
              update({ disabled: next === 'all' ? undefined : next === 'disabled' });
            }}
            options={[
              { value: 'all', label: `${t('users.status')}：${t('common.all')}` },
              { value: 'enabled', label: t('users.enabled') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setKeyword('');
              setStatus('all');
              setQuery({ page: 1, pageSize: query.pageSize });
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {users.error ? (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(users.error, t('common.loadFailed'))}{' '}
            <Button size="small" onClick={users.reload}>
              {t('common.retry')}
            </Button>
          </Typography.Paragraph>
        ) : null}
        <Table<User>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.loading}
          scroll={{ x: 1270 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
          }}
        />
      </Card>
      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(_user, shouldClose) => {
          users.reload();
          if (shouldClose) {
            setFormTarget(null);
          }
        }}
      />
      <TempPasswordModal result={tempPassword} onClose={() => setTempPassword(null)} />
    </>
  );
}
