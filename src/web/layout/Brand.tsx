import { useI18n } from '../i18n/I18nProvider.js';

export function Logo({ size = 28 }: { size?: number }) {
  return <img src="/favicon.svg" width={size} height={size} alt="" aria-hidden="true" />;
}

/** The product name at the top of the navigation. */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const { lang } = useI18n();
  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        alignItems: 'center',
        justifyContent: collapsed ? 'center' : 'flex-start',
        gap: 10,
        padding: collapsed ? 0 : '0 20px',
        color: '#fff',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <Logo />
      {collapsed ? null : (
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>
          {lang === 'zh' ? '守底' : 'Shoudi'}
          <span style={{ fontSize: 12, fontWeight: 400, opacity: 0.65, marginInlineStart: 8 }}>
            {lang === 'zh' ? 'Shoudi' : '守底'}
          </span>
        </span>
      )}
    </div>
  );
}
