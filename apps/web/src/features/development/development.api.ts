import { DevelopmentBoard, DevelopmentRecord, type RecordStepRequest } from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 发展党员: the branch's board, a person's 25 steps, recording and withdrawing a step, assessments. */
export const developmentApi = {
  board: (orgUnitId: string) => call.get(DevelopmentBoard, '/api/development/board', { orgUnitId }),
  person: (personId: string) => call.get(DevelopmentRecord, `/api/development/people/${seg(personId)}`),
  recordStep: (personId: string, body: RecordStepRequest) =>
    call.post(DevelopmentRecord, `/api/development/people/${seg(personId)}/steps`, body),
  undoStep: (personId: string, step: number) =>
    call.delete(DevelopmentRecord, `/api/development/people/${seg(personId)}/steps/${seg(step)}`),
  assess: (personId: string, body: { on: string; result: string; who?: string }) =>
    call.post(DevelopmentRecord, `/api/development/people/${seg(personId)}/assessments`, body),
};
