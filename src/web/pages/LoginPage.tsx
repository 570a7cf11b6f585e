import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { FullPageSpinner } from '../auth/guards.js';
import { useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Logo } from '../layout/Brand.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';

interface LoginForm {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me === undefined) {
    return <FullPageSpinner />;
  }
  if (me) {
    return (
      <Navigate to={me.mustChangePassword ? '/change-password' : redirectTarget(location.state)} replace />
    );
  }

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const next = await login(values.username.trim(), values.password);
      void navigate(next.mustChangePassword ? '/change-password' : redirectTarget(location.state), {
        replace: true,
      });
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('login.failed'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #eaf4ee 0%, #f5f7fa 55%, #ffffff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch size="small" />
      </div>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Logo size={56} />
          <Typography.Title level={1} style={{ margin: '12px 0 4px', fontSize: 32, letterSpacing: 4 }}>
            守底
            <span
              style={{
                fontSize: 16,
                fontWeight: 400,
                letterSpacing: 0,
                marginInlineStart: 8,
                color: '#6b7280',
              }}
            >
              Shoudi
            </span>
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Card title={t('login.title')} styles={{ header: { fontSize: 18 } }}>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          ) : null}
          <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={submitting}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('login.hint')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
