import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, List, Progress, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { CampaignTask } from '@qizhi/domain';
import { FullPageSpin } from '../../platform/full-page-spin.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { CourtTypeTags } from '../study/study-labels.tsx';
import { PhaseStateTag, TaskStateTag } from './campaign-labels.tsx';
import { useCampaign } from './campaigns.queries.ts';
import { SummaryCard } from './summary-card.tsx';
import { TaskModal } from './task-modal.tsx';
import styles from './campaigns.module.css';

/** One campaign: its phases and their state, the tasks of each, each organisation's share done, the summary. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const [adding, setAdding] = useState(false);
  if (campaign.isPending) return <FullPageSpin />;
  if (campaign.isError) return <QueryErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const phaseName = new Map(c.phases.map((p) => [p.id, p.name]));
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">{c.title}</h1>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="活动目标">{c.goals}</Descriptions.Item>
          <Descriptions.Item label="组织开展">{c.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="六型法院">
            <CourtTypeTags types={c.courtTypes} />
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <PhaseStateTag state={c.state} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="阶段">
        <List
          size="small"
          dataSource={c.phases}
          renderItem={(p) => (
            <List.Item>
              <span>
                {p.name}：{p.startsOn} 至 {p.endsOn}
              </span>
              <PhaseStateTag state={p.state} />
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={`任务（完成 ${String(c.done)}/${String(c.tasks)}）`}
        extra={
          c.canManage && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              布置任务
            </Button>
          )
        }
      >
        <Table<CampaignTask>
          rowKey="id"
          size="small"
          dataSource={c.taskList}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '阶段', render: (_, t) => phaseName.get(t.phaseId) },
            { title: '任务', render: (_, t) => <Link to={`/campaigns/tasks/${t.id}`}>{t.title}</Link> },
            { title: '承担', dataIndex: 'assigneeName' },
            { title: '期限', dataIndex: 'dueOn' },
            { title: '参加', dataIndex: 'reports' },
            { title: '状态', render: (_, t) => <TaskStateTag state={t.state} /> },
          ]}
        />
      </Card>
      <Card size="small" title="各组织完成情况">
        {c.progress.length === 0 ? (
          <Empty description="尚未布置任务" />
        ) : (
          <List
            size="small"
            dataSource={c.progress}
            renderItem={(p) => (
              <List.Item data-testid={`progress-${p.orgUnitId}`}>
                <Flex vertical className={styles.fullWidth}>
                  <Typography.Text>
                    {p.name}：完成 {p.done}/{p.total}
                  </Typography.Text>
                  <Progress percent={Math.round(p.share * 100)} />
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <SummaryCard campaign={c} />
      {c.canManage && <TaskModal campaign={c} open={adding} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
