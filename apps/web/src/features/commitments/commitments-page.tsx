import { useState } from 'react';
import { LinkOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Input, Row, Skeleton, Space, Tabs } from 'antd';
import { courtYear } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { CommitmentView } from './commitment-view.tsx';
import styles from './commitments.module.css';
import { useCommitments } from './commitments.queries.ts';
import { MyCommitmentPanel } from './my-commitment-panel.tsx';
import { ReviewCommitmentsTab } from './review-commitments-tab.tsx';

/** 公开承诺: what the branch and every member promised this year, shown to the whole court. */
export default function CommitmentsPage() {
  const can = useCan();
  const { user } = useSession();
  const [year, setYear] = useState(courtYear);
  const [text, setText] = useState('');
  const published = useCommitments(year, 'published');
  const items = (published.data?.items ?? []).filter(
    (c) => !text || c.ownerName.includes(text) || (c.orgUnitName ?? '').includes(text),
  );

  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">公开承诺</h1>
        <Space wrap className="no-print">
          <YearSelect value={year} onChange={setYear} />
          <a href={`/public/commitments?year=${String(year)}`} target="_blank" rel="noreferrer">
            <LinkOutlined /> 对外公开页面
          </a>
        </Space>
      </div>
      <Tabs
        items={[
          {
            key: 'all',
            label: `全院承诺${published.data ? `（${String(published.data.items.length)}）` : ''}`,
            children: (
              <Flex vertical gap="middle">
                <Input.Search allowClear placeholder="姓名或党小组" className={styles.search} onSearch={setText} />
                {published.isPending && <Skeleton active />}
                {published.isError && <QueryErrorAlert error={published.error} />}
                {published.data && items.length === 0 && <Empty description="本年度还没有公开的承诺" />}
                <Row gutter={[12, 12]}>
                  {items.map((c) => (
                    <Col key={c.id} xs={24} md={12} xl={8}>
                      <CommitmentView commitment={c} />
                    </Col>
                  ))}
                </Row>
              </Flex>
            ),
          },
          ...(user.personId ? [{ key: 'mine', label: '我的承诺', children: <MyCommitmentPanel year={year} /> }] : []),
          ...(can('commitments.approve')
            ? [{ key: 'review', label: '审核与核实', children: <ReviewCommitmentsTab year={year} /> }]
            : []),
        ]}
      />
    </Card>
  );
}
