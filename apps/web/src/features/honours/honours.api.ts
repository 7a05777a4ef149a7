import type { z } from 'zod';
import {
  Honour,
  HonoursResponse,
  Sanction,
  SanctionsResponse,
  type HonourRequest,
  HonoursQuery,
  type SanctionRequest,
  SanctionsQuery,
  type UpdateHonourRequest,
  type UpdateSanctionRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** Honours (荣誉) of the court and its people, and commendations and criticisms (奖惩). */
export const honoursApi = {
  honours: (query: Partial<z.output<typeof HonoursQuery>>) => call.get(HonoursResponse, '/api/honours', query),
  createHonour: (body: HonourRequest) => call.post(Honour, '/api/honours', body),
  updateHonour: (id: string, body: UpdateHonourRequest) => call.patch(Honour, `/api/honours/${seg(id)}`, body),
  deleteHonour: (id: string) => call.send('DELETE', `/api/honours/${seg(id)}`),
  sanctions: (query: Partial<z.output<typeof SanctionsQuery>>) => call.get(SanctionsResponse, '/api/sanctions', query),
  createSanction: (body: SanctionRequest) => call.post(Sanction, '/api/sanctions', body),
  updateSanction: (id: string, body: UpdateSanctionRequest) => call.patch(Sanction, `/api/sanctions/${seg(id)}`, body),
  deleteSanction: (id: string) => call.send('DELETE', `/api/sanctions/${seg(id)}`),
};
