/** 学习平台's routes as functions, each answer parsed by its schema from `@qizhi/domain`. */
import {
  Incentive,
  IncentivesResponse,
  PersonStudyLedger,
  SignInCode,
  StudyAttendanceResponse,
  StudyHoursResponse,
  StudyProgramme,
  StudyProgrammeList,
  StudySessionDetail,
  StudySessionList,
  StudySignInResponse,
  WorkCalendarYear,
  type AttendanceRequest,
  type IncentiveRequest,
  type CreateStudyProgrammeRequest,
  type CreateStudySessionRequest,
  type UpdateStudySessionRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

const session = (id: string) => `/api/study/sessions/${seg(id)}`;

export interface SessionsParams {
  from: string;
  to: string;
  orgUnitId?: string;
}
export interface HoursParams {
  year: number;
  orgUnitId?: string;
  behind?: 'true';
}

export const studyApi = {
  sessions: (q: SessionsParams) => call.get(StudySessionList, '/api/study/sessions', { ...q }),
  session: (id: string) => call.get(StudySessionDetail, session(id)),
  createSession: (body: CreateStudySessionRequest) => call.post(StudySessionDetail, '/api/study/sessions', body),
  updateSession: (id: string, body: UpdateStudySessionRequest) => call.patch(StudySessionDetail, session(id), body),
  recordAttendance: (id: string, body: AttendanceRequest) =>
    call.put(StudyAttendanceResponse, `${session(id)}/attendance`, body),
  signInCode: (id: string) => call.get(SignInCode, `${session(id)}/sign-in-code`),
  signIn: (id: string, code: string) => call.post(StudySignInResponse, `${session(id)}/sign-in`, { code }),
  programmes: () => call.get(StudyProgrammeList, '/api/study/programmes'),
  createProgramme: (body: CreateStudyProgrammeRequest) => call.post(StudyProgramme, '/api/study/programmes', body),
  hours: (q: HoursParams) => call.get(StudyHoursResponse, '/api/study/hours', { ...q }),
  myHours: (year: number) => call.get(PersonStudyLedger, '/api/study/hours/me', { year }),
  personHours: (personId: string, year: number) =>
    call.get(PersonStudyLedger, `/api/study/hours/${seg(personId)}`, { year }),
  downloadHours: (q: HoursParams) =>
    call.download('/api/study/hours.xlsx', { ...q }, `${String(q.year)}年学习学时台账.xlsx`),
  downloadPerson: (personId: string, year: number, name: string) =>
    call.download(`/api/study/hours/${seg(personId)}/ledger.xlsx`, { year }, `${name}${String(year)}年学习台账.xlsx`),
  incentives: (year?: number) => call.get(IncentivesResponse, '/api/study/incentives', year ? { year } : {}),
  createIncentive: (body: IncentiveRequest) => call.post(Incentive, '/api/study/incentives', body),
  calendar: (year: number) => call.get(WorkCalendarYear, `/api/study/calendar/${seg(year)}`),
  putCalendar: (year: number, days: WorkCalendarYear['days']) =>
    call.put(WorkCalendarYear, `/api/study/calendar/${seg(year)}`, { days }),
};
