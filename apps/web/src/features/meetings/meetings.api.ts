/**
 * The meeting family's routes as functions: meetings and their record (attendance, minutes, votes,
 * tasks, files, corrections), the phone sign-in, the ledger, the calendar feed and 四议两公开.
 * Each answer is parsed by its schema from `@qizhi/domain`.
 */
import {
  AttendanceResponse,
  CalendarFeedCreated,
  CalendarFeedStatus,
  DeliberationMatter,
  DeliberationPage,
  Ledger,
  MeetingDetail,
  MeetingPage,
  MeetingRevisions,
  MyMeetings,
  OkResponse,
  SignInCode,
  SignInResponse,
  type AttendanceRequest,
  type CreateMeetingRequest,
  type DisclosureKind,
  type MeetingsQuery,
  type MinutesRequest,
  type RevisionRequest,
  type VoteCorrectionRequest,
  type TaskRequest,
  type UpdateMeetingRequest,
  type VoteRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

export type MeetingListParams = Partial<MeetingsQuery>;
/** The actions a host takes on a meeting as a whole. */
export type MeetingAction = 'notify' | 'close' | 'cancel';

const meeting = (id: string) => `/api/meetings/${seg(id)}`;
const matter = (id: string) => `/api/deliberations/${seg(id)}`;

export const meetingsApi = {
  list: (query: MeetingListParams) => call.get(MeetingPage, '/api/meetings', query),
  mine: () => call.get(MyMeetings, '/api/meetings/mine'),
  get: (id: string) => call.get(MeetingDetail, meeting(id)),
  create: (body: CreateMeetingRequest) => call.post(MeetingDetail, '/api/meetings', body),
  update: (id: string, body: UpdateMeetingRequest) => call.patch(MeetingDetail, meeting(id), body),
  act: (id: string, action: MeetingAction) => call.post(MeetingDetail, `${meeting(id)}/${action}`),
  markNoticeRead: (id: string) => call.post(OkResponse, `${meeting(id)}/read`),
  askLeave: (id: string, reason: string) => call.post(MeetingDetail, `${meeting(id)}/leave`, { reason }),
  signInCode: (id: string) => call.get(SignInCode, `${meeting(id)}/sign-in-code`),
  signIn: (id: string, code: string) => call.post(SignInResponse, `${meeting(id)}/sign-in`, { code }),
  saveAttendance: (id: string, entries: AttendanceRequest) =>
    call.put(AttendanceResponse, `${meeting(id)}/attendance`, entries),
  saveMinutes: (id: string, body: MinutesRequest) => call.put(MeetingDetail, `${meeting(id)}/minutes`, body),
  recordVote: (id: string, body: VoteRequest) => call.post(MeetingDetail, `${meeting(id)}/votes`, body),
  addTask: (id: string, body: TaskRequest) => call.post(MeetingDetail, `${meeting(id)}/tasks`, body),
  finishTask: (id: string, taskId: string) => call.post(MeetingDetail, `${meeting(id)}/tasks/${seg(taskId)}/done`),
  attachFile: (id: string, fileId: string, kind: 'photo' | 'file') =>
    call.post(MeetingDetail, `${meeting(id)}/files`, { fileId, kind }),
  revisions: (id: string) => call.get(MeetingRevisions, `${meeting(id)}/revisions`),
  revise: (id: string, body: RevisionRequest) => call.post(MeetingDetail, `${meeting(id)}/revisions`, body),
  /** 更正表决: with a reason; the vote as it was is kept in the revisions. */
  correctVote: (id: string, voteId: string, body: VoteCorrectionRequest) =>
    call.post(MeetingDetail, `${meeting(id)}/votes/${seg(voteId)}/corrections`, body),
  ledger: (orgUnitId: string, year: number) => call.get(Ledger, '/api/meetings/ledger/entries', { orgUnitId, year }),
  /** The year's ledger as an .xlsx download; resolves to the file's name. */
  downloadLedger: (orgUnitId: string, year: number) =>
    call.download('/api/meetings/ledger', { orgUnitId, year }, '会议台账.xlsx'),
};

export const calendarFeedApi = {
  status: () => call.get(CalendarFeedStatus, '/api/calendar/feed'),
  create: () => call.post(CalendarFeedCreated, '/api/calendar/feed'),
  revoke: () => call.send('DELETE', '/api/calendar/feed'),
};

export const deliberationsApi = {
  list: () => call.get(DeliberationPage, '/api/deliberations', { pageSize: 100 }),
  create: (body: { orgUnitId: string; title: string; description?: string }) =>
    call.post(DeliberationMatter, '/api/deliberations', body),
  recordStep: (id: string, index: number, body: { meetingId: string; outcome: string | null }) =>
    call.post(DeliberationMatter, `${matter(id)}/steps/${String(index)}`, body),
  disclose: (id: string, body: { kind: DisclosureKind; disclosedOn: string; place: string; content: string }) =>
    call.post(DeliberationMatter, `${matter(id)}/disclosures`, body),
};
