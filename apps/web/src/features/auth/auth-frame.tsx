import type { ReactNode } from 'react';
import { COURT_RED } from '../../platform/theme.ts';

/** The sign-in look: a court-red banner with the platform's name above one narrow card. */
export function AuthFrame({ children, subtitle }: { children: ReactNode; subtitle?: string }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{
          background: `linear-gradient(160deg, ${COURT_RED} 0%, #8f0d14 100%)`,
          color: '#fff',
          padding: '40px 16px 72px',
          textAlign: 'center',
        }}
      >
        <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: 12, textIndent: 12 }}>旗帜</div>
        <div style={{ fontSize: 16, marginTop: 8, letterSpacing: 2, opacity: 0.92 }}>
          {subtitle ?? '人民法院党建工作平台'}
        </div>
      </header>
      <main
        style={{
          width: '100%',
          maxWidth: 400,
          margin: '-48px auto 0',
          padding: '0 16px 32px',
          boxSizing: 'border-box',
        }}
      >
        {children}
      </main>
      <footer style={{ marginTop: 'auto', padding: 16, textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
        坚持党建引领 · 服务审判执行
      </footer>
    </div>
  );
}
