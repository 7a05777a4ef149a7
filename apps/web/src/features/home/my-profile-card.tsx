import { Card, Empty, Skeleton } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { MemberDescriptions } from '../members/member-descriptions.tsx';
import { useMyProfile } from '../members/members.queries.ts';
import styles from './home.module.css';

const NO_PERSON = '当前账号没有关联花名册中的人员（例如系统管理员、安全管理员、审计管理员账号），因此没有个人信息。';

/** The signed-in person's own record: what every member opens the platform for. */
export function MyProfileCard() {
  const { user } = useSession();
  const can = useCan();
  const profile = useMyProfile(user.personId !== null);

  let body;
  if (user.personId === null) body = <Empty description={NO_PERSON} />;
  else if (profile.isPending) body = <Skeleton active />;
  else if (profile.isError) {
    body =
      profile.error instanceof ApiError && profile.error.status === 404 ? (
        <Empty description={NO_PERSON} />
      ) : (
        <QueryErrorAlert error={profile.error} />
      );
  } else body = <MemberDescriptions member={profile.data} compact />;

  return (
    <Card
      title="我的信息"
      extra={profile.data && can('people.read') ? <Link to={`/members/${profile.data.id}`}>详细信息</Link> : null}
    >
      {body}
      {profile.data && <p className={styles.note}>信息有误请联系所在支部的党务干事更正。</p>}
    </Card>
  );
}
