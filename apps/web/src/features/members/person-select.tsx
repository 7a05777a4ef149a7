import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { usePersonSearch } from './members.queries.ts';

export interface PersonOption {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Labels for values already chosen, so the select shows names before any search. */
  knownOptions?: readonly PersonOption[];
  placeholder?: string;
  id?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return debounced;
}

/** Search the roster by name and pick one person; a Form.Item control. */
export function PersonSelect({ value, onChange, knownOptions = [], placeholder = '输入姓名搜索', id }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = usePersonSearch(q);
  const options = new Map<string, PersonOption>(knownOptions.map((o) => [o.value, o]));
  for (const m of found.data?.items ?? []) {
    const where = m.orgUnitName ?? m.departmentName;
    options.set(m.id, { value: m.id, label: where ? `${m.name}（${where}）` : m.name });
  }
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={[...options.values()]}
      loading={found.isFetching}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={found.isFetching ? '正在搜索…' : '没有找到'}
    />
  );
}
