import { App as AntdApp, ConfigProvider } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from './I18nProvider.js';

/**
 * antd ships its locales as ES modules without "type": "module", so TypeScript (NodeNext) sees a CommonJS
 * namespace while Vite hands over the default export itself; this accepts both.
 */
function esmDefault<T>(mod: { default: T }): T {
  const candidate = mod as unknown as { default?: T };
  return candidate.default ?? (mod as unknown as T);
}

const zhCN = esmDefault(zhCNModule);
const enUS = esmDefault(enUSModule);

export const THEME = {
  token: {
    colorPrimary: '#1f6f43',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/** antd's locale and theme follow the chosen language; `App` gives message/modal hooks their context. */
export function AntdLocale({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // Global and idempotent; set while rendering so that date pickers render in the new language at once.
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '守底 · 防止返贫动态监测' : 'Shoudi · Poverty-return monitoring';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
