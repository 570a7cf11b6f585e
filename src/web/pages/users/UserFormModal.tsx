import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  DEPARTMENTS,
  type RegionLevel,
  ROLE_LABELS,
  ROLE_REGION_LEVELS,
  type Role,
} from '../../../shared/roles.js';
import { ApiError } from '../../api/client.js';
import { type CreateUserBody, type UpdateUserBody, userApi } from '../../api/endpoints.js';
import type { User } from '../../api/types.js';
import { useMe } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { assignableRoles, generatePassword } from './roles.js';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role | undefined;
  department: string | undefined;
  regionCode: string | undefined;
  phone: string | undefined;
  unit: string | undefined;
}

const FIELDS = ['username', 'displayName', 'password', 'role', 'department', 'regionCode', 'phone', 'unit'];

export type UserFormTarget = { kind: 'create' } | { kind: 'edit'; user: User };

const valuesOf = (user: User): UserFormValues => ({
  username: user.username,
  displayName: user.displayName,
  password: '',
  role: user.role,
  department: user.department ?? undefined,
  regionCode: user.regionCode,
  phone: user.phone ?? undefined,
  unit: user.unit ?? undefined,
});

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Only what changed, with the version that was read, so a stale edit is refused rather than lost. */
function changedFields(base: User, values: UserFormValues): UpdateUserBody {
  const role = values.role ?? base.role;
  const next = {
    displayName: values.displayName.trim(),
    role,
    department: role === 'department' ? (values.department ?? null) : null,
    regionCode: values.regionCode ?? base.regionCode,
    phone: blankToNull(values.phone),
    unit: blankToNull(values.unit),
  };
  return {
    version: base.version,
    ...(next.displayName !== base.displayName ? { displayName: next.displayName } : {}),
    ...(next.role !== base.role ? { role: next.role } : {}),
    ...(next.department !== base.department ? { department: next.department } : {}),
    ...(next.regionCode !== base.regionCode ? { regionCode: next.regionCode } : {}),
    ...(next.phone !== base.phone ? { phone: next.phone } : {}),
    ...(next.unit !== base.unit ? { unit: next.unit } : {}),
  };
}

export function UserFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UserFormTarget | null;
  onClose: () => void;
  /** After a save (close the modal), and after a conflict reloaded the user (keep it open). */
  onSaved: (user: User, shouldClose: boolean) => void;
}) {
  const me = useMe();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [base, setBase] = useState<User | null>(null);
  const [error, setError] = useState<{ title: string; description?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [regionLevel, setRegionLevel] = useState<RegionLevel | undefined>(undefined);
  const role = Form.useWatch('role', form);
  const isCreate = target?.kind === 'create';
  const isSelf = target?.kind === 'edit' && target.user.id === me.userId;

  useEffect(() => {
    setError(null);
    if (target?.kind === 'edit') {
      setBase(target.user);
      form.setFieldsValue(valuesOf(target.user));
    } else if (target?.kind === 'create') {
      setBase(null);
      form.resetFields();
    }
  }, [target, form]);

  // A role change keeps the chosen region only when the new role may sit at its level.
  useEffect(() => {
    if (role && regionLevel && !ROLE_REGION_LEVELS[role].includes(regionLevel)) {
      form.setFieldValue('regionCode', undefined);
    }
  }, [role, regionLevel, form]);

  const roleOptions = useMemo(
    () => assignableRoles(me.regionLevel).map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) })),
    [me.regionLevel, pick],
  );

  const onFinish = async (values: UserFormValues) => {
    if (!values.role || !values.regionCode) {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (isCreate) {
        const body: CreateUserBody = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          role: values.role,
          department: values.role === 'department' ? (values.department ?? null) : null,
          regionCode: values.regionCode,
          phone: blankToNull(values.phone),
          unit: blankToNull(values.unit),
        };
        const created = await userApi.create(body);
        message.success(t('users.created', { name: created.displayName }));
        onSaved(created, true);
      } else if (base) {
        const saved = await userApi.update(base.id, changedFields(base, values));
        message.success(t('users.saved'));
        onSaved(saved, true);
      }
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'CONFLICT' && base) {
        // Someone saved first: show their version and let the user decide again.
        setError({ title: cause.message, description: t('users.conflict') });
        try {
          const fresh = await userApi.get(base.id);
          setBase(fresh);
          form.setFieldsValue(valuesOf(fresh));
          onSaved(fresh, false);
        } catch {
          // The list reload below still shows the latest state.
        }
      } else if (!applyServerFieldErrors(form, cause, FIELDS)) {
        setError({ title: errorMessage(cause, t('common.loadFailed')) });
      }
    } finally {
      setSaving(false);
    }
  };

  const allowedLevels = role ? ROLE_REGION_LEVELS[role] : undefined;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('users.required', { field }),
  });

  return (
    <Modal
      open={target !== null}
      title={
        target?.kind === 'edit'
          ? t('users.editTitle', { name: target.user.displayName })
          : t('users.createTitle')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={560}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.description}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={saving}
        onValuesChange={() => setError(null)}
        name="user-form"
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          extra={isCreate ? t('users.usernameRule') : undefined}
          rules={[
            required(t('users.username')),
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input disabled={!isCreate} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[required(t('users.displayName'))]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {isCreate ? (
          <Form.Item label={t('users.initialPassword')} required extra={t('users.initialPasswordHelp')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="password"
                noStyle
                rules={[
                  { required: true, message: t('password.required') },
                  { min: 8, message: t('password.tooShort') },
                ]}
              >
                <Input aria-label={t('users.initialPassword')} autoComplete="new-password" />
              </Form.Item>
              <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>
                {t('users.generate')}
              </Button>
            </Space.Compact>
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.selectRoleFirst') }]}
        >
          <Select options={roleOptions} disabled={isSelf} />
        </Form.Item>
        {role === 'department' ? (
          <Form.Item
            label={t('users.department')}
            name="department"
            rules={[{ required: true, message: t('users.choose', { field: t('users.department') }) }]}
          >
            <Select options={DEPARTMENTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('users.region')}
          name="regionCode"
          extra={
            allowedLevels
              ? t('users.regionLevels', { levels: allowedLevels.map((l) => t(`level.${l}`)).join('、') })
              : t('users.selectRoleFirst')
          }
          rules={[{ required: true, message: t('users.choose', { field: t('users.region') }) }]}
        >
          <RegionPicker levels={allowedLevels} disabled={!role || isSelf} onLevelChange={setRegionLevel} />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone">
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item label={t('users.unit')} name="unit" style={{ marginBottom: 0 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
