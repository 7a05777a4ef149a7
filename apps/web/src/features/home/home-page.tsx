import { Card, Col, Flex, Row } from 'antd';
import { Link } from 'react-router';
import { inCourtZone } from '@qizhi/domain';
import { NAV_GROUPS, visibleLinks } from '../../platform/layout/nav-items.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { MeetingRemindersCard } from './meeting-reminders-card.tsx';
import { MyGoalsCard } from '../goals/my-goals-card.tsx';
import { MyStudyCard } from '../study/my-study-card.tsx';
import { MyProfileCard } from './my-profile-card.tsx';
import { OrgRemindersCard } from './org-reminders-card.tsx';
import styles from './home.module.css';
import { RosterSummaryCard } from './roster-summary-card.tsx';

/** 首页: what is yours to do — your own record, and the numbers and reminders your roles look after. */
export default function HomePage() {
  const { user, permissions } = useSession();
  const can = useCan();
  const links = NAV_GROUPS.flatMap((group) => visibleLinks(group.links, permissions));

  return (
    <Flex vertical gap="middle">
      <div>
        <h1 className="page-title">您好，{user.displayName}</h1>
        <div className={styles.date}>
          {user.tenantName} · {inCourtZone().format('YYYY年M月D日 dddd')}
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MyProfileCard />
          <MyGoalsCard />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap="middle">
            {user.personId !== null && <MyStudyCard />}
            <MeetingRemindersCard />
            {can('roster.stats') && <RosterSummaryCard />}
            {can('org.manage') && <OrgRemindersCard />}
            {links.length > 0 && (
              <Card title="常用功能">
                <Row gutter={[8, 8]}>
                  {links.map((link) => (
                    <Col key={link.path} xs={12} sm={8}>
                      <Link to={link.path}>
                        <Card size="small" hoverable className={styles.shortcut}>
                          <div className={styles.shortcutIcon}>{link.icon}</div>
                          <div>{link.label}</div>
                        </Card>
                      </Link>
                    </Col>
                  ))}
                </Row>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
