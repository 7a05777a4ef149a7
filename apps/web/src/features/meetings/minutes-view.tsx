import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import styles from './minutes.module.css';

/**
 * Stored minutes as HTML. The server cleans minutes to its allow-list (sanitize-html) before it
 * stores them, so what comes back is rendered as it is.
 */
export function MinutesView({ html }: { html: string }) {
  return <div className={styles.minutes} dangerouslySetInnerHTML={{ __html: html }} />;
}

const Editor = lazy(() => import('./minutes-editor.tsx'));

/** The editor is heavy (ProseMirror): fetched only when someone starts editing minutes. */
export function MinutesEditor(props: { initial: string; onChange: (html: string) => void; label?: string }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <Editor {...props} />
    </Suspense>
  );
}
