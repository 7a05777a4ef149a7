import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { ORG_CHILD_KINDS, ORG_KIND_LABELS, type OrgUnit } from '@qizhi/domain';
import { useCan } from '../../platform/session.tsx';
import { OrgNotices } from './org-notices.tsx';
import styles from './org.module.css';

interface Props {
  unit: OrgUnit;
  parent: OrgUnit | undefined;
  onAddChild: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

export function leaderTitle(unit: Pick<OrgUnit, 'kind'>): string {
  return unit.kind === 'cell' ? '党小组长' : '书记';
}

export function OrgUnitDetail({ unit, parent, onAddChild, onEdit, onDelete }: Props) {
  const can = useCan();
  const manage = can('org.manage');
  const term =
    unit.termYears === null
      ? '无任期（不提示换届）'
      : unit.termStartedOn
        ? `${unit.termStartedOn} 至 ${unit.termEndsOn ?? '—'}（任期${String(unit.termYears)}年）`
        : `—（任期${String(unit.termYears)}年）`;

  return (
    <Card
      title={
        <Space wrap>
          <Tag color="red">{ORG_KIND_LABELS[unit.kind]}</Tag>
          <span>{unit.name}</span>
        </Space>
      }
      extra={
        manage && (
          <Space wrap size={4}>
            {ORG_CHILD_KINDS[unit.kind].length > 0 && (
              <Button size="small" icon={<PlusOutlined />} onClick={onAddChild}>
                新增下级
              </Button>
            )}
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              编辑
            </Button>
            {unit.parentId && (
              <Popconfirm
                title={`删除“${unit.name}”？`}
                description="只能删除没有下级组织和党员的组织。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={onDelete}
              >
                <Button size="small" danger icon={<DeleteOutlined />}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <OrgNotices unit={unit} />
      <Descriptions
        className={unit.notices.length ? styles.details : undefined}
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        classNames={{ label: styles.label }}
        items={[
          { key: 'kind', label: '组织类别', children: ORG_KIND_LABELS[unit.kind] },
          { key: 'parent', label: '上级组织', children: parent?.name ?? '—' },
          { key: 'secretary', label: leaderTitle(unit), children: unit.secretaryName ?? '—' },
          { key: 'members', label: '党员人数', children: `${String(unit.memberCount)}名` },
          { key: 'established', label: '成立时间', children: unit.establishedOn ?? '—' },
          { key: 'term', label: '本届任期', children: term },
          {
            key: 'committee',
            label: unit.kind === 'cell' ? '成员分工' : '委员会',
            span: 'filled',
            children: unit.committee.length
              ? unit.committee.map((seat) => (
                  <Tag key={`${seat.personId}-${seat.post}`} className={styles.seat}>
                    {seat.post}：{seat.name}
                  </Tag>
                ))
              : '—',
          },
        ]}
      />
      {can('people.read') && (
        <Link to={`/members?orgUnitId=${unit.id}`} className={styles.membersLink}>
          <TeamOutlined /> 查看本组织党员
        </Link>
      )}
    </Card>
  );
}
