import { useState } from 'react';
import { CheckCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Radio, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  BALLOT_POINT_LABELS,
  ballotPointsOf,
  ballotProblems,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  VOTER_POOL_LABELS,
  type BallotPoint,
  type EvaluationGrade,
} from '@qizhi/domain';
import { errorMessage } from '../../platform/api.ts';
import { FormProblem } from '../../platform/form-modal.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { useBallotForm, useEvaluationSave } from './evaluations.queries.ts';
import styles from './evaluations.module.css';

type Marks = Record<string, Partial<Record<BallotPoint, EvaluationGrade>>>;
const gradeOptions = EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }));

/**
 * 手机投票: one card per member, each point rated 优秀/合格/基本合格/不合格, plus the overall grade.
 * The ballot is anonymous: nothing sent or stored links it to the voter, and it can be cast once.
 */
export default function BallotPage() {
  const { id = '' } = useParams();
  const form = useBallotForm(id);
  const [marks, setMarks] = useState<Marks>({});
  const [done, setDone] = useState(false);
  const cast = useEvaluationSave({
    save: () =>
      evaluationsApi.cast(id, {
        marks: (form.data?.subjects ?? []).map((s) => ({ subjectId: s.id, grades: marks[s.id] ?? {} })),
      }),
    showError: 'alert',
    onSaved: () => setDone(true),
  });
  const data = form.data;
  const points = data ? ballotPointsOf(data.round.points) : [];
  const subjectIds = (data?.subjects ?? []).map((s) => s.id);
  const missing = data
    ? ballotProblems(
        subjectIds.map((subjectId) => ({ subjectId, grades: marks[subjectId] ?? {} })),
        subjectIds,
        points,
      ).length
    : 0;
  const fillAll = (grade: EvaluationGrade) =>
    setMarks(Object.fromEntries(subjectIds.map((sid) => [sid, Object.fromEntries(points.map((p) => [p, grade]))])));
  const set = (sid: string, point: BallotPoint, grade: EvaluationGrade) =>
    setMarks((all) => ({ ...all, [sid]: { ...all[sid], [point]: grade } }));

  return (
    <div className={styles.phonePage}>
      {form.isPending && <Spin />}
      {form.isError && (
        <Result
          status="info"
          title="不能投票"
          subTitle={errorMessage(form.error)}
          extra={<Link to="/mine">返回“我的”</Link>}
        />
      )}
      {data && (done || data.hasVoted) && (
        <Result
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          title={done ? '投票成功' : '您已投过票'}
          subTitle="选票匿名保存，不记录投票人、时间和设备；每人每轮只能投一次。"
          extra={<Link to="/mine">返回“我的”</Link>}
        />
      )}
      {data && !done && !data.hasVoted && (
        <Flex vertical gap="middle">
          <div>
            <Typography.Title level={4} className={styles.phoneTitle}>
              {data.round.orgUnitName}
              {data.round.coveredYear}年度民主评议党员
            </Typography.Title>
            <Typography.Text type="secondary">{VOTER_POOL_LABELS[data.round.pool]}</Typography.Text>
          </div>
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            title="匿名投票"
            description="选票与投票人没有任何关联，任何人（包括管理员、审计员）都看不到单张选票，只能看到投票结束后的汇总票数。每人只能投一次，提交后不能修改。"
          />
          <Flex gap="small" wrap>
            <Button onClick={() => fillAll('qualified')}>全部先设为“合格”</Button>
            <Button onClick={() => setMarks({})}>清空</Button>
          </Flex>
          {data.subjects.map((s, i) => (
            <Card key={s.id} size="small" title={`${String(i + 1)}. ${s.name}`} data-testid="ballot-subject">
              <Flex vertical gap={6}>
                {points.map((p) => (
                  <div key={p}>
                    <div className={styles.pointLabel}>{BALLOT_POINT_LABELS[p]}</div>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      aria-label={`${s.name}：${BALLOT_POINT_LABELS[p]}`}
                      options={gradeOptions}
                      value={marks[s.id]?.[p]}
                      onChange={(e) => set(s.id, p, e.target.value as EvaluationGrade)}
                    />
                  </div>
                ))}
              </Flex>
            </Card>
          ))}
          <FormProblem problem={cast.problem} />
          <div className={styles.submitBar}>
            <Popconfirm
              title="提交选票"
              description="提交后不能修改，确定提交吗？"
              okText="确定提交"
              cancelText="再看看"
              onConfirm={() => cast.save()}
              disabled={missing > 0}
            >
              <Button type="primary" block size="large" loading={cast.saving} disabled={missing > 0}>
                {missing > 0 ? `还有 ${String(missing)} 项未评` : '提交选票'}
              </Button>
            </Popconfirm>
          </div>
        </Flex>
      )}
    </div>
  );
}
