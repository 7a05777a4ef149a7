import { Card } from 'antd';
import { Link } from 'react-router';
import { OrgNoticeList } from '../org/org-notices.tsx';
import { useOrgUnits } from '../org/org.queries.ts';

/** For those who keep the organisation in order: branches too large, terms running out. */
export function OrgRemindersCard() {
  const units = useOrgUnits();
  const withNotices = (units.data ?? []).filter((u) => u.notices.length > 0);
  if (withNotices.length === 0) return null;
  return (
    <Card title="组织提醒" extra={<Link to="/org">组织机构</Link>}>
      <OrgNoticeList units={withNotices} />
    </Card>
  );
}
