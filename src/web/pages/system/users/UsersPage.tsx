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
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles.js';
import { isConflict } from '../../../api/errors.js';
import { useMe, useSession } from '../../../auth/SessionProvider.js';
import { RegionPicker } from '../../../components/RegionPicker.js';
import { UrlTable, useTableParams } from '../../../components/UrlTable.js';
import { type User, useResetPassword, useUpdateUser, useUsers } from '../../../data/users.js';
import { useErrorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { filterWidth, useIsMobile } from '../../../util/useIsMobile.js';
import { PageHeader } from '../../PageHeader.js';
import { TempPasswordModal } from './TempPasswordModal.js';
import { UserFormModal, type UserFormTarget } from './UserFormModal.js';

type StatusFilter = 'all' | 'enabled' | 'disabled';
const FILTERS = ['q', 'role', 'regionCode', 'disabled'] as const;

export function UsersPage() {
  const me = useMe();
  const { can } = useSession();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const canManage = can('user.manage');
  const isMobile = useIsMobile();

  const table = useTableParams(FILTERS);
  const { filters } = table;
  const [keyword, setKeyword] = useState(filters.q ?? '');
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [tempPassword, setTempPassword] = useState<{ name: string; password: string } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const errorText = useErrorText();
  const status: StatusFilter =
    filters.disabled === 'true' ? 'disabled' : filters.disabled === 'false' ? 'enabled' : 'all';

  // The box follows the URL (back button, reset).
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);

  const users = useUsers({
    page: table.page,
    pageSize: table.pageSize,
    q: filters.q,
    role: ROLES.find((r) => r === filters.role),
    regionCode: filters.regionCode,
    disabled: filters.disabled === 'true' ? 'true' : filters.disabled === 'false' ? 'false' : undefined,
  });
  const update = useUpdateUser();
  const reset = useResetPassword();

  const toggleDisabled = async (user: User) => {
    setBusyId(user.id);
    try {
      await update.mutateAsync({ id: user.id, body: { version: user.version, disabled: !user.disabled } });
      void message.success(
        t(user.disabled ? 'users.enabledDone' : 'users.disabledDone', { name: user.displayName }),
      );
    } catch (cause) {
      void message.error(
        isConflict(cause) ? `${errorText(cause)}。${t('users.conflictList')}` : errorText(cause),
      );
      // The list shows the current state after a refused change too.
      void users.refetch();
    } finally {
      setBusyId(null);
    }
  };

  const resetPassword = async (user: User) => {
    setBusyId(user.id);
    try {
      const result = await reset.mutateAsync(user.id);
      setTempPassword({ name: user.displayName, password: result.temporaryPassword });
    } catch (cause) {
      void message.error(errorText(cause));
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
            onSearch={(value) => table.setFilters({ q: value.trim() })}
            style={filterWidth(isMobile, 260)}
            enterButton={t('common.search')}
          />
          <Select<Role>
            aria-label={t('users.role')}
            placeholder={t('users.role')}
            allowClear
            style={filterWidth(isMobile, 180)}
            value={ROLES.find((r) => r === filters.role)}
            onChange={(role) => table.setFilters({ role })}
            options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          />
          <RegionPicker
            aria-label={t('users.region')}
            placeholder={t('users.region')}
            value={filters.regionCode}
            onChange={(regionCode) => table.setFilters({ regionCode })}
            style={filterWidth(isMobile, 220)}
          />
          <Select<StatusFilter>
            aria-label={t('users.status')}
            style={filterWidth(isMobile, 130)}
            value={status}
            onChange={(next) =>
              table.setFilters({ disabled: next === 'all' ? undefined : String(next === 'disabled') })
            }
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
              table.reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <UrlTable<User, (typeof FILTERS)[number]>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          columns={columns}
          query={users}
          params={table}
          emptyText={
            filters.q || filters.role || filters.regionCode || filters.disabled
              ? t('users.emptyFiltered')
              : t('users.empty')
          }
          scroll={{ x: 1270 }}
        />
      </Card>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <TempPasswordModal result={tempPassword} onClose={() => setTempPassword(null)} />
    </>
  );
}
