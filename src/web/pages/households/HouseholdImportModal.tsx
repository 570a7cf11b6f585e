import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  type HouseholdImportResult,
  importProblemsUrl,
  useImportHouseholds,
} from '../../data/household-transfer.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * Imports households in the national layout into the user's scope (a village, town or county): the file goes
 * up with its progress shown, and the answer says what was imported and lists every refused row, with the
 * report to download. With any refused row nothing is imported unless the user chose to skip bad rows.
 */
export function HouseholdImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const importing = useImportHouseholds();
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [percent, setPercent] = useState(0);
  const [result, setResult] = useState<HouseholdImportResult | null>(null);

  const close = () => {
    setFile(null);
    setResult(null);
    setPercent(0);
    importing.reset();
    onClose();
  };
  const send = async () => {
    if (!file) {
      return;
    }
    setResult(null);
    setPercent(0);
    setResult(await importing.mutateAsync({ file, skipBadRows, onProgress: setPercent }).catch(() => null));
  };

  return (
    <Modal
      open={open}
      title={t('hhImport.title')}
      onCancel={close}
      width={720}
      data-testid="household-import"
      footer={
        <Space>
          <Button onClick={close}>{t('hhImport.close')}</Button>
          <Button type="primary" disabled={!file} loading={importing.isPending} onClick={send}>
            {t('hhImport.send')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('hhImport.help')}</Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t('hhImport.choose')}</Button>
        </Upload>
        <Checkbox checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)}>
          {t('hhImport.skipBadRows')}
        </Checkbox>
        {importing.isPending || percent > 0 ? (
          <Progress
            percent={percent}
            status={importing.isPending ? 'active' : undefined}
            format={(p) => (p === 100 && importing.isPending ? t('hhImport.checking') : `${p}%`)}
          />
        ) : null}
        {importing.error ? <Alert type="error" showIcon title={errorText(importing.error)} /> : null}
        {result ? (
          <>
            <Alert
              data-testid="household-import-result"
              type={
                result.status === 'imported' ? 'success' : result.status === 'partial' ? 'warning' : 'error'
              }
              showIcon
              title={t(`hhImport.status.${result.status}`, {
                households: result.households,
                persons: result.persons,
                refused: result.problems.length,
                rows: result.totalRows,
              })}
              action={
                result.problems.length > 0 ? (
                  <a href={importProblemsUrl(result.jobId)} download>
                    {t('hhImport.downloadProblems')}
                  </a>
                ) : null
              }
            />
            {result.problems.length > 0 ? (
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.reason}`}
                dataSource={result.problems}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: t('hhImport.row'), dataIndex: 'row', width: 80 },
                  { title: t('hhImport.reason'), dataIndex: 'reason' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
