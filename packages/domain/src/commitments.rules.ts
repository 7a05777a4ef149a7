/** 公开承诺: the branch and every member publish an annual commitment, approved by the secretary. */
export const COMMITMENT_STATUSES = ['draft', 'submitted', 'published', 'returned'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已公开',
  returned: '已退回',
};

export const COMMITMENT_OWNER_KINDS = ['org_unit', 'person'] as const;
export type CommitmentOwnerKind = (typeof COMMITMENT_OWNER_KINDS)[number];

/** Year-end result of one promise, by the owner (self-assessment) and by the branch (verification). */
export const PROMISE_RESULTS = ['kept', 'partly', 'not'] as const;
export type PromiseResult = (typeof PROMISE_RESULTS)[number];
export const PROMISE_RESULT_LABELS: Record<PromiseResult, string> = {
  kept: '已兑现',
  partly: '部分兑现',
  not: '未兑现',
};

export const MAX_PROMISES = 10;

/** Only a draft or a returned commitment can still be changed by its owner. */
export function isCommitmentEditable(status: CommitmentStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * The commitment's overall result once the branch has verified every promise: all kept → kept,
 * none kept at all → not, anything else → partly. Null until every promise is verified.
 */
export function summariseCommitmentResult(results: readonly (PromiseResult | null)[]): PromiseResult | null {
  if (results.length === 0 || results.some((r) => r === null)) return null;
  if (results.every((r) => r === 'kept')) return 'kept';
  if (results.every((r) => r === 'not')) return 'not';
  return 'partly';
}
