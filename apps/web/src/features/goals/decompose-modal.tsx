import { useEffect, useMemo, useState } from 'react';
import { Alert, Checkbox, Empty, Flex, Modal, Segmented, Select, Spin } from 'antd';
import {
  GOAL_LEVEL_LABELS,
  GOAL_PROGRESS_SOURCE_LABELS,
  GOAL_PROGRESS_SOURCES,
  NEXT_GOAL_LEVEL,
  splitWeightEvenly,
  type DecomposeGoalRequest,
  type Goal,
  type GoalOwnerKind,
  type GoalProgressSource,
} from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { useDepartments, useOrgUnits } from '../org/org.queries.ts';
import { goalsApi } from './goals.api.ts';
import styles from './goals.module.css';
import { useGoalSave, useGroupMembers } from './goals.queries.ts';

type Source = 'cells' | 'departments';

/**
 * 分解目标: pick the owners at the next level — the branch under the 党组, cells or departments
 * under the branch, the members of a cell or department under those — and split the weight evenly.
 */
export function DecomposeModal({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const next = goal ? NEXT_GOAL_LEVEL[goal.level] : null;
  const units = useOrgUnits(goal !== null);
  const departments = useDepartments(goal !== null && next !== 'branch');
  const [source, setSource] = useState<Source>('cells');
  const [group, setGroup] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [progressSource, setProgressSource] = useState<GoalProgressSource>('report');
  const decompose = useGoalSave({
    save: (body: DecomposeGoalRequest) => goalsApi.decompose(goal?.id ?? '', body),
    showError: 'alert',
    success: (_answer, body) => `已分解给${String(body.owners.length)}个责任主体`,
    onSaved: onClose,
  });
  const { clearProblem } = decompose;

  useEffect(() => {
    setChosen([]);
    setProgressSource(goal?.progressSource ?? 'report');
    clearProblem();
    setSource(goal?.ownerKind === 'department' ? 'departments' : 'cells');
    setGroup(goal && goal.ownerKind !== 'person' ? goal.ownerId : undefined);
  }, [goal, clearProblem]);

  const groupIsDepartment = source === 'departments';
  const members = useGroupMembers(
    goal !== null && next === 'member' && group !== undefined
      ? { kind: groupIsDepartment ? 'department' : 'cell', id: group }
      : null,
  );

  const options = useMemo((): { kind: GoalOwnerKind; value: string; label: string }[] => {
    if (next === 'branch')
      return (units.data ?? [])
        .filter((u) => ['branch', 'general_branch', 'party_committee'].includes(u.kind))
        .map((u) => ({ kind: 'org_unit', value: u.id, label: u.name }));
    if (next === 'unit')
      return source === 'cells'
        ? (units.data ?? [])
            .filter((u) => u.kind === 'cell')
            .map((u) => ({ kind: 'org_unit', value: u.id, label: u.name }))
        : (departments.data ?? []).map((d) => ({ kind: 'department', value: d.id, label: d.name }));
    return (members.data ?? []).map((p) => ({ kind: 'person', value: p.id, label: p.name }));
  }, [next, source, units.data, departments.data, members.data]);

  const weights = goal ? splitWeightEvenly(goal.weight, chosen.length) : [];

  function save() {
    if (!goal || chosen.length === 0) return;
    const kindOf = new Map(options.map((o) => [o.value, o.kind]));
    decompose.save({
      owners: chosen.map((id) => ({ kind: kindOf.get(id)!, id })),
      progressSource: next === 'member' ? progressSource : 'report',
    });
  }

  const loading = units.isPending || (next === 'member' && group !== undefined && members.isPending);
  return (
    <Modal
      open={goal !== null}
      title={goal && next ? `分解目标到${GOAL_LEVEL_LABELS[next]}：${goal.title}` : ''}
      okText="分解"
      cancelText="取消"
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={decompose.saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormProblem problem={decompose.problem} />
      <Flex vertical gap="small">
        {next !== 'branch' && (
          <Segmented<Source>
            value={source}
            onChange={(v) => {
              setSource(v);
              setGroup(undefined);
              setChosen([]);
            }}
            options={[
              { value: 'cells', label: next === 'member' ? '按党小组' : '党小组' },
              { value: 'departments', label: next === 'member' ? '按内设部门' : '内设部门' },
            ]}
          />
        )}
        {next === 'member' && goal?.indicatorKind === 'count' && (
          <Select<GoalProgressSource>
            className={styles.fullWidth}
            value={progressSource}
            onChange={setProgressSource}
            options={GOAL_PROGRESS_SOURCES.map((s) => ({
              value: s,
              label: `进度来源：${GOAL_PROGRESS_SOURCE_LABELS[s]}`,
            }))}
            aria-label="进度来源"
          />
        )}
        {next === 'member' && (
          <Select
            placeholder={groupIsDepartment ? '选择内设部门' : '选择党小组'}
            className={styles.fullWidth}
            value={group}
            onChange={(v) => {
              setGroup(v);
              setChosen([]);
            }}
            options={
              groupIsDepartment
                ? (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))
                : (units.data ?? []).filter((u) => u.kind === 'cell').map((u) => ({ value: u.id, label: u.name }))
            }
            aria-label="党小组或部门"
          />
        )}
        {loading ? (
          <Spin />
        ) : options.length === 0 ? (
          <Empty description={next === 'member' && !group ? '请先选择党小组或部门' : '没有可选的责任主体'} />
        ) : (
          <>
            <Checkbox
              indeterminate={chosen.length > 0 && chosen.length < options.length}
              checked={chosen.length === options.length}
              onChange={(e) => {
                setChosen(e.target.checked ? options.map((o) => o.value) : []);
              }}
            >
              全选（{options.length}）
            </Checkbox>
            <Checkbox.Group
              value={chosen}
              onChange={(v) => {
                setChosen(v);
              }}
              className={styles.ownerGrid}
              options={options.map((o) => ({ value: o.value, label: o.label }))}
            />
          </>
        )}
        {goal && chosen.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`上级目标权重 ${String(goal.weight)} 平均分配：每个责任主体 ${weights.length > 0 ? [...new Set(weights)].join(' 或 ') : ''}，合计不变。分解后各下级目标可单独修改。`}
          />
        )}
      </Flex>
    </Modal>
  );
}
