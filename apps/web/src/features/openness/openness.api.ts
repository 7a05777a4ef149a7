import type { z } from 'zod';
import {
  Disclosure,
  DisclosuresQuery,
  DisclosuresResponse,
  DisclosureSourcesResponse,
  type CreateDisclosureRequest,
  type CreateSourcedDisclosureRequest,
  type UpdateDisclosureRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 党务公开 / 院务公开: items, their approval and withdrawal. */
export const opennessApi = {
  list: (query: Partial<z.output<typeof DisclosuresQuery>>) => call.get(DisclosuresResponse, '/api/openness', query),
  create: (body: CreateDisclosureRequest) => call.post(Disclosure, '/api/openness', body),
  /** What other capabilities have published and may be shown here from its source. */
  sources: () => call.get(DisclosureSourcesResponse, '/api/openness/sources'),
  createFromSource: (body: CreateSourcedDisclosureRequest) => call.post(Disclosure, '/api/openness/from-source', body),
  update: (id: string, body: UpdateDisclosureRequest) => call.patch(Disclosure, `/api/openness/${seg(id)}`, body),
  submit: (id: string) => call.post(Disclosure, `/api/openness/${seg(id)}/submit`),
  approve: (id: string) => call.post(Disclosure, `/api/openness/${seg(id)}/approve`),
  returnItem: (id: string, note: string) => call.post(Disclosure, `/api/openness/${seg(id)}/return`, { note }),
  withdraw: (id: string, reason: string) => call.post(Disclosure, `/api/openness/${seg(id)}/withdraw`, { reason }),
  /** The public portal's own page of an item (server-rendered, opens without signing in). */
  portalUrl: (id?: string) => (id ? `/public/items/${seg(id)}` : '/public'),
};
