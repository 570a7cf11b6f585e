import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.js';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={<Button onClick={() => navigate('/')}>{t('common.backToWorkbench')}</Button>}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.body')}
      extra={<Button onClick={() => navigate('/')}>{t('common.backToWorkbench')}</Button>}
    />
  );
}
