import { ORG_KIND_LABELS, type OrgUnit } from '@qizhi/domain';

export interface OrgTreeNode {
  unit: OrgUnit;
  children: OrgTreeNode[];
}

function byOrder(a: OrgTreeNode, b: OrgTreeNode): number {
  return a.unit.sortOrder - b.unit.sortOrder || a.unit.name.localeCompare(b.unit.name, 'zh-CN');
}

/** The server sends a flat list; the tree is built here. Units whose parent is missing become roots. */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>(units.map((unit) => [unit.id, { unit, children: [] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: OrgTreeNode[]) => {
    list.sort(byOrder);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

export interface OrgSelectNode {
  value: string;
  title: string;
  children: OrgSelectNode[];
}

/** Tree data for antd TreeSelect. */
export function toSelectTree(nodes: readonly OrgTreeNode[]): OrgSelectNode[] {
  return nodes.map((node) => ({
    value: node.unit.id,
    title: node.unit.name,
    children: toSelectTree(node.children),
  }));
}

export function orgKindLabel(unit: Pick<OrgUnit, 'kind'>): string {
  return ORG_KIND_LABELS[unit.kind];
}
