import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** Shows a reset password once; closing the modal forgets it. */
export function TempPasswordModal({
  result,
  onClose,
}: {
  result: { name: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={result !== null}
      title={t('users.tempPasswordTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.ok')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      {result ? (
        <>
          <Alert type="warning" showIcon title={t('users.tempPasswordBody', { name: result.name })} />
          <div style={{ textAlign: 'center', margin: '24px 0 8px' }}>
            <Typography.Text
              code
              copyable={{ text: result.password, tooltips: [t('common.copy'), t('common.copied')] }}
              style={{ fontSize: 22, letterSpacing: 2 }}
              data-testid="temporary-password"
            >
              {result.password}
            </Typography.Text>
          </div>
        </>
      ) : null}
    </Modal>
  );
}
