import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useParams } from 'react-router';
import { useDeclarationVillage, villageQrUrl } from '../../data/declarations.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The printable poster of a village's declaration page: its name, the QR code and what to do. */
export function PosterPage() {
  const { t } = useI18n();
  const code = useParams().code ?? '';
  const errorText = useErrorText();
  const village = useDeclarationVillage(code);
  if (village.error) {
    return <Alert type="error" showIcon title={errorText(village.error, t('declare.notFound'))} />;
  }
  const v = village.data;
  return (
    <div style={{ display: 'grid', placeItems: 'center' }}>
      <style>{'@media print { .no-print, aside, header, footer { display: none !important; } }'}</style>
      <div
        data-testid="poster"
        style={{
          width: 560,
          padding: 40,
          border: '6px solid #b7282e',
          borderRadius: 16,
          textAlign: 'center',
          background: '#fff',
        }}
      >
        <Typography.Title level={2} style={{ color: '#b7282e', marginTop: 0 }}>
          {t('poster.title')}
        </Typography.Title>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {v ? `${v.county}${v.town}${v.village}` : ''}
        </Typography.Title>
        <img src={villageQrUrl(code)} alt={t('decl.poster')} style={{ width: 320, height: 320 }} />
        <Typography.Title level={3}>{t('poster.scan')}</Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, textAlign: 'left' }}>
          {t('poster.body')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('poster.hotline')}</Typography.Paragraph>
      </div>
      <Button
        className="no-print"
        icon={<PrinterOutlined />}
        style={{ marginTop: 16 }}
        onClick={() => window.print()}
      >
        {t('poster.print')}
      </Button>
    </div>
  );
}
