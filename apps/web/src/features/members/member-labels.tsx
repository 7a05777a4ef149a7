import { Tag } from 'antd';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  GENDERS,
  LEAVING_REASON_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
  NON_PARTY_LABEL,
  ROSTER_STANDING_LABELS,
  ROSTER_STANDINGS,
  type LeavingReason,
  type PersonStatus,
} from '@qizhi/domain';

export const PERSON_STATUSES: readonly PersonStatus[] = [...MEMBERSHIP_STATUSES, 'non_party'];

export function statusLabel(status: PersonStatus): string {
  return status === 'non_party' ? NON_PARTY_LABEL : MEMBERSHIP_STATUS_LABELS[status];
}

const STATUS_COLORS: Record<PersonStatus, string> = {
  full: 'red',
  probationary: 'volcano',
  candidate: 'orange',
  activist: 'gold',
  applicant: 'blue',
  non_party: 'default',
};

export function StatusTag({ status }: { status: PersonStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>;
}

export function RetiredTag({ retired }: { retired: boolean }) {
  return retired ? <Tag color="purple">离退休</Tag> : null;
}

/** 已离开（调出）: the person left the court; the roster keeps them out of the current list. */
export function LeftTag({ leftOn, reason }: { leftOn: string | null; reason: LeavingReason | null }) {
  if (!leftOn || !reason) return null;
  return <Tag>{`已离开（${LEAVING_REASON_LABELS[reason]}，${leftOn}）`}</Tag>;
}

/** Party members proper; the others are on the way in (or 群众). */
export function isPartyMember(status: PersonStatus): boolean {
  return status === 'full' || status === 'probationary';
}

export const statusOptions = PERSON_STATUSES.map((value) => ({ value, label: statusLabel(value) }));
export const ageBandOptions = AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] }));
export const educationOptions = EDUCATION_LEVELS.map((value) => ({ value, label: EDUCATION_LABELS[value] }));
export const genderOptions = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));
export const standingOptions = ROSTER_STANDINGS.map((value) => ({ value, label: ROSTER_STANDING_LABELS[value] }));
export const retiredOptions = [
  { value: 'true', label: '离退休' },
  { value: 'false', label: '在职' },
];
