import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type DeclarationInput, type DeclarationStatus, declarationApi } from '../../api/department.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { applyServerFieldErrors, errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';

const MAX_PHOTO = 2 * 1024 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The public page a village's QR code opens (一码通), outside the login and made for phones: a farmer
 * declares a difficulty and gets a reference, or looks up a declaration with reference and phone.
 */
export function DeclarePage() {
  const { t } = useI18n();
  const code = useParams().code ?? '';
  const village = useRemote(() => declarationApi.village(code), `declare-${code}`);
  const [form] = Form.useForm<DeclarationInput>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  async function submit(values: DeclarationInput) {
    setBusy(true);
    setError(null);
    try {
      const receipt = await declarationApi.declare(code, {
        ...values,
        photo: photo ? await readAsDataUrl(photo) : null,
      });
      setReference(receipt.reference);
    } catch (cause) {
      if (!applyServerFieldErrors(form, cause, ['name', 'idNumber', 'phone', 'description'])) {
        setError(errorMessage(cause, t('common.loadFailed')));
      }
    } finally {
      setBusy(false);
    }
  }

  const v = village.data;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 16, minHeight: '100vh', background: '#f5f5f5' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('declare.title')}
        </Typography.Title>
        {village.error ? <Alert type="error" showIcon title={t('declare.notFound')} /> : null}
        {v ? (
          <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }} data-testid="declare-village">
            {v.county} {v.town} {v.village}
          </Typography.Title>
        ) : null}
        {reference ? (
          <Result
            icon={<CheckCircleFilled style={{ color: '#1f6f43' }} />}
            title={t('declare.done')}
            subTitle={
              <>
                {t('declare.reference')}：
                <Typography.Text strong copyable data-testid="declare-reference" style={{ fontSize: 18 }}>
                  {reference}
                </Typography.Text>
                <br />
                {t('declare.keep')}
              </>
            }
          />
        ) : v ? (
          <>
            <Typography.Paragraph type="secondary">{t('declare.intro')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
              <Form.Item
                name="name"
                label={t('declare.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('declare.required', { field: t('declare.name') }),
                  },
                ]}
              >
                <Input autoComplete="name" maxLength={50} />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('declare.idNumber')}
                rules={[{ required: true, message: t('declare.required', { field: t('declare.idNumber') }) }]}
              >
                <Input inputMode="text" maxLength={22} />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('declare.phone')}
                rules={[{ required: true, message: t('declare.required', { field: t('declare.phone') }) }]}
              >
                <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('declare.description')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('declare.required', { field: t('declare.description') }),
                  },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} placeholder={t('declare.descriptionHint')} />
              </Form.Item>
              <Form.Item
                label={t('declare.photo')}
                htmlFor="declare-photo"
                validateStatus={photoError ? 'error' : ''}
                help={photoError}
              >
                <input
                  id="declare-photo"
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  onChange={(e) => {
                    const file = e.target.files?.[0] ?? null;
                    setPhotoError(file && file.size > MAX_PHOTO ? t('declare.photoTooLarge') : null);
                    setPhoto(file && file.size <= MAX_PHOTO ? file : null);
                  }}
                />
              </Form.Item>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('declare.submit')}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t('declare.privacy')}
            </Typography.Paragraph>
          </>
        ) : null}
      </Card>
      <StatusLookup />
    </div>
  );
}

function StatusLookup() {
  const { t } = useI18n();
  const [status, setStatus] = useState<DeclarationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function lookup(values: { reference: string; phone: string }) {
    setBusy(true);
    setError(null);
    try {
      setStatus(await declarationApi.status(values.reference, values.phone));
    } catch (cause) {
      setStatus(null);
      setError(errorMessage(cause, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('declare.lookup')}
      </Typography.Title>
      <Form layout="vertical" onFinish={lookup} requiredMark={false}>
        <Form.Item name="reference" label={t('decl.reference')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('declare.phone')} rules={[{ required: true }]}>
          <Input type="tel" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          {t('declare.lookupSubmit')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {status ? (
        <>
          <Divider />
          <Typography.Paragraph data-testid="declare-status" strong>
            {status.statusText}
          </Typography.Paragraph>
        </>
      ) : null}
    </Card>
  );
}
