import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type PaymentImportResult, paymentTemplateUrl, useImportPayments } from '../../data/funds.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const ALERT_TYPE = { imported: 'success', partial: 'warning', refused: 'error', checked: 'info' } as const;

/**
 * 支付导入: the county uploads the treasury's payment list. 预检 checks the file and lists every bad row with
 * its reason and what an import would take, writing nothing; the import writes nothing while a row is bad
 * unless the user skips bad rows. The answer shown is for the file and the choice it was made with.
 */
export function PaymentImportTab() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const importing = useImportPayments();
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [result, setResult] = useState<PaymentImportResult | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    setResult(null);
    setResult(await importing.mutateAsync({ file, skipBadRows, dryRun }).catch(() => null));
  };
  // A check whose bad rows would stop the whole file says so, not "可导入 N 笔".
  const statusKey = (r: PaymentImportResult) =>
    r.status === 'checked' && r.problems.length > 0 && !skipBadRows ? 'checkedRefused' : r.status;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="payment-import">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('fundImport.help')}{' '}
        <a href={paymentTemplateUrl} download data-testid="payment-template">
          <DownloadOutlined /> {t('fundImport.template')}
        </a>
      </Typography.Paragraph>
      <Upload
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          importing.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('fundImport.choose')}</Button>
      </Upload>
      <Space wrap>
        <Checkbox
          checked={skipBadRows}
          onChange={(e) => {
            // The answer shown was for the other choice.
            setSkipBadRows(e.target.checked);
            setResult(null);
          }}
        >
          {t('fundImport.skipBadRows')}
        </Checkbox>
        <Button disabled={!file} loading={importing.isPending} onClick={() => void send(true)}>
          {t('fundImport.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file}
          loading={importing.isPending}
          onClick={() => void send(false)}
        >
          {t('fundImport.send')}
        </Button>
      </Space>
      {importing.error ? <Alert type="error" showIcon title={errorText(importing.error)} /> : null}
      {!file && !result ? <Empty description={t('fundImport.none')} /> : null}
      {result ? (
        <>
          <Alert
            data-testid="payment-import-result"
            type={statusKey(result) === 'checkedRefused' ? 'warning' : ALERT_TYPE[result.status]}
            showIcon
            title={t(`fundImport.status.${statusKey(result)}`, {
              accepted: result.acceptedRows,
              acceptedTotal: result.acceptedTotal,
              imported: result.imported,
              total: result.total,
              refused: result.problems.length,
              rows: result.totalRows,
            })}
          />
          {result.problems.length > 0 ? (
            <Table
              data-testid="payment-import-problems"
              size="small"
              rowKey={(p) => `${p.row}-${p.reason}`}
              dataSource={result.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('fundImport.row'), dataIndex: 'row', width: 80 },
                { title: t('fundImport.reason'), dataIndex: 'reason' },
              ]}
            />
          ) : null}
          {result.preview.length > 0 && result.status !== 'refused' ? (
            <Table
              data-testid="payment-import-preview"
              size="small"
              title={() =>
                t(result.status === 'checked' ? 'fundImport.previewWould' : 'fundImport.previewDone', {
                  shown: result.preview.length,
                  accepted: result.status === 'checked' ? result.acceptedRows : result.imported,
                })
              }
              rowKey="row"
              dataSource={result.preview}
              pagination={false}
              columns={[
                { title: t('fundImport.row'), dataIndex: 'row', width: 70 },
                { title: t('fundImport.projectId'), dataIndex: 'projectId', width: 90 },
                { title: t('fundImport.project'), dataIndex: 'projectName' },
                { title: t('fundImport.doc'), dataIndex: 'docNumber' },
                { title: t('fundImport.paidOn'), dataIndex: 'paidOn', width: 110 },
                { title: t('fundImport.amount'), dataIndex: 'amount', align: 'right', width: 140 },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
