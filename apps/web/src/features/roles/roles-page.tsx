import { CheckOutlined } from '@ant-design/icons';
import { Card, Skeleton, Table, Tag, type TableProps } from 'antd';
import { PERMISSIONS, SEPARATED_ADMIN_ROLES } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import type { RoleInfo } from '../../platform/schema-types.ts';
import ui from '../../platform/ui.module.css';
import { useRoles } from '../users/users.queries.ts';
import styles from './roles.module.css';

interface PermissionRow {
  code: string;
  name: string;
  holders: Set<string>;
}

function matrixOf(roles: readonly RoleInfo[]): PermissionRow[] {
  const rows = new Map<string, PermissionRow>(
    Object.entries(PERMISSIONS).map(([code, name]) => [code, { code, name, holders: new Set<string>() }]),
  );
  for (const role of roles) {
    for (const permission of role.permissions) {
      const row = rows.get(permission.code) ?? {
        code: permission.code,
        name: permission.name,
        holders: new Set<string>(),
      };
      row.holders.add(role.code);
      rows.set(permission.code, row);
    }
  }
  return [...rows.values()];
}

/** Read-only: which role may do what. Roles are granted on 用户管理. */
export default function RolesPage() {
  const roles = useRoles();
  if (roles.isPending) return <Skeleton active />;
  if (roles.isError) return <QueryErrorAlert error={roles.error} />;

  const columns: TableProps<PermissionRow>['columns'] = [
    {
      title: '权限',
      dataIndex: 'name',
      fixed: 'left',
      width: 200,
    },
    ...roles.data.map((role) => ({
      title: role.name,
      key: role.code,
      align: 'center' as const,
      render: (_: unknown, row: PermissionRow) =>
        row.holders.has(role.code) ? <CheckOutlined className={styles.granted} aria-label="有此权限" /> : null,
    })),
  ];

  return (
    <>
      <Card className={ui.above}>
        <h1 className={`page-title ${styles.title}`}>角色权限</h1>
        <Table<RoleInfo>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={roles.data}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: '角色',
              dataIndex: 'name',
              render: (name: string, role) => (
                <Tag color={SEPARATED_ADMIN_ROLES.includes(role.code) ? 'purple' : 'red'}>{name}</Tag>
              ),
            },
            { title: '说明', dataIndex: 'description' },
            { title: '权限数', key: 'count', align: 'right', render: (_: unknown, role) => role.permissions.length },
          ]}
        />
        <p className={styles.note}>
          系统管理员、安全管理员、审计管理员三员分立，不得由同一人兼任。角色在“用户管理”中授予，可限定到某个党组织及其下级。
        </p>
      </Card>
      <Card title="权限矩阵">
        <Table<PermissionRow>
          rowKey="code"
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={matrixOf(roles.data)}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
