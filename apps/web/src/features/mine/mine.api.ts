import { MyAttendance } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** 我的: the signed-in person's own answers that no other feature already asks for. */
export const mineApi = {
  attendance: (year: number) => call.get(MyAttendance, '/api/me/meetings', { year }),
};
