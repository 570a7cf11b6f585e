import { App, Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  DEPARTMENTS,
  type RegionLevel,
  ROLE_LABELS,
  ROLE_REGION_LEVELS,
  type Role,
} from '../../../../shared/roles.js';
import { useMe } from '../../../auth/SessionProvider.js';
import { RegionPicker } from '../../../components/RegionPicker.js';
import {
  type CreateUserBody,
  type UpdateUserBody,
  type User,
  useCreateUser,
  useFetchUser,
  useUpdateUser,
} from '../../../data/users.js';
import { FormModal } from '../../../forms/FormModal.js';
import { fieldRules, maxLengthOf } from '../../../forms/field-rules.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
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

type Department = NonNullable<CreateUserBody['department']>;
const departmentOf = (role: Role, value: string | undefined): Department | null =>
  role === 'department' ? ((value as Department | undefined) ?? null) : null;

/** Only what changed, with the version that was read, so a stale edit is refused rather than lost. */
function changedFields(base: User, values: UserFormValues): UpdateUserBody {
  const role = values.role ?? base.role;
  const next = {
    displayName: values.displayName.trim(),
    role,
    department: departmentOf(role, values.department),
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

/** 新建用户 / 编辑用户. Saving refreshes the user list (the hooks invalidate it). */
export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const me = useMe();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [base, setBase] = useState<User | null>(null);
  const [regionLevel, setRegionLevel] = useState<RegionLevel | undefined>(undefined);
  const create = useCreateUser();
  const update = useUpdateUser();
  const fetchUser = useFetchUser();
  const role = Form.useWatch('role', form);
  const isCreate = target?.kind === 'create';
  const isSelf = target?.kind === 'edit' && target.user.id === me.userId;

  useEffect(() => {
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

  const submit = async (values: UserFormValues) => {
    if (!values.role || !values.regionCode) {
      return;
    }
    if (isCreate) {
      const created = await create.mutateAsync({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        role: values.role,
        department: departmentOf(values.role, values.department),
        regionCode: values.regionCode,
        phone: blankToNull(values.phone),
        unit: blankToNull(values.unit),
      });
      void message.success(t('users.created', { name: created.displayName }));
    } else if (base) {
      await update.mutateAsync({ id: base.id, body: changedFields(base, values) });
      void message.success(t('users.saved'));
    }
    onClose();
  };

  // Someone saved first: show their version and let the user decide again.
  const reloadAfterConflict = async () => {
    if (base) {
      const fresh = await fetchUser(base.id);
      setBase(fresh);
      form.setFieldsValue(valuesOf(fresh));
    }
  };

  const allowedLevels = role ? ROLE_REGION_LEVELS[role] : undefined;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('users.required', { field }),
  });
  const rulesOf = (field: 'displayName' | 'phone' | 'unit', label: string) =>
    fieldRules(t, 'POST /api/users', field, label);

  return (
    <FormModal<UserFormValues>
      form={form}
      open={target !== null}
      title={
        target?.kind === 'edit'
          ? t('users.editTitle', { name: target.user.displayName })
          : t('users.createTitle')
      }
      onCancel={onClose}
      onSubmit={submit}
      onConflict={reloadAfterConflict}
      conflictHint={t('users.conflict')}
      name="user-form"
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        extra={isCreate ? t('users.usernameRule') : undefined}
        rules={[
          required(t('users.username')),
          ...fieldRules(t, 'POST /api/users', 'username', t('users.username'), {
            patternMessage: t('users.usernameRule'),
          }),
        ]}
      >
        <Input disabled={!isCreate} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[required(t('users.displayName')), ...rulesOf('displayName', t('users.displayName'))]}
      >
        <Input maxLength={maxLengthOf('POST /api/users', 'displayName')} />
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
      <Form.Item label={t('users.phone')} name="phone" rules={rulesOf('phone', t('users.phone'))}>
        <Input maxLength={maxLengthOf('POST /api/users', 'phone')} inputMode="tel" />
      </Form.Item>
      <Form.Item
        label={t('users.unit')}
        name="unit"
        style={{ marginBottom: 0 }}
        rules={rulesOf('unit', t('users.unit'))}
      >
        <Input maxLength={maxLengthOf('POST /api/users', 'unit')} />
      </Form.Item>
    </FormModal>
  );
}
