import { Col, Empty, List, Progress, Row, Typography } from 'antd';
import type { DutyReport } from '@qizhi/domain';
import { MinutesView } from '../meetings/minutes-view.tsx';
import styles from './evaluations.module.css';

/** A 述职述廉 report with the person's public commitment and goals of the year beside it. */
export function DutyReportView({ report }: { report: DutyReport }) {
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} md={15}>
        <MinutesView html={report.content} />
        {report.file && <Typography.Text type="secondary">附件：{report.file.name}</Typography.Text>}
      </Col>
      <Col xs={24} md={9} className={styles.side}>
        <Typography.Title level={5}>{report.year}年度公开承诺</Typography.Title>
        {report.commitment ? (
          <p className={styles.preWrap}>{report.commitment}</p>
        ) : (
          <Typography.Text type="secondary">当年没有公开承诺</Typography.Text>
        )}
        <Typography.Title level={5}>{report.year}年度目标</Typography.Title>
        {report.goals.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当年没有本人的目标" />
        ) : (
          <List
            size="small"
            dataSource={report.goals}
            renderItem={(g) => (
              <List.Item>
                <div>
                  <div>{g.title}</div>
                  {g.progress !== null && <Progress size="small" percent={Math.round(g.progress * 100)} />}
                </div>
              </List.Item>
            )}
          />
        )}
      </Col>
    </Row>
  );
}
