/**
 * Anonymous ballots of 民主评议 (issue 13): one per voter, stored with nothing that links it to them;
 * progress counts who has voted, never names them; the tally exists only as counts, after closing,
 * from at least the minimum number of ballots. No function here returns a ballot.
 */
import {
  ballotPointsOf,
  ballotProblems,
  tallyAvailability,
  tallyMarks,
  VOTER_POOL_LABELS,
  type BallotForm,
  type BallotRequest,
  type EvaluationProgress,
  type EvaluationTally,
  type MyEvaluations,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './evaluations.repo.ts';
import { findRound, readableRound, settingsOf, toSummary } from './rounds.service.ts';

/** A round in the caller's court that they may vote in; others' rounds do not exist for them. */
async function electorRound(ctx: RequestContext, id: string) {
  const row = await findRound(ctx, id);
  if (row.round.step === 'study' || row.round.step === 'self_evaluation')
    throw new AppError('VOTING_NOT_OPEN', '本轮评议尚未开始投票');
  const personId = ctx.personId;
  if (personId === null || !(await repo.isElector(ctx.db, ctx.tenantId, id, personId)))
    throw new AppError('NOT_A_VOTER');
  return { row, personId };
}

export async function ballotForm(ctx: RequestContext, id: string): Promise<BallotForm> {
  const { row, personId } = await electorRound(ctx, id);
  const [subjects, voted, { minBallots }] = await Promise.all([
    repo.findSubjects(ctx.db, ctx.tenantId, id),
    repo.hasVoted(ctx.db, ctx.tenantId, id, personId),
    settingsOf(ctx.db, ctx.tenantId),
  ]);
  return {
    round: toSummary(row, minBallots),
    subjects: subjects.map((s) => ({ id: s.subject.id, name: s.name })),
    hasVoted: voted,
  };
}

/**
 * One transaction: mark the voter (the primary key refuses a second mark, so of concurrent casts
 * exactly one gets through), then store the ballot with no link to them. The audit row says only
 * that this person voted in this round — never what.
 */
export async function castBallot(ctx: RequestContext, id: string, input: BallotRequest): Promise<{ ok: true }> {
  const { row, personId } = await electorRound(ctx, id);
  const subjects = await repo.findSubjects(ctx.db, ctx.tenantId, id);
  const points = ballotPointsOf(row.round.points);
  const problems = ballotProblems(
    input.marks,
    subjects.map((s) => s.subject.id),
    points,
  );
  if (problems.length > 0) throw validationFailed(problems);
  const marks = input.marks.flatMap((m) =>
    points.map((point) => ({ subjectId: m.subjectId, point, grade: m.grades[point]! })),
  );
  await ctx.db.transaction(async (tx) => {
    const step = await repo.lockRoundStep(tx, ctx.tenantId, id);
    if (step !== 'voting') throw new AppError('VOTING_NOT_OPEN');
    if (!(await repo.markVoted(tx, ctx.tenantId, id, personId))) throw new AppError('ALREADY_VOTED');
    await repo.insertBallot(tx, ctx.tenantId, id, marks);
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.vote',
      entity: 'evaluation_round',
      entityId: id,
      summary: `${ctx.actor.name ?? ''}在${row.orgUnitName}${String(row.round.coveredYear)}年度民主评议（${VOTER_POOL_LABELS[row.round.pool]}）中投票`,
    });
  });
  return { ok: true };
}

export async function progressOf(ctx: RequestContext, id: string): Promise<EvaluationProgress> {
  await readableRound(ctx, id);
  const { eligible, voted } = await repo.countProgress(ctx.db, ctx.tenantId, id);
  return { eligible, voted };
}

export async function tallyOf(ctx: RequestContext, id: string): Promise<EvaluationTally> {
  const row = await readableRound(ctx, id);
  const [{ ballots }, { minBallots }] = await Promise.all([
    repo.countProgress(ctx.db, ctx.tenantId, id),
    settingsOf(ctx.db, ctx.tenantId),
  ]);
  const availability = tallyAvailability(row.round.step, ballots, minBallots);
  if (!availability.available) throw new AppError('TALLY_NOT_AVAILABLE', availability.message);
  const [subjects, marks] = await Promise.all([
    repo.findSubjects(ctx.db, ctx.tenantId, id),
    repo.countMarks(ctx.db, ctx.tenantId, id),
  ]);
  const names = new Map(subjects.map((s) => [s.subject.id, s.name]));
  const tally = tallyMarks([...names.keys()], ballotPointsOf(row.round.points), marks, ballots);
  return { ballots, subjects: tally.map((t) => ({ ...t, name: names.get(t.subjectId)! })) };
}

/** The signed-in person's ballots to cast, self-evaluations to write and published results. */
export async function myEvaluations(ctx: RequestContext): Promise<MyEvaluations> {
  if (!ctx.personId) return { ballots: [], selfEvaluations: [], results: [] };
  const [electorOf, subjectOf, { minBallots }] = await Promise.all([
    repo.findElectorRounds(ctx.db, ctx.tenantId, ctx.personId),
    repo.findSubjectRowsOfPerson(ctx.db, ctx.tenantId, ctx.personId),
    settingsOf(ctx.db, ctx.tenantId),
  ]);
  const ids = [...new Set([...electorOf.map((e) => e.roundId), ...subjectOf.map((s) => s.roundId)])];
  const rounds = new Map((await repo.findRounds(ctx.db, ctx.tenantId, { ids })).map((r) => [r.round.id, r] as const));
  const summary = (roundId: string) => toSummary(rounds.get(roundId)!, minBallots);
  return {
    ballots: electorOf
      .filter((e) => rounds.get(e.roundId)?.round.step === 'voting')
      .map((e) => ({ round: summary(e.roundId), hasVoted: e.hasVoted })),
    selfEvaluations: subjectOf
      .filter((s) => ['self_evaluation', 'voting'].includes(rounds.get(s.roundId)?.round.step ?? ''))
      .map((s) => ({
        round: summary(s.roundId),
        subjectId: s.subject.id,
        grade: s.subject.selfGrade,
        text: s.subject.selfText,
      })),
    results: subjectOf.flatMap((s) => {
      const r = rounds.get(s.roundId);
      if (r?.round.step !== 'published' || !s.subject.finalGrade) return [];
      return [
        {
          roundId: r.round.id,
          coveredYear: r.round.coveredYear,
          orgUnitName: r.orgUnitName,
          pool: r.round.pool,
          finalGrade: s.subject.finalGrade,
          followUp: s.subject.followUpMeasure
            ? {
                measure: s.subject.followUpMeasure,
                dueOn: s.subject.followUpDueOn,
                notes: s.subject.followUpNotes ?? '',
              }
            : null,
        },
      ];
    }),
  };
}
