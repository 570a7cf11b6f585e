import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/I18nProvider.js';

export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.switch')}
      data-testid="language-switch"
      size={size ?? 'middle'}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
