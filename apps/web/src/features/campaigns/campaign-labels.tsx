import { Tag } from 'antd';
import { PHASE_STATE_LABELS, TASK_STATE_LABELS, type PhaseState, type TaskState } from '@qizhi/domain';

const PHASE_COLOURS: Record<PhaseState, string> = { upcoming: 'default', active: 'processing', ended: 'success' };
const TASK_COLOURS: Record<TaskState, string> = { open: 'processing', done: 'success', overdue: 'error' };

export function PhaseStateTag({ state }: { state: PhaseState }) {
  return <Tag color={PHASE_COLOURS[state]}>{PHASE_STATE_LABELS[state]}</Tag>;
}

export function TaskStateTag({ state }: { state: TaskState }) {
  return <Tag color={TASK_COLOURS[state]}>{TASK_STATE_LABELS[state]}</Tag>;
}
