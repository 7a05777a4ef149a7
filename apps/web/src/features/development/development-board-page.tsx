import { useState } from 'react';
import { Card, Flex, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { chineseDate, DEVELOPMENT_STAGE_LABELS, type BoardItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { statusLabel } from './development-labels.ts';
import styles from './development.module.css';
import { useDevelopmentBoard } from './development.queries.ts';

function NextCell({ item }: { item: BoardItem }) {
  const n = item.next;
  if (n.step === null) return <span>已完成</span>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        第{n.step}步 {n.label}
      </span>
      {n.earliest && <small>最早 {chineseDate(n.earliest)}</small>}
      {n.deadline && <small className={item.overdue ? styles.late : undefined}>期限 {chineseDate(n.deadline)}</small>}
      {n.nextAssessment && <small>下次考察 {chineseDate(n.nextAssessment)}</small>}
    </Space>
  );
}

/** 发展党员看板: who is at which stage of a branch, what is due next and when. */
export default function DevelopmentBoardPage() {
  const units = useOrgUnits();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const chosen = orgUnitId ?? units.data?.find((u) => u.kind === 'branch')?.id;
  const board = useDevelopmentBoard(chosen);
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>发展党员</h1>
        <OrgUnitSelect className={styles.wide} value={chosen ?? null} allowClear={false} onChange={setOrgUnitId} />
      </div>
      {board.isError && <QueryErrorAlert error={board.error} />}
      <Card title={`${board.data?.orgUnitName ?? ''}发展党员进度`}>
        <Table<BoardItem>
          size="small"
          rowKey="personId"
          data-testid="development-board"
          loading={board.isPending && !!chosen}
          dataSource={board.data?.items}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (name: string, i) => <Link to={`/development/${i.personId}`}>{name}</Link>,
            },
            { title: '身份', dataIndex: 'status', render: (s: BoardItem['status']) => statusLabel(s) },
            {
              title: '阶段',
              dataIndex: 'stage',
              render: (s: BoardItem['stage']) => (s ? DEVELOPMENT_STAGE_LABELS[s] : '—'),
            },
            {
              title: '最近步骤',
              key: 'last',
              render: (_, i) => (i.lastStep ? `第${String(i.lastStep)}步（${i.lastOn ?? ''}）` : '—'),
            },
            { title: '下一步', key: 'next', render: (_, i) => <NextCell item={i} /> },
            {
              title: '预备期满（转正）',
              dataIndex: 'probationEndsOn',
              render: (d: string | null) => (d ? chineseDate(d) : '—'),
            },
            { title: '', key: 'overdue', render: (_, i) => (i.overdue ? <Tag color="red">逾期</Tag> : null) },
          ]}
        />
      </Card>
    </Flex>
  );
}
