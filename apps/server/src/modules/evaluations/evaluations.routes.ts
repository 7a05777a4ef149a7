import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BallotForm,
  BallotRequest,
  CreateRoundRequest,
  DecisionRequest,
  ErrorResponse,
  EvaluationProgress,
  EvaluationTally,
  FollowUpRequest,
  IdParams,
  MyEvaluations,
  OkResponse,
  ProposalsRequest,
  RoundDetail,
  RoundsQuery,
  RoundsResponse,
  SelfEvaluationRequest,
  SubjectParams,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as ballots from './ballots.service.ts';
import { dutyReportRoutes } from './duty-reports.routes.ts';
import * as rounds from './rounds.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['民主评议党员'];

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(dutyReportRoutes);
  app.get(
    '/evaluations/rounds',
    {
      config: { access: 'evaluations.read' },
      schema: { tags, summary: '民主评议轮次', querystring: RoundsQuery, response: { 200: RoundsResponse, ...errors } },
    },
    async (request) => rounds.listRounds(contextOf(request), request.query),
  );
  app.post(
    '/evaluations/rounds',
    {
      config: { access: 'evaluations.manage' },
      schema: {
        tags,
        summary: '新建民主评议（党支部、评议年度、投票范围、评议内容）',
        body: CreateRoundRequest,
        response: { 201: RoundDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await rounds.createRound(contextOf(request), request.body)),
  );
  app.get(
    '/evaluations/rounds/:id',
    {
      config: { access: 'evaluations.read' },
      schema: {
        tags,
        summary: '民主评议详情（不含任何选票）',
        params: IdParams,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) => rounds.getRound(contextOf(request), request.params.id),
  );
  const step = (
    path: string,
    summary: string,
    run: (ctx: ReturnType<typeof contextOf>, id: string) => Promise<RoundDetail>,
  ) =>
    app.post(
      `/evaluations/rounds/:id/${path}`,
      {
        config: { access: 'evaluations.manage' },
        schema: { tags, summary, params: IdParams, response: { 200: RoundDetail, ...errors } },
      },
      async (request) => run(contextOf(request), request.params.id),
    );
  step('start-self-evaluation', '进入个人自评', rounds.startSelfEvaluation);
  step('open', '开始投票（确定投票人范围）', rounds.openRound);
  step('close', '结束投票', rounds.closeRound);
  step('publish', '公布评议结果', rounds.publishRound);

  app.post(
    '/evaluations/rounds/:id/ballots',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '投票（每人每轮一次，匿名；再次投票答 409 ALREADY_VOTED）',
        params: IdParams,
        body: BallotRequest,
        response: { 201: OkResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ballots.castBallot(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/evaluations/rounds/:id/ballot-form',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '本人的选票（被评议党员名单、是否已投）',
        params: IdParams,
        response: { 200: BallotForm, ...errors },
      },
    },
    async (request) => ballots.ballotForm(contextOf(request), request.params.id),
  );
  app.get(
    '/evaluations/rounds/:id/progress',
    {
      config: { access: 'evaluations.read' },
      schema: {
        tags,
        summary: '投票进度 {eligible, voted}（从不列出是谁）',
        params: IdParams,
        response: { 200: EvaluationProgress, ...errors },
      },
    },
    async (request) => ballots.progressOf(contextOf(request), request.params.id),
  );
  app.get(
    '/evaluations/rounds/:id/tally',
    {
      config: { access: 'evaluations.read' },
      schema: {
        tags,
        summary: '汇总结果（票数和比例；投票结束且达到最少票数后才有，否则 409 TALLY_NOT_AVAILABLE）',
        params: IdParams,
        response: { 200: EvaluationTally, ...errors },
      },
    },
    async (request) => ballots.tallyOf(contextOf(request), request.params.id),
  );
  app.put(
    '/evaluations/rounds/:id/self-evaluation',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '填写本人的个人自评',
        params: IdParams,
        body: SelfEvaluationRequest,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => rounds.writeSelfEvaluation(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/evaluations/rounds/:id/proposals',
    {
      config: { access: 'evaluations.manage' },
      schema: {
        tags,
        summary: '支委会提出等次建议（优秀不超过规定比例）',
        params: IdParams,
        body: ProposalsRequest,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) => rounds.proposeGrades(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/evaluations/rounds/:id/decision',
    {
      config: { access: 'evaluations.manage' },
      schema: {
        tags,
        summary: '登记支部党员大会的决定（关联会议及其表决）',
        params: IdParams,
        body: DecisionRequest,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) => rounds.decideGrades(contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/evaluations/rounds/:id/subjects/:subjectId/follow-up',
    {
      config: { access: 'evaluations.manage' },
      schema: {
        tags,
        summary: '登记不合格党员的处置',
        params: SubjectParams,
        body: FollowUpRequest,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) =>
      rounds.recordFollowUp(contextOf(request), request.params.id, request.params.subjectId, request.body),
  );
  app.get(
    '/evaluations/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人的待投选票、个人自评和评议结果', response: { 200: MyEvaluations, ...errors } },
    },
    async (request) => ballots.myEvaluations(contextOf(request)),
  );
};
