import { Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router';
import {
  chineseDate,
  DEVELOPMENT_STAGE_LABELS,
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEPS,
  type DevelopmentRecord,
} from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { filesApi } from '../files/files.api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { statusLabel } from './development-labels.ts';
import { developmentApi } from './development.api.ts';
import styles from './development.module.css';
import { developmentKey, useDevelopmentRecord } from './development.queries.ts';
import { RecordStepForm } from './record-step-form.tsx';

/** The printable record of the 25 steps, stage by stage (the forms a branch keeps). */
function StepsRecord({ record, onUndo }: { record: DevelopmentRecord; onUndo?: (step: number) => void }) {
  const done = new Map(record.steps.map((s) => [s.step, s]));
  const last = record.steps.at(-1)?.step;
  return (
    <table className={styles.recordTable} data-testid="development-steps">
      <thead>
        <tr>
          <th>步骤</th>
          <th>内容</th>
          <th>日期</th>
          <th>经办人</th>
          <th>材料 / 说明</th>
        </tr>
      </thead>
      {DEVELOPMENT_STAGES.map((stage) => (
        <tbody key={stage}>
          <tr>
            <th colSpan={5}>{DEVELOPMENT_STAGE_LABELS[stage]}</th>
          </tr>
          {DEVELOPMENT_STEPS.filter((s) => s.stage === stage).map((def) => {
            const s = done.get(def.step);
            return (
              <tr key={def.step}>
                <td>{def.step}</td>
                <td>{def.label}</td>
                <td>
                  {s ? chineseDate(s.on) : ''}
                  {s?.late && <Tag color="red">逾期</Tag>}
                </td>
                <td>{s?.who ?? ''}</td>
                <td>
                  {s && s.files.length > 0 ? (
                    <Flex wrap gap="small">
                      {s.files.map((f) => (
                        <a key={f.id} href={filesApi.url(f.id)} target="_blank" rel="noreferrer">
                          {f.name}
                        </a>
                      ))}
                    </Flex>
                  ) : (
                    def.documents
                  )}
                  {s?.vote && (
                    <div>
                      表决：{s.vote.subject}，赞成{s.vote.yes}票（应到{s.vote.entitled}人）
                    </div>
                  )}
                  {s && s.people.length > 0 && <div>{s.people.map((p) => p.name).join('、')}</div>}
                  {s?.warning && <div className={styles.late}>{s.warning}</div>}
                  {s?.notes && <div>{s.notes}</div>}
                  {onUndo && s && s.step === last && (
                    <Popconfirm
                      title="撤销这一步的登记？"
                      okText="撤销"
                      cancelText="取消"
                      onConfirm={() => onUndo(s.step)}
                    >
                      <Button size="small" type="link" danger className="no-print">
                        撤销
                      </Button>
                    </Popconfirm>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}

/** 发展纪实: a person's path through the 5 stages and 25 steps, with the form for the next step. */
export default function DevelopmentPersonPage() {
  const { personId = '' } = useParams();
  const record = useDevelopmentRecord(personId);
  const can = useCan();
  const undo = useSave({
    save: (step: number) => developmentApi.undoStep(personId, step),
    invalidates: [developmentKey],
    success: '已撤销',
  });
  if (record.isPending) return <Skeleton active />;
  if (record.isError) return <QueryErrorAlert error={record.error} />;
  const r = record.data;
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>{r.name}的发展党员纪实</h1>
        <PrintButton className="no-print" />
      </div>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="身份">{statusLabel(r.status)}</Descriptions.Item>
          <Descriptions.Item label="所在组织">{r.orgUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="当前阶段">{r.stage ? DEVELOPMENT_STAGE_LABELS[r.stage] : '—'}</Descriptions.Item>
          <Descriptions.Item label="下一步">
            {r.next.step === null
              ? '已完成'
              : `第${String(r.next.step)}步 ${r.next.label ?? ''}${r.next.earliest ? `，最早${chineseDate(r.next.earliest)}` : ''}${r.next.deadline ? `，期限${chineseDate(r.next.deadline)}` : ''}`}
          </Descriptions.Item>
          {r.probationEndsOn && (
            <Descriptions.Item label="预备期满">
              <span data-testid="probation-ends">{chineseDate(r.probationEndsOn)}</span>
              {r.extension && `（已延长${String(r.extension.months)}个月）`}
            </Descriptions.Item>
          )}
          {r.assessments.length > 0 && (
            <Descriptions.Item label="考察记录">
              {r.assessments.map((a) => `${chineseDate(a.on)}：${a.result}`).join('；')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {can('development.manage') && <RecordStepForm record={r} />}
      <Card>
        <StepsRecord record={r} {...(can('development.manage') ? { onUndo: undo.save } : {})} />
      </Card>
    </Flex>
  );
}
