import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Radio, Select, Table, Tabs } from 'antd';
import { Link } from 'react-router';
import {
  BALLOT_POINT_LABELS,
  courtYear,
  EVALUATION_POINTS,
  VOTER_POOL_LABELS,
  VOTER_POOLS,
  type CreateRoundRequest,
  type RoundSummary,
} from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { YearInput } from '../meetings/year-input.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { DutyReportsTab } from './duty-reports-tab.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { useEvaluationSave, useRounds } from './evaluations.queries.ts';
import { PoolTag, RoundStepTag } from './evaluation-labels.tsx';

/** 新建民主评议: a branch, the year covered, the voter pool and the points evaluated. */
function CreateRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateRoundRequest>();
  const units = useOrgUnits();
  const branches = (units.data ?? []).filter((u) => u.kind === 'branch');
  const saver = useEvaluationSave({
    save: evaluationsApi.create,
    form,
    success: '已新建评议',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<CreateRoundRequest>
      open={open}
      title="新建民主评议"
      form={form}
      saver={saver}
      onCancel={onClose}
      okText="新建"
      initialValues={{
        orgUnitId: branches[0]?.id,
        coveredYear: courtYear() - 1,
        pool: 'branch_members',
        points: [...EVALUATION_POINTS],
      }}
    >
      <Form.Item name="orgUnitId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
        <Select options={branches.map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="coveredYear" label="评议年度" rules={[{ required: true, message: '请填写评议年度' }]}>
        <YearInputField />
      </Form.Item>
      <Form.Item name="pool" label="投票范围">
        <Radio.Group options={VOTER_POOLS.map((p) => ({ value: p, label: VOTER_POOL_LABELS[p] }))} />
      </Form.Item>
      <Form.Item name="points" label="评议内容" rules={[{ required: true, message: '请至少选择一项评议内容' }]}>
        <Checkbox.Group options={EVALUATION_POINTS.map((p) => ({ value: p, label: BALLOT_POINT_LABELS[p] }))} />
      </Form.Item>
    </FormModal>
  );
}

function YearInputField({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  return <YearInput value={value ?? courtYear() - 1} onChange={(v) => onChange?.(v)} />;
}

function RoundsTab() {
  const can = useCan();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap="middle">
      {can('evaluations.manage') && (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setCreating(true)}>
            新建民主评议
          </Button>
        </Flex>
      )}
      {rounds.isError && <QueryErrorAlert error={rounds.error} />}
      <Table<RoundSummary>
        size="small"
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: '评议',
            key: 'name',
            render: (_, r) => (
              <Link to={`/evaluations/rounds/${r.id}`}>
                {r.orgUnitName}
                {r.coveredYear}年度民主评议党员
              </Link>
            ),
          },
          { title: '投票范围', dataIndex: 'pool', width: 230, render: (_, r) => <PoolTag pool={r.pool} /> },
          { title: '参评党员', dataIndex: 'subjectCount', width: 90 },
          { title: '当前步骤', dataIndex: 'step', width: 170, render: (_, r) => <RoundStepTag step={r.step} /> },
        ]}
      />
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

/** 民主评议党员 and 述职述廉: kept apart from the court's quarterly 定期考核, which has its own page. */
export default function EvaluationsPage() {
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">民主评议党员与述职述廉</h1>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'rounds', label: '民主评议党员', children: <RoundsTab /> },
          { key: 'reports', label: '述职述廉', children: <DutyReportsTab /> },
        ]}
      />
    </Flex>
  );
}
