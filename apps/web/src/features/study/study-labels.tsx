import { Tag } from 'antd';
import {
  COURT_TYPE_LABELS,
  STUDY_KIND_LABELS,
  STUDY_SESSION_STATUS_LABELS,
  type CourtType,
  type StudyKind,
  type StudySessionStatus,
} from '@qizhi/domain';

const KIND_COLOURS: Record<StudyKind, string> = {
  morning_study: 'blue',
  business_training: 'purple',
  skills_training: 'green',
  lecture: 'volcano',
  other: 'default',
};

export function StudyKindTag({ kind }: { kind: StudyKind }) {
  return <Tag color={KIND_COLOURS[kind]}>{STUDY_KIND_LABELS[kind]}</Tag>;
}

export function StudyStatusTag({ status }: { status: StudySessionStatus }) {
  const colour = status === 'held' ? 'success' : status === 'cancelled' ? 'default' : 'processing';
  return <Tag color={colour}>{STUDY_SESSION_STATUS_LABELS[status]}</Tag>;
}

export function CourtTypeTags({ types }: { types: readonly CourtType[] }) {
  return (
    <>
      {types.map((t) => (
        <Tag key={t}>{COURT_TYPE_LABELS[t]}</Tag>
      ))}
    </>
  );
}
