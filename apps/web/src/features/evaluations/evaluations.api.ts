import { z } from 'zod';
import {
  BallotForm,
  DutyReport,
  DutyReportsResponse,
  EvaluationProgress,
  EvaluationTally,
  MyAssessments,
  MyEvaluations,
  OkResponse,
  RoundDetail,
  RoundsResponse,
  type BallotRequest,
  type CreateRoundRequest,
  type DecisionRequest,
  type DutyReportRequest,
  type FollowUpRequest,
  type ProposalsRequest,
  type SelfEvaluationRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

const round = (id: string) => `/api/evaluations/rounds/${seg(id)}`;
export type RoundAction = 'start-self-evaluation' | 'open' | 'close' | 'publish';

/** 民主评议党员 (rounds, anonymous ballots, tallies) and 述职述廉 reports. */
export const evaluationsApi = {
  rounds: (year?: number) => call.get(RoundsResponse, '/api/evaluations/rounds', year ? { year } : undefined),
  round: (id: string) => call.get(RoundDetail, round(id)),
  create: (body: CreateRoundRequest) => call.post(RoundDetail, '/api/evaluations/rounds', body),
  act: (id: string, action: RoundAction) => call.post(RoundDetail, `${round(id)}/${action}`),
  progress: (id: string) => call.get(EvaluationProgress, `${round(id)}/progress`),
  tally: (id: string) => call.get(EvaluationTally, `${round(id)}/tally`),
  ballotForm: (id: string) => call.get(BallotForm, `${round(id)}/ballot-form`),
  cast: (id: string, body: BallotRequest) => call.post(OkResponse, `${round(id)}/ballots`, body),
  selfEvaluate: (id: string, body: SelfEvaluationRequest) => call.put(OkResponse, `${round(id)}/self-evaluation`, body),
  propose: (id: string, body: ProposalsRequest) => call.post(RoundDetail, `${round(id)}/proposals`, body),
  decide: (id: string, body: DecisionRequest) => call.post(RoundDetail, `${round(id)}/decision`, body),
  followUp: (id: string, subjectId: string, body: FollowUpRequest) =>
    call.put(RoundDetail, `${round(id)}/subjects/${seg(subjectId)}/follow-up`, body),
  mine: () => call.get(MyEvaluations, '/api/evaluations/mine'),
  myAssessments: () => call.get(MyAssessments, '/api/me/assessments'),
  dutyReports: (year: number) => call.get(DutyReportsResponse, '/api/evaluations/duty-reports', { year }),
  myDutyReport: (year: number) =>
    call.get(z.object({ report: DutyReport.nullable() }), '/api/evaluations/duty-reports/mine', { year }),
  saveMyDutyReport: (body: DutyReportRequest) => call.put(DutyReport, '/api/evaluations/duty-reports/mine', body),
  linkMeeting: (id: string, meetingId: string | null) =>
    call.put(DutyReport, `/api/evaluations/duty-reports/${seg(id)}/meeting`, { meetingId }),
};
