import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { ReceiptStatus, TransferDirection } from '@qizhi/domain';
import { PEOPLE_CHANGED } from '../members/members.queries.ts';
import { transfersApi } from './transfers.api.ts';

export const transfersKey = ['transfers'] as const;
/** A transfer moves or removes a person: the roster and the organisations' counts change with it. */
export const TRANSFERS_CHANGED: QueryKey[] = [transfersKey, ...PEOPLE_CHANGED];

export function useTransfers(query: { direction?: TransferDirection; status?: ReceiptStatus }) {
  return useQuery({ queryKey: [...transfersKey, 'list', query], queryFn: () => transfersApi.list(query) });
}

export function useTransfer(id: string) {
  return useQuery({ queryKey: [...transfersKey, 'one', id], queryFn: () => transfersApi.get(id) });
}

export function useTransferCheck(personId: string | null | undefined) {
  return useQuery({
    queryKey: [...transfersKey, 'check', personId],
    queryFn: () => transfersApi.check(personId!),
    enabled: !!personId,
    retry: false,
  });
}

export function usePersonTransfers(personId: string) {
  return useQuery({ queryKey: [...transfersKey, 'person', personId], queryFn: () => transfersApi.person(personId) });
}
