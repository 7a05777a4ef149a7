import type { Dayjs } from 'dayjs';
import type {
  CreateMemberRequest,
  EducationLevel,
  Gender,
  PartyStanding,
  WorkPost,
  MemberDetail,
  PersonStatus,
  UpdateMemberRequest,
} from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';

/** The member form's own shape (dates as dayjs, blanks as ''); converted to and from the API here. */
export interface MemberFormValues {
  name: string;
  gender?: Gender;
  ethnicity?: string;
  birthDate?: Dayjs | null;
  idNumber?: string;
  phone?: string;
  email?: string;
  education?: EducationLevel | null;
  status: PersonStatus;
  joinedOn?: Dayjs | null;
  confirmedOn?: Dayjs | null;
  orgUnitId?: string | null;
  departmentId?: string | null;
  position?: string;
  partyPosts?: string;
  retired?: boolean;
  retiredOn?: Dayjs | null;
  probationFrom?: Dayjs | null;
  probationTo?: Dayjs | null;
  suspendedFrom?: Dayjs | null;
  suspendedTo?: Dayjs | null;
  notes?: string;
  nativePlace?: string;
  workPost?: WorkPost | null;
  partyStanding?: PartyStanding | null;
  sponsors?: string;
  transferredInOn?: Dayjs | null;
  appliedOn?: Dayjs | null;
  activistOn?: Dayjs | null;
  candidateOn?: Dayjs | null;
}

export const MEMBER_FORM_DEFAULTS: Partial<MemberFormValues> = { status: 'full', retired: false, ethnicity: '汉族' };

function textOf(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function commonFields(values: MemberFormValues) {
  const joined = values.status === 'full' || values.status === 'probationary';
  return {
    name: values.name.trim(),
    gender: values.gender,
    ethnicity: textOf(values.ethnicity),
    birthDate: isoDate(values.birthDate),
    education: values.education ?? null,
    status: values.status,
    joinedOn: joined ? isoDate(values.joinedOn) : null,
    confirmedOn: values.status === 'full' ? isoDate(values.confirmedOn) : null,
    orgUnitId: values.orgUnitId ?? null,
    departmentId: values.departmentId ?? null,
    position: textOf(values.position),
    email: textOf(values.email),
    partyPosts: textOf(values.partyPosts),
    retired: values.retired ?? false,
    retiredOn: values.retired ? isoDate(values.retiredOn) : null,
    probationFrom: joined ? isoDate(values.probationFrom) : null,
    probationTo: joined ? isoDate(values.probationTo) : null,
    suspendedFrom: joined ? isoDate(values.suspendedFrom) : null,
    suspendedTo: joined ? isoDate(values.suspendedTo) : null,
    notes: textOf(values.notes),
    nativePlace: textOf(values.nativePlace),
    workPost: values.workPost ?? null,
    partyStanding: joined ? (values.partyStanding ?? null) : null,
    sponsors: textOf(values.sponsors),
    transferredInOn: joined ? isoDate(values.transferredInOn) : null,
    appliedOn: isoDate(values.appliedOn),
    activistOn: isoDate(values.activistOn),
    candidateOn: isoDate(values.candidateOn),
  };
}

export function toCreateRequest(values: MemberFormValues): CreateMemberRequest {
  return { ...commonFields(values), idNumber: textOf(values.idNumber), phone: textOf(values.phone) };
}

/** Numbers are shown masked, so the form starts them blank: blank means “leave as it is”. */
export function toUpdateRequest(values: MemberFormValues): UpdateMemberRequest {
  const idNumber = textOf(values.idNumber);
  const phone = textOf(values.phone);
  return { ...commonFields(values), ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) };
}

export function fromDetail(member: MemberDetail): MemberFormValues {
  return {
    name: member.name,
    gender: member.gender,
    ethnicity: member.ethnicity ?? '',
    birthDate: dateValue(member.birthDate),
    idNumber: '',
    phone: '',
    education: member.education,
    status: member.status,
    joinedOn: dateValue(member.joinedOn),
    confirmedOn: dateValue(member.confirmedOn),
    orgUnitId: member.orgUnitId,
    departmentId: member.departmentId,
    position: member.position ?? '',
    email: member.email ?? '',
    partyPosts: member.partyPosts ?? '',
    retired: member.retired,
    retiredOn: dateValue(member.retiredOn),
    probationFrom: dateValue(member.probationFrom),
    probationTo: dateValue(member.probationTo),
    suspendedFrom: dateValue(member.suspendedFrom),
    suspendedTo: dateValue(member.suspendedTo),
    notes: member.notes ?? '',
    nativePlace: member.nativePlace ?? '',
    workPost: member.workPost,
    // 正常 is what an unrecorded standing reads as; the form leaves it unset.
    partyStanding: member.partyStanding === 'stopped' ? 'stopped' : null,
    sponsors: member.sponsors ?? '',
    transferredInOn: dateValue(member.transferredInOn),
    appliedOn: dateValue(member.appliedOn),
    activistOn: dateValue(member.activistOn),
    candidateOn: dateValue(member.candidateOn),
  };
}
