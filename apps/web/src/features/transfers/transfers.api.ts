import {
  PersonTransfers,
  TransferCheck,
  TransferItem,
  TransferList,
  type ReceiptStatus,
  type TransferDirection,
  type TransferInRequest,
  type TransferOutRequest,
  type TransferReceiptRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 组织关系转接: the list, the check before a letter, letters out, transfers in, receipts, a person's history. */
export const transfersApi = {
  list: (query: { direction?: TransferDirection; status?: ReceiptStatus }) =>
    call.get(TransferList, '/api/transfers', query),
  get: (id: string) => call.get(TransferItem, `/api/transfers/${seg(id)}`),
  check: (personId: string) => call.get(TransferCheck, `/api/transfers/check/${seg(personId)}`),
  person: (personId: string) => call.get(PersonTransfers, `/api/transfers/people/${seg(personId)}`),
  out: (body: TransferOutRequest) => call.post(TransferItem, '/api/transfers/out', body),
  in: (body: TransferInRequest) => call.post(TransferItem, '/api/transfers/in', body),
  receipt: (id: string, body: TransferReceiptRequest) =>
    call.post(TransferItem, `/api/transfers/${seg(id)}/receipt`, body),
};
