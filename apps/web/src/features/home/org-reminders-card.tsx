import { Card, Flex } from 'antd';
import { Link } from 'react-router';
import { OrgNotices } from '../org/org-notices.tsx';
import { useOrgUnits } from '../org/org.queries.ts';

/** For those who keep the organisation in order: branches too large, terms running out. */
export function OrgRemindersCard() {
  const units = useOrgUnits();
  const withNotices = (units.data ?? []).filter((u) => u.notices.length > 0);
  if (withNotices.length === 0) return null;
  return (
    <Card title="组织提醒" extra={<Link to="/org">组织机构</Link>}>
      <Flex vertical gap="small">
        {withNotices.map((unit) => (
          <OrgNotices key={unit.id} unit={unit} withName />
        ))}
      </Flex>
    </Card>
  );
}
