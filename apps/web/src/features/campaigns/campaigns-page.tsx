import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Select, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { courtYear, type CampaignListItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { CourtTypeTags } from '../study/study-labels.tsx';
import { CampaignDrawer } from './campaign-drawer.tsx';
import { PhaseStateTag } from './campaign-labels.tsx';
import { useCampaigns } from './campaigns.queries.ts';
import styles from './campaigns.module.css';

const ALL_YEARS = 0;

/** 主题教育实践活动: the court's campaigns, now and past, with their tasks done. */
export default function CampaignsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [year, setYear] = useState(ALL_YEARS);
  const [creating, setCreating] = useState(false);
  const list = useCampaigns(year === ALL_YEARS ? undefined : year);
  const now = courtYear();
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">主题教育实践活动</h1>
      <Card size="small">
        <Flex wrap gap="small" align="center" className={styles.toolbar}>
          <Select<number>
            value={year}
            onChange={setYear}
            aria-label="年度"
            options={[
              { value: ALL_YEARS, label: '全部年度' },
              ...Array.from({ length: 15 }, (_, i) => now + 1 - i).map((y) => ({ value: y, label: `${String(y)}年` })),
            ]}
          />
          {can('campaigns.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              部署活动
            </Button>
          )}
        </Flex>
        {list.isError && <QueryErrorAlert error={list.error} />}
        <Table<CampaignListItem>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '活动', render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.title}</Link> },
            { title: '时间', render: (_, c) => (c.startsOn ? `${c.startsOn} 至 ${c.endsOn ?? ''}` : '—') },
            { title: '组织开展', dataIndex: 'orgUnitName' },
            { title: '六型法院', render: (_, c) => <CourtTypeTags types={c.courtTypes} /> },
            { title: '状态', render: (_, c) => <PhaseStateTag state={c.state} /> },
            {
              title: '任务完成',
              render: (_, c) => (
                <Progress
                  size="small"
                  percent={c.tasks === 0 ? 0 : Math.round((c.done / c.tasks) * 100)}
                  format={() => `${String(c.done)}/${String(c.tasks)}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <CampaignDrawer
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) void navigate(`/campaigns/${id}`);
        }}
      />
    </Flex>
  );
}
