import { Card, Col, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { NAV_GROUPS, visibleLinks } from '../../platform/layout/nav-items.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { MeetingRemindersCard } from './meeting-reminders-card.tsx';
import { MyGoalsCard } from '../goals/my-goals-card.tsx';
import { MyProfileCard } from './my-profile-card.tsx';
import { OrgRemindersCard } from './org-reminders-card.tsx';
import { RosterSummaryCard } from './roster-summary-card.tsx';

/** 首页: what is yours to do — your own record, and the numbers and reminders your roles look after. */
export default function HomePage() {
  const { user, permissions } = useSession();
  const can = useCan();
  const links = NAV_GROUPS.flatMap((group) => visibleLinks(group.links, permissions));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <h1 className="page-title">您好，{user.displayName}</h1>
        <div style={{ color: '#8c8c8c', marginTop: 4 }}>
          {user.tenantName} · {dayjs().format('YYYY年M月D日 dddd')}
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MyProfileCard />
          <MyGoalsCard />
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <MeetingRemindersCard />
            {can('roster.stats') && <RosterSummaryCard />}
            {can('org.manage') && <OrgRemindersCard />}
            {links.length > 0 && (
              <Card title="常用功能">
                <Row gutter={[8, 8]}>
                  {links.map((link) => (
                    <Col key={link.path} xs={12} sm={8}>
                      <Link to={link.path}>
                        <Card size="small" hoverable style={{ textAlign: 'center' }}>
                          <div style={{ fontSize: 22 }}>{link.icon}</div>
                          <div>{link.label}</div>
                        </Card>
                      </Link>
                    </Col>
                  ))}
                </Row>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
