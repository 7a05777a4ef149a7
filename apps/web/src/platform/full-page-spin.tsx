import { Spin } from 'antd';
import styles from './ui.module.css';

export function FullPageSpin() {
  return (
    <div className={styles.pageSpin}>
      <Spin size="large" />
    </div>
  );
}
