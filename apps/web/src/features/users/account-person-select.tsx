import { Select } from 'antd';
import type { PersonChoice } from '@qizhi/domain';
import { usePersonChoices } from './users.queries.ts';

export function choiceLabel(p: Pick<PersonChoice, 'name' | 'orgUnitName'>): string {
  return p.orgUnitName ? `${p.name}（${p.orgUnitName}）` : p.name;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Told the chosen person, e.g. to fill in the account's name. */
  onPicked?: (person: PersonChoice | null) => void;
  /** This account's own person stays choosable though it has an account. */
  ownPersonId?: string | null;
  id?: string;
}

/**
 * Pick a roster person by name and organisation — all the account administrator may see of the
 * roster (三员分立). People who already have an account are shown but cannot be picked.
 */
export function AccountPersonSelect({ value, onChange, onPicked, ownPersonId, id }: Props) {
  const choices = usePersonChoices();
  const items = choices.data?.items ?? [];
  return (
    <Select<string>
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder="输入姓名搜索花名册人员"
      loading={choices.isFetching}
      value={value ?? undefined}
      options={items.map((p) => ({
        value: p.id,
        label: p.username && p.id !== ownPersonId ? `${choiceLabel(p)} · 已有账号 ${p.username}` : choiceLabel(p),
        disabled: p.username !== null && p.id !== ownPersonId,
      }))}
      onChange={(next: string | undefined) => {
        onChange?.(next ?? null);
        onPicked?.(items.find((p) => p.id === next) ?? null);
      }}
    />
  );
}
