import { Empty, Flex, Tabs } from 'antd';
import { courtYear } from '@qizhi/domain';
import { useSession } from '../../platform/session.tsx';
import { MyCommitmentPanel } from '../commitments/my-commitment-panel.tsx';
import { MyGoalsCard } from '../goals/my-goals-card.tsx';
import { MyProfileCard } from '../home/my-profile-card.tsx';
import { MyHonoursCard } from './my-honours-card.tsx';
import { MyStudyCard } from '../study/my-study-card.tsx';
import { MyTasksCard } from '../campaigns/my-tasks-card.tsx';
import { MyMeetingsCard } from './my-meetings-card.tsx';
import { MyAssessmentsCard, MyDutyReportCard, MyEvaluationsCard } from '../evaluations/my-evaluations-card.tsx';

const NO_PERSON = '当前账号没有关联花名册中的人员，没有本人的会议、目标和档案。';

/** 我的: each member's own pages, made for a phone — meetings, goals and commitment, honours, record. */
export default function MinePage() {
  const { user } = useSession();
  if (user.personId === null) return <Empty description={NO_PERSON} />;
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">我的</h1>
      <MyStudyCard />
      <MyTasksCard />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'meetings', label: '会议', children: <MyMeetingsCard /> },
          {
            key: 'goals',
            label: '目标与承诺',
            children: (
              <Flex vertical gap="middle">
                <MyGoalsCard />
                <MyCommitmentPanel year={courtYear()} />
              </Flex>
            ),
          },
          {
            key: 'honours',
            label: '荣誉',
            children: (
              <Flex vertical gap="middle">
                <MyHonoursCard />
              </Flex>
            ),
          },
          {
            key: 'evaluation',
            label: '评议与考核',
            children: (
              <Flex vertical gap="middle">
                <MyEvaluationsCard />
                <MyAssessmentsCard />
                <MyDutyReportCard />
              </Flex>
            ),
          },
          { key: 'record', label: '档案', children: <MyProfileCard /> },
        ]}
      />
    </Flex>
  );
}
