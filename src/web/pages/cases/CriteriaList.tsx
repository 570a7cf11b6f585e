import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Space, Typography } from 'antd';
import type { Criterion } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CRITERION_LABELS } from '../../i18n/messages.js';

/** ✓/✗ per criterion, and whether the mode requires it. */
export function CriteriaList({ criteria }: { criteria: readonly Criterion[] }) {
  const { t, pick } = useI18n();
  return (
    <List
      size="small"
      dataSource={[...criteria]}
      renderItem={(c) => (
        <List.Item data-testid={`criterion-${c.code}`}>
          <Space>
            {c.met ? (
              <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('case.criteria.met')} />
            ) : (
              <CloseCircleFilled
                style={{ color: c.required ? '#cf1322' : '#bfbfbf' }}
                aria-label={t('case.criteria.unmet')}
              />
            )}
            <Typography.Text type={c.required ? undefined : 'secondary'}>
              {CRITERION_LABELS[c.code]
                ? pick(CRITERION_LABELS[c.code] as { zh: string; en: string })
                : c.code}
            </Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.required ? t('case.criteria.required') : t('case.criteria.optional')}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
