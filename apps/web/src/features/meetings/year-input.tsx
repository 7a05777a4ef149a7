import { InputNumber } from 'antd';

/** The year a board or a ledger shows, typed (meetings go back years; a list of years would not). */
export function YearInput({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  return (
    <InputNumber value={value} min={2000} max={2100} onChange={(v) => v && onChange(v)} suffix="年" aria-label="年份" />
  );
}
