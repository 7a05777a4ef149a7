import { Space, Tag } from 'antd';
import { inCourtZone, type UserListItem } from '@qizhi/domain';

export function UserStatus({ user }: { user: UserListItem }) {
  const tags = [];
  if (user.disabled)
    tags.push(<Tag key="disabled">{user.disabledReason ? `已停用（${user.disabledReason}）` : '已停用'}</Tag>);
  if (user.locked) {
    const until = user.lockedUntil ? `至${inCourtZone(user.lockedUntil).format('HH:mm')}` : '';
    tags.push(
      <Tag key="locked" color="red">
        已锁定{until}
      </Tag>,
    );
  }
  if (user.mustChangePassword)
    tags.push(
      <Tag key="password" color="orange">
        待改初始密码
      </Tag>,
    );
  if (tags.length === 0)
    tags.push(
      <Tag key="ok" color="green">
        正常
      </Tag>,
    );
  return (
    <Space size={0} wrap>
      {tags}
    </Space>
  );
}
