import { useMemo, useRef, useState } from 'react';
import { WarningFilled } from '@ant-design/icons';
import { App, Card, Col, Empty, Row, Skeleton, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ORG_KIND_LABELS, type OrgUnit } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { OrgNotices } from './org-notices.tsx';
import { orgUnitsKey, useOrgUnits } from './org-queries.ts';
import { buildOrgTree, type OrgTreeNode } from './org-tree.ts';
import { OrgUnitDetail } from './org-unit-detail.tsx';
import { OrgUnitDrawer, type OrgDrawerState } from './org-unit-drawer.tsx';

function toTreeData(nodes: readonly OrgTreeNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: (
      <Space size={4} wrap={false}>
        <Tag color={unit.kind === 'cell' ? 'default' : 'red'} style={{ marginInlineEnd: 0 }}>
          {ORG_KIND_LABELS[unit.kind]}
        </Tag>
        <span>{unit.name}</span>
        <Typography.Text type="secondary">{unit.memberCount}人</Typography.Text>
        {unit.notices.length > 0 && <WarningFilled style={{ color: '#faad14' }} aria-label="有提醒" />}
      </Space>
    ),
    children: toTreeData(children),
  }));
}

export function OrgUnitsTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const units = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units.data ?? []), [units.data]);
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<OrgDrawerState>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryErrorAlert error={units.error} />;

  const byId = new Map(units.data.map((u) => [u.id, u]));
  const selected: OrgUnit | undefined = (selectedId ? byId.get(selectedId) : undefined) ?? tree[0]?.unit;
  const withNotices = units.data.filter((u) => u.notices.length > 0);

  async function remove(unit: OrgUnit) {
    try {
      await api.delete(`/api/org-units/${unit.id}`);
      void message.success(`已删除：${unit.name}`);
      setSelectedId(unit.parentId);
      await queryClient.invalidateQueries({ queryKey: orgUnitsKey });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  if (!selected) return <Empty description="还没有党组织" />;
  return (
    <>
      {withNotices.length > 0 && (
        <Card size="small" title="提醒事项" style={{ marginBottom: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {withNotices.map((unit) => (
              <OrgNotices key={unit.id} unit={unit} withName />
            ))}
          </Space>
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
              style={{ overflowX: 'auto' }}
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
            onDelete={() => remove(selected)}
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
