import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { PageHeader } from './PageHeader.js';

/** A module that is not built yet says so plainly, with no placeholder data. */
export function ComingSoonPage({ module }: { module: MessageKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t(module)} />
      <Card>
        <Result
          icon={<ToolOutlined style={{ color: '#1f6f43' }} />}
          title={t('comingSoon.title')}
          subTitle={t('comingSoon.body', { module: t(module) })}
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              {t('comingSoon.back')}
            </Button>
          }
        />
      </Card>
    </>
  );
}
