import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, List, Row, Space, Typography } from 'antd';
import { ROLE_LABELS } from '../../shared/roles.js';
import { useMe, useSession } from '../auth/SessionProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FundsCard } from './funds/FundsCard.js';
import { DashboardPanel } from './reports/DashboardPanel.js';
import { MissingLineAlert } from './system/monitoring-lines/MissingLineAlert.js';

/** The landing page: who you are, where, and what you may do; no invented figures. */
export function WorkbenchPage() {
  const me = useMe();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const dashboard = can('report.read');
  return (
    <Row gutter={[16, 16]}>
      {can('screening.configure') ? (
        <Col xs={24}>
          <MissingLineAlert />
        </Col>
      ) : null}
      <Col xs={24} xl={dashboard ? 24 : 14}>
        <Card data-testid="welcome-card">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('workbench.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('workbench.intro')}</Typography.Paragraph>
          <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
            <Descriptions.Item label={t('workbench.username')}>{me.username}</Descriptions.Item>
            <Descriptions.Item label={t('workbench.role')}>{pick(ROLE_LABELS[me.role])}</Descriptions.Item>
            <Descriptions.Item label={t('workbench.region')}>{me.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('workbench.regionLevel')}>
              {t(`level.${me.regionLevel}`)}
            </Descriptions.Item>
            {me.department ? (
              <Descriptions.Item label={t('workbench.department')}>{me.department}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      </Col>
      {dashboard ? (
        <Col xs={24} data-testid="workbench-dashboard">
          <DashboardPanel />
        </Col>
      ) : null}
      {can('fund.read') ? (
        <Col xs={24}>
          <FundsCard />
        </Col>
      ) : null}
      <Col xs={24} xl={dashboard ? 24 : 10}>
        <Card title={t('workbench.permissions')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={me.permissions}
            locale={{ emptyText: t('workbench.noPermissions') }}
            renderItem={(permission) => (
              <List.Item>
                <Space>
                  <CheckCircleOutlined style={{ color: '#1f6f43' }} />
                  {t(`perm.${permission}`)}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
