import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  type DeclarationBody,
  type DeclarationStatusBody,
  useDeclarationStatus,
  useDeclarationVillage,
  useDeclare,
} from '../../data/declarations.js';
import { showOnFields } from '../../forms/FormModal.js';
import { maxLengthOf } from '../../forms/field-rules.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const MAX_PHOTO = 2 * 1024 * 1024;
const DECLARE = 'POST /api/public/declare/{code}';
const LOOKUP = 'POST /api/public/declarations/status';

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
  const errorText = useErrorText();
  const village = useDeclarationVillage(code);
  const declare = useDeclare(code);
  const [form] = Form.useForm<DeclarationBody>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  async function submit(values: DeclarationBody) {
    setBusy(true);
    setError(null);
    try {
      const receipt = await declare.mutateAsync({
        ...values,
        photo: photo ? await readAsDataUrl(photo) : null,
      });
      setReference(receipt.reference);
    } catch (cause) {
      if (!showOnFields(form, cause)) {
        setError(errorText(cause, t('common.loadFailed')));
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
                <Input autoComplete="name" maxLength={maxLengthOf(DECLARE, 'name')} />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('declare.idNumber')}
                rules={[{ required: true, message: t('declare.required', { field: t('declare.idNumber') }) }]}
              >
                <Input inputMode="text" maxLength={maxLengthOf(DECLARE, 'idNumber')} />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('declare.phone')}
                rules={[{ required: true, message: t('declare.required', { field: t('declare.phone') }) }]}
              >
                <Input
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  maxLength={maxLengthOf(DECLARE, 'phone')}
                />
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
                <Input.TextArea
                  rows={4}
                  maxLength={maxLengthOf(DECLARE, 'description')}
                  placeholder={t('declare.descriptionHint')}
                />
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
  const errorText = useErrorText();
  const lookup = useDeclarationStatus();
  const status = lookup.data;
  return (
    <Card style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('declare.lookup')}
      </Typography.Title>
      <Form<DeclarationStatusBody>
        layout="vertical"
        onFinish={(values) => lookup.mutate(values)}
        requiredMark={false}
      >
        <Form.Item name="reference" label={t('decl.reference')} rules={[{ required: true }]}>
          <Input maxLength={maxLengthOf(LOOKUP, 'reference')} />
        </Form.Item>
        <Form.Item name="phone" label={t('declare.phone')} rules={[{ required: true }]}>
          <Input type="tel" inputMode="tel" maxLength={maxLengthOf(LOOKUP, 'phone')} />
        </Form.Item>
        <Button htmlType="submit" block loading={lookup.isPending}>
          {t('declare.lookupSubmit')}
        </Button>
      </Form>
      {lookup.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(lookup.error, t('common.loadFailed'))}
          style={{ marginTop: 12 }}
        />
      ) : null}
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
