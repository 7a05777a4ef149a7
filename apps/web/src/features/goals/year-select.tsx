import { Select } from 'antd';
import { thisYear } from './goals-queries.ts';

/** Years around this one, newest first. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const now = thisYear();
  const years = Array.from({ length: 6 }, (_, i) => now + 1 - i);
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      aria-label="年度"
      options={years.map((y) => ({ value: y, label: `${String(y)}年度` }))}
    />
  );
}
