import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../auth/SessionProvider.js';
import { useChangePassword } from '../data/session.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { applyServerFieldErrors, errorMessage } from '../util/formErrors.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Reached from the header, or forced before anything else while a temporary password is in use. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const changePassword = useChangePassword();
  const submitting = changePassword.isPending;

  const onFinish = async (values: PasswordForm) => {
    setError(null);
    try {
      await changePassword.mutateAsync({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      void message.success(t('password.changed'));
      await refresh();
      void navigate('/', { replace: true });
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['currentPassword', 'newPassword'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: '#f5f7fa',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch size="small" />
      </div>
      <Card
        title={t('password.title')}
        style={{ width: '100%', maxWidth: 420 }}
        extra={
          me.mustChangePassword ? (
            <Button type="link" onClick={() => logout().then(() => navigate('/login', { replace: true }))}>
              {t('header.logout')}
            </Button>
          ) : (
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.backToWorkbench')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {me.displayName}（{me.username}）
        </Typography.Paragraph>
        {me.mustChangePassword ? (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.rule')}
            rules={[
              { required: true, message: t('password.required') },
              { min: 8, message: t('password.tooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
