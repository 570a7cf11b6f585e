import { Alert, Button, Form, Select, Space, Typography } from 'antd';
import type { FeedType } from '../../../shared/feed-types.js';
import type { ResponseOf } from '../../api/contract.js';
import { useFeedColumnMap, useSaveFeedColumnMap } from '../../data/feeds.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type HeaderProblem = NonNullable<ResponseOf<'/api/feeds/upload', 'post'>['headerProblem']>;

/**
 * When a file's header did not match, the department says once which of its columns is which; the mapping is
 * saved for the department and feed type, and the same file is sent again with it.
 */
export function FeedColumnMapForm({
  feedType,
  problem,
  onSaved,
}: {
  feedType: FeedType;
  problem: HeaderProblem;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const current = useFeedColumnMap(feedType);
  const save = useSaveFeedColumnMap();
  const [form] = Form.useForm<Record<string, string>>();
  const options = problem.fileHeaders.map((h) => ({ value: h, label: h }));

  async function submit(values: Record<string, string>) {
    const mapping = { ...(current.data?.mapping ?? {}), ...values };
    await save.mutateAsync({ feedType, body: { mapping, version: current.data?.version ?? 0 } });
    onSaved();
  }

  return (
    <div data-testid="feed-column-map" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t('feeds.mapTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('feeds.mapHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="feed-column-map">
        <Space wrap align="end">
          {problem.missing.map((m) => (
            <Form.Item
              key={m.key}
              name={m.key}
              label={m.header}
              rules={[{ required: true, message: t('feeds.mapRequired', { column: m.header }) }]}
              style={{ minWidth: 200 }}
            >
              <Select aria-label={m.header} options={options} placeholder={t('feeds.mapPick')} />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={current.isLoading}>
              {t('feeds.mapSave')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {save.error ? <Alert type="error" showIcon title={errorText(save.error)} /> : null}
    </div>
  );
}
