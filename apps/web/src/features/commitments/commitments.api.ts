import {
  Commitment,
  CommitmentsResponse,
  MyCommitmentResponse,
  PublicCommitmentsResponse,
  type CommitmentStatus,
  type CreateCommitmentRequest,
  type PromiseResultsRequest,
  type UpdateCommitmentRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

const commitment = (id: string) => `/api/commitments/${seg(id)}`;
/** The steps of a commitment's life that take nothing but the commitment. */
export type CommitmentStep = 'submit' | 'approve';

export const commitmentsApi = {
  /** The year's commitments in view; one status, or what the reader may see. */
  list: (year: number, status?: CommitmentStatus) =>
    call.get(CommitmentsResponse, '/api/commitments', { year, status }),
  mine: (year: number) => call.get(MyCommitmentResponse, '/api/commitments/mine', { year }),
  create: (body: CreateCommitmentRequest) => call.post(Commitment, '/api/commitments', body),
  update: (id: string, body: UpdateCommitmentRequest) => call.put(Commitment, commitment(id), body),
  step: (id: string, step: CommitmentStep) => call.post(Commitment, `${commitment(id)}/${step}`),
  /** Back to its owner, with the reason. */
  return: (id: string, note: string) => call.post(Commitment, `${commitment(id)}/return`, { note }),
  /** 年终自评 by the owner (`self`) or 核实 by the branch (`verify`). */
  assess: (id: string, stage: 'self' | 'verify', body: PromiseResultsRequest) =>
    call.post(Commitment, `${commitment(id)}/${stage === 'self' ? 'self-assessment' : 'verify'}`, body),
  /** The public notice board: no sign-in, so a 401 must not bounce to the sign-in page. */
  public: (court: string | undefined, year: number) =>
    call.get(PublicCommitmentsResponse, '/api/public/commitments', { court, year }, { skipAuthRedirect: true }),
};
