import { useState } from 'react';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Table, type TableProps } from 'antd';
import { formatCourtDateTime, isAdministratorRole, type UserListItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import type { TemporaryPasswordResponse } from '../../platform/schema-types.ts';
import { useCan, useSession } from '../../platform/session.tsx';
import ui from '../../platform/ui.module.css';
import { usePageParams } from '../../platform/use-page-params.ts';
import { useSave } from '../../platform/use-save.ts';
import { useOrgUnits } from '../org/org.queries.ts';
import { AccountSlips } from './account-slips.tsx';
import { BulkAccountsModal, type BulkResult } from './bulk-accounts-modal.tsx';
import { RoleGrantTag } from './role-labels.tsx';
import { TemporaryPasswordModal } from './temporary-password-modal.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserDisableModal } from './user-disable-modal.tsx';
import { UserPersonModal } from './user-person-modal.tsx';
import { UserRenameModal } from './user-rename-modal.tsx';
import { UserRolesModal } from './user-roles-modal.tsx';
import { UserStatus } from './user-status.tsx';
import { usersApi } from './users.api.ts';
import styles from './users.module.css';
import { usersKey, useUserPage } from './users.queries.ts';

export default function UsersPage() {
  const can = useCan();
  const { user: me } = useSession();
  const { modal } = App.useApp();
  const { search, setSearch, page, pageSize, onPageChange } = usePageParams();
  const q = search.get('q') ?? undefined;
  const users = useUserPage({ q, page, pageSize });
  const orgUnits = useOrgUnits(can('org.read'));
  const orgNames = new Map((orgUnits.data ?? []).map((u) => [u.id, u.name]));
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<TemporaryPasswordResponse | null>(null);
  const [renaming, setRenaming] = useState<UserListItem | null>(null);
  const [granting, setGranting] = useState<UserListItem | null>(null);
  const [linking, setLinking] = useState<UserListItem | null>(null);
  const [disabling, setDisabling] = useState<UserListItem | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkDone, setBulkDone] = useState<BulkResult | null>(null);

  const enable = useSave({
    save: (user: UserListItem) => usersApi.update(user.id, { disabled: false }),
    invalidates: [usersKey],
    success: (_, user) => `已启用 ${user.username}`,
  });
  const unlock = useSave({
    save: (user: UserListItem) => usersApi.unlock(user.id),
    invalidates: [usersKey],
    success: (_, user) => `已解锁 ${user.username}`,
  });
  const reset = useSave({
    save: (user: UserListItem) => usersApi.resetPassword(user.id),
    invalidates: [usersKey],
    onSaved: setPassword,
  });

  const resetTwoFactor = useSave({
    save: (user: UserListItem) => usersApi.resetTwoFactor(user.id),
    invalidates: [usersKey],
    success: (_, user) => `已重置 ${user.username} 的双因素登录`,
  });

  function confirmResetTwoFactor(user: UserListItem) {
    modal.confirm({
      title: `重置 ${user.displayName} 的双因素登录？`,
      content: '原身份验证器和恢复码立即作废，本人须重新登录；本院要求双因素登录的账号，登录时重新绑定。',
      okText: '重置',
      cancelText: '取消',
      onOk: () => resetTwoFactor.saveAsync(user),
    });
  }

  function resetPassword(user: UserListItem) {
    modal.confirm({
      title: `重置 ${user.displayName} 的密码？`,
      content: '将生成新的临时密码，原密码立即失效；本人下次登录时须修改密码。',
      okText: '重置',
      cancelText: '取消',
      onOk: () => reset.saveAsync(user),
    });
  }

  const columns: TableProps<UserListItem>['columns'] = [
    { title: '用户名', dataIndex: 'username', fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '对应人员',
      key: 'person',
      render: (_: unknown, user) =>
        user.personName ? (
          <span>
            {user.personName}
            {user.orgUnitName && <span className={styles.unit}>{user.orgUnitName}</span>}
          </span>
        ) : (
          <span className={styles.unit}>未关联</span>
        ),
    },
    {
      title: '角色',
      key: 'roles',
      render: (_: unknown, user) =>
        user.roles.length
          ? user.roles.map((g) => (
              <RoleGrantTag
                key={`${g.role}-${g.orgUnitId ?? ''}`}
                grant={g}
                orgName={g.orgUnitId ? orgNames.get(g.orgUnitId) : undefined}
              />
            ))
          : '—',
    },
    { title: '状态', key: 'status', render: (_: unknown, user) => <UserStatus user={user} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      render: (at: string | null) => (at ? formatCourtDateTime(at) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, user) => (
        <Space size={0} wrap>
          {can('users.manage') && (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setRenaming(user);
                }}
              >
                修改姓名
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setLinking(user);
                }}
              >
                关联人员
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => {
                  resetPassword(user);
                }}
              >
                重置密码
              </Button>
              {user.id !== me.id && (
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  onClick={() => {
                    if (user.disabled) enable.save(user);
                    else setDisabling(user);
                  }}
                >
                  {user.disabled ? '启用' : '停用'}
                </Button>
              )}
            </>
          )}
          {can('roles.assign') && (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setGranting(user);
                }}
              >
                授予角色
              </Button>
              {user.id !== me.id && !user.roles.some((g) => isAdministratorRole(g.role)) && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    confirmResetTwoFactor(user);
                  }}
                >
                  重置双因素
                </Button>
              )}
              {user.locked && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    unlock.save(user);
                  }}
                >
                  解锁
                </Button>
              )}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <h1>用户管理</h1>
        {can('users.manage') && (
          <Space>
            <Button
              icon={<TeamOutlined />}
              onClick={() => {
                setBulkOpen(true);
              }}
            >
              按花名册建号
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreating(true);
              }}
            >
              新建用户
            </Button>
          </Space>
        )}
      </div>
      <Input.Search
        defaultValue={q}
        placeholder="搜索用户名或姓名"
        allowClear
        enterButton="搜索"
        className={styles.search}
        onSearch={(text) => {
          setSearch(text.trim() ? { q: text.trim() } : {});
        }}
      />
      {users.isError && <QueryErrorAlert error={users.error} className={ui.above} />}
      <Table<UserListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showTotal: (total) => `共 ${String(total)} 个账号`,
          onChange: onPageChange,
        }}
      />
      <UserCreateModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={setPassword}
      />
      <TemporaryPasswordModal
        result={password}
        onClose={() => {
          setPassword(null);
        }}
      />
      <UserRenameModal
        user={renaming}
        onClose={() => {
          setRenaming(null);
        }}
      />
      <UserRolesModal
        user={granting}
        onClose={() => {
          setGranting(null);
        }}
      />
      <UserPersonModal
        user={linking}
        onClose={() => {
          setLinking(null);
        }}
      />
      <UserDisableModal
        user={disabling}
        onClose={() => {
          setDisabling(null);
        }}
      />
      <BulkAccountsModal
        open={bulkOpen}
        onClose={() => {
          setBulkOpen(false);
        }}
        onCreated={setBulkDone}
      />
      <AccountSlips
        done={bulkDone}
        onClose={() => {
          setBulkDone(null);
        }}
      />
    </Card>
  );
}
