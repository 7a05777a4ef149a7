import { Card, Empty, List, Skeleton, Tag } from 'antd';
import { HONOUR_LEVEL_LABELS, SANCTION_KIND_LABELS } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePersonHonours, useSanctions } from '../honours/honours.queries.ts';
import styles from './mine.module.css';

/** 我的荣誉 and 奖惩: what was awarded or decided about me (the server answers a member only their own). */
export function MyHonoursCard() {
  const { user } = useSession();
  const personId = user.personId ?? '';
  const honours = usePersonHonours(personId);
  const sanctions = useSanctions(undefined, personId !== '');
  if (honours.isPending || sanctions.isPending) return <Skeleton active />;
  if (honours.isError) return <QueryErrorAlert error={honours.error} />;
  if (sanctions.isError) return <QueryErrorAlert error={sanctions.error} />;
  const mine = sanctions.data.items.filter((s) => s.personId === personId);
  return (
    <>
      <Card size="small" title="我的荣誉">
        {honours.data.items.length === 0 ? (
          <Empty className={styles.empty} description="暂无个人荣誉" />
        ) : (
          <List
            size="small"
            dataSource={honours.data.items}
            renderItem={(h) => (
              <List.Item>
                <div>
                  <div className={styles.title}>
                    <Tag color="gold">{HONOUR_LEVEL_LABELS[h.level]}</Tag>
                    {h.title}
                  </div>
                  <div className={styles.meta}>
                    {h.awardedOn} · {h.issuedBy}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="我的奖惩记录">
        {mine.length === 0 ? (
          <Empty className={styles.empty} description="暂无奖惩记录" />
        ) : (
          <List
            size="small"
            dataSource={mine}
            renderItem={(s) => (
              <List.Item>
                <div>
                  <div className={styles.title}>
                    <Tag>{SANCTION_KIND_LABELS[s.kind]}</Tag>
                    {s.title}
                  </div>
                  <div className={styles.meta}>
                    {s.decidedOn} · {s.issuedBy} · {s.reason}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
