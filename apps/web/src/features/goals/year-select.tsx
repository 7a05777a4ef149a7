import { Select } from 'antd';
import { courtYear } from '@qizhi/domain';
import styles from './goals.module.css';

/** Years around this one (on the court's calendar), newest first. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const now = courtYear();
  const years = Array.from({ length: 6 }, (_, i) => now + 1 - i);
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      value={value}
      onChange={onChange}
      className={styles.yearSelect}
      aria-label="年度"
      options={years.map((y) => ({ value: y, label: `${String(y)}年度` }))}
    />
  );
}
