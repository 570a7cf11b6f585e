import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
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
  const send = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    setResult(null);
    setPercent(0);
    setResult(
      await importing.mutateAsync({ file, skipBadRows, dryRun, onProgress: setPercent }).catch(() => null),
    );
  };
  const alertType = (status: HouseholdImportResult['status'], refused: number) =>
    status === 'imported'
      ? 'success'
      : status === 'checked'
        ? refused > 0
          ? 'warning'
          : 'info'
        : status === 'partial'
          ? 'warning'
          : 'error';
  // A check whose bad rows would stop the whole file says so, not "可导入 0 户".
  const statusKey = (r: HouseholdImportResult) =>
    r.status === 'checked' && r.problems.length > 0 && !skipBadRows ? 'checkedRefused' : r.status;

  return (
    <Modal
      open={open}
      title={t('hhImport.title')}
      onCancel={close}
      width={720}
      data-testid="household-import"
      footer={
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Link to="/households/imports" onClick={close}>
            {t('hhImport.history')}
          </Link>
          <Space wrap>
            <Button onClick={close}>{t('hhImport.close')}</Button>
            <Button disabled={!file} loading={importing.isPending} onClick={() => void send(true)}>
              {t('hhImport.check')}
            </Button>
            <Button
              type="primary"
              disabled={!file}
              loading={importing.isPending}
              onClick={() => void send(false)}
            >
              {t('hhImport.send')}
            </Button>
          </Space>
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
        <Checkbox
          checked={skipBadRows}
          onChange={(e) => {
            // The answer shown was for the other choice.
            setSkipBadRows(e.target.checked);
            setResult(null);
          }}
        >
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
              type={alertType(result.status, result.problems.length)}
              showIcon
              title={t(`hhImport.status.${statusKey(result)}`, {
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
            {result.notes.length > 0 ? (
              <Alert
                type="info"
                showIcon
                title={t('hhImport.notes', { count: result.notes.length })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {result.notes.slice(0, 5).map((n) => (
                      <li key={`${n.row}-${n.reason}`}>
                        {t('hhImport.noteLine', { row: n.row, reason: n.reason })}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {result.preview.length > 0 ? (
              <Table
                data-testid="household-import-preview"
                size="small"
                title={() =>
                  t(result.status === 'checked' ? 'hhImport.previewWould' : 'hhImport.previewDone', {
                    shown: result.preview.length,
                    households: result.households,
                  })
                }
                rowKey="row"
                dataSource={result.preview}
                pagination={false}
                scroll={{ x: 520 }}
                columns={[
                  { title: t('hhImport.row'), dataIndex: 'row', width: 70 },
                  { title: t('hhImport.householdNo'), dataIndex: 'householdNo', width: 170 },
                  { title: t('hhImport.head'), dataIndex: 'headName', width: 100 },
                  { title: t('hhImport.village'), dataIndex: 'village' },
                  { title: t('hhImport.members'), dataIndex: 'members', width: 70 },
                ]}
              />
            ) : null}
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
