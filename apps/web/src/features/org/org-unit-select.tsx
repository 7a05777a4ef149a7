import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildOrgTree, toSelectTree } from './org-tree.ts';
import { useOrgUnits } from './org.queries.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  className?: string;
}

/** Pick a party organisation (党组织/党小组) from the tree; usable as a Form.Item control. */
export function OrgUnitSelect({
  value,
  onChange,
  placeholder = '选择党组织',
  allowClear = true,
  id,
  className,
}: Props) {
  const units = useOrgUnits();
  const treeData = useMemo(() => toSelectTree(buildOrgTree(units.data ?? [])), [units.data]);
  return (
    <TreeSelect
      id={id}
      className={className}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      loading={units.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
    />
  );
}
