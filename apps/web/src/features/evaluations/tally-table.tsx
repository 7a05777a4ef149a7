import { Alert, Table, Typography } from 'antd';
import {
  BALLOT_POINT_LABELS,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  type EvaluationTally,
  type RoundDetail,
} from '@qizhi/domain';
import { errorMessage } from '../../platform/api.ts';
import { useTally } from './evaluations.queries.ts';
import { sharePercent } from './evaluation-labels.tsx';
import styles from './evaluations.module.css';

type Row = EvaluationTally['subjects'][number];

/** 汇总结果: counts and shares per member and point — never a ballot; only after closing, from the minimum. */
export function TallyTable({ round }: { round: RoundDetail }) {
  const closed = !['study', 'self_evaluation', 'voting'].includes(round.step);
  const tally = useTally(round.id, closed);
  if (!closed) return <Alert type="info" showIcon title="投票结束后才能查看汇总结果；投票期间只显示投票进度。" />;
  if (tally.isError)
    return <Alert type="warning" showIcon title={errorMessage(tally.error)} data-testid="tally-refused" />;
  const points = [...round.points, 'overall' as const];
  return (
    <div data-testid="tally">
      <Typography.Paragraph type="secondary">
        有效票 {tally.data?.ballots ?? '…'} 张。只显示票数和比例，任何人都看不到单张选票。
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="subjectId"
        loading={tally.isPending}
        dataSource={tally.data?.subjects ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '党员', dataIndex: 'name', width: 90, fixed: 'left' },
          ...points.map((point, i) => ({
            title: BALLOT_POINT_LABELS[point],
            key: point,
            render: (_: unknown, r: Row) => {
              const p = r.points[i]!;
              return (
                <div className={styles.tallyCell}>
                  {EVALUATION_GRADES.map((g) => (
                    <div key={g}>
                      {EVALUATION_GRADE_LABELS[g]} {p.counts[g]}（{sharePercent(p.shares[g])}）
                    </div>
                  ))}
                </div>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
