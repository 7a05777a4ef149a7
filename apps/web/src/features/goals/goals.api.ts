/**
 * The goal routes as functions. The tree comes a level at a time (`level`), a goal's place in it
 * on demand (`path`); every answer is parsed by its schema from `@qizhi/domain`.
 */
import {
  DecomposeGoalResponse,
  DimensionsResponse,
  Goal,
  GoalDetail,
  GoalPathResponse,
  GoalReport,
  GoalReportsResponse,
  GoalsResponse,
  GoalSummaryResponse,
  MyGoalsResponse,
  OkResponse,
  type CreateGoalRequest,
  type DecomposeGoalRequest,
  type ProgressReportRequest,
  type UpdateGoalRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

const goal = (id: string) => `/api/goals/${seg(id)}`;

export const goalsApi = {
  /** One level of the year's tree: the top goals (`parentId` null) or one goal's direct children. */
  level: (year: number, parentId: string | null) =>
    call.get(GoalsResponse, '/api/goals', { year, parentId: parentId ?? undefined }),
  /** The goals from the top of the tree down to this one (itself last). */
  path: (id: string) => call.get(GoalPathResponse, `${goal(id)}/path`),
  get: (id: string) => call.get(GoalDetail, goal(id)),
  mine: (year: number) => call.get(MyGoalsResponse, '/api/goals/mine', { year }),
  dimensions: (year: number) => call.get(DimensionsResponse, '/api/goals/dimensions', { year }),
  summary: (year: number) => call.get(GoalSummaryResponse, '/api/goals/summary', { year }),
  create: (body: CreateGoalRequest) => call.post(Goal, '/api/goals', body),
  update: (id: string, body: UpdateGoalRequest) => call.patch(Goal, goal(id), body),
  remove: (id: string) => call.delete(OkResponse, goal(id)),
  decompose: (id: string, body: DecomposeGoalRequest) =>
    call.post(DecomposeGoalResponse, `${goal(id)}/decompose`, body),
  reportProgress: (id: string, body: ProgressReportRequest) => call.post(GoalReport, `${goal(id)}/progress`, body),
  pendingReports: () => call.get(GoalReportsResponse, '/api/goal-reports', { status: 'pending' }),
  /** 采纳 (moves the goal's progress) or 退回 with a reason. */
  decideReport: (id: string, decision: 'accept' | 'return', note: string) =>
    call.post(GoalReport, `/api/goal-reports/${seg(id)}/${decision}`, { note }),
};
