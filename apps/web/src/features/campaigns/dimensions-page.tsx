import { useState } from 'react';
import { Card, Flex, Progress, Table, Typography } from 'antd';
import { courtYear, type YearByDimensionRow } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { useYearByDimension } from './campaigns.queries.ts';

/** 六型法院分维度: the year's study and activities counted by the six court types, for leaders and officers. */
export default function DimensionsPage() {
  const [year, setYear] = useState(courtYear());
  const dims = useYearByDimension(year);
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">六型法院年度分维度</h1>
      <Card
        size="small"
        title={dims.data ? `${String(year)}年 · ${dims.data.scopeName}` : `${String(year)}年`}
        extra={<YearSelect value={year} onChange={setYear} />}
      >
        {dims.isError && <QueryErrorAlert error={dims.error} />}
        <Table<YearByDimensionRow>
          rowKey="courtType"
          size="small"
          loading={dims.isFetching}
          dataSource={dims.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '维度', dataIndex: 'label' },
            { title: '学习场次', dataIndex: 'studySessions' },
            { title: '获得学时', render: (_, r) => Math.round(r.studyHours * 10) / 10 },
            { title: '主题教育实践活动', dataIndex: 'campaigns' },
            {
              title: '活动任务完成',
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={r.tasks === 0 ? 0 : Math.round((r.tasksDone / r.tasks) * 100)}
                  format={() => `${String(r.tasksDone)}/${String(r.tasks)}`}
                />
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary">
          学习场次按学习标注的维度统计（已举行、未取消），学时为出席这些场次获得的学时之和；活动为当年开展（阶段跨入当年）的主题教育实践活动，任务按任务标注的维度统计。一项标注多个维度的，分别计入各维度。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
