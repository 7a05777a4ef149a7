import type { ReactNode } from 'react';
import styles from './auth.module.css';

/** The sign-in look: a court-red banner with the platform's name above one narrow card. */
export function AuthFrame({ children, subtitle }: { children: ReactNode; subtitle?: string }) {
  return (
    <div className={styles.frame}>
      <header className={styles.banner}>
        <div className={styles.brand}>旗帜</div>
        <div className={styles.subtitle}>{subtitle ?? '人民法院党建工作平台'}</div>
      </header>
      <main className={styles.main}>{children}</main>
      <footer className={styles.footer}>坚持党建引领 · 服务审判执行</footer>
    </div>
  );
}
