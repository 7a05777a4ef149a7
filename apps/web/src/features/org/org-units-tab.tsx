import { useMemo, useRef, useState } from 'react';
import { WarningFilled } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { ORG_KIND_LABELS, type OrgUnit } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import ui from '../../platform/ui.module.css';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { useSave } from '../../platform/use-save.ts';
import { OrgNoticeList } from './org-notices.tsx';
import { orgApi } from './org.api.ts';
import styles from './org.module.css';
import { orgUnitsKey, useOrgUnits } from './org.queries.ts';
import { buildOrgTree, type OrgTreeNode } from './org-tree.ts';
import { OrgUnitDetail } from './org-unit-detail.tsx';
import { OrgUnitDrawer, type OrgDrawerState } from './org-unit-drawer.tsx';

function toTreeData(nodes: readonly OrgTreeNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: (
      <Space size={4} wrap={false}>
        <Tag color={unit.kind === 'cell' ? 'default' : 'red'} className={styles.kindTag}>
          {ORG_KIND_LABELS[unit.kind]}
        </Tag>
        <span>{unit.name}</span>
        <Typography.Text type="secondary">{unit.memberCount}人</Typography.Text>
        {unit.notices.length > 0 && <WarningFilled className={styles.warning} aria-label="有提醒" />}
      </Space>
    ),
    children: toTreeData(children),
  }));
}

export function OrgUnitsTab() {
  const isPhone = useIsPhone();
  const units = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units.data ?? []), [units.data]);
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<OrgDrawerState>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const remove = useSave({
    save: (unit: OrgUnit) => orgApi.deleteUnit(unit.id),
    invalidates: [orgUnitsKey],
    success: (_, unit) => `已删除：${unit.name}`,
    onSaved: (_, unit) => {
      setSelectedId(unit.parentId);
    },
  });

  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryErrorAlert error={units.error} />;

  const byId = new Map(units.data.map((u) => [u.id, u]));
  const selected: OrgUnit | undefined = (selectedId ? byId.get(selectedId) : undefined) ?? tree[0]?.unit;
  const withNotices = units.data.filter((u) => u.notices.length > 0);

  if (!selected) return <Empty description="还没有党组织" />;
  return (
    <>
      {withNotices.length > 0 && (
        <Card size="small" title="提醒事项" className={ui.above}>
          <OrgNoticeList units={withNotices} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title="组织架构">
            <Tree
              treeData={treeData}
              defaultExpandAll
              blockNode
              selectedKeys={[selected.id]}
              onSelect={(keys) => {
                const key = keys[0];
                if (typeof key !== 'string') return;
                setSelectedId(key);
                if (isPhone) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              }}
              className={styles.tree}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14} ref={detailRef}>
          <OrgUnitDetail
            unit={selected}
            parent={selected.parentId ? byId.get(selected.parentId) : undefined}
            onAddChild={() => {
              setDrawer({ mode: 'create', parent: selected });
            }}
            onEdit={() => {
              setDrawer({ mode: 'edit', unit: selected });
            }}
            onDelete={() => {
              remove.save(selected);
            }}
          />
        </Col>
      </Row>
      <OrgUnitDrawer
        state={drawer}
        onClose={() => {
          setDrawer(null);
        }}
      />
    </>
  );
}
