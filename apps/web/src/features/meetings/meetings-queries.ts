import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ComplianceResponse,
  DeliberationMatter,
  DeliberationPage as DeliberationPageSchema,
  Ledger,
  MeetingDetail,
  MeetingPage,
  MeetingsQuery,
  MyMeetings as MyMeetingsSchema,
  Reminders,
  SignInCode,
} from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

export type MyMeetings = z.infer<typeof MyMeetingsSchema>;
export type DeliberationPage = z.infer<typeof DeliberationPageSchema>;
export type MeetingListParams = Partial<MeetingsQuery>;

export const meetingsKey = ['meetings'] as const;
export const complianceKey = ['compliance'] as const;
export const remindersKey = ['reminders'] as const;
export const deliberationsKey = ['deliberations'] as const;

export function useMeetingPage(params: MeetingListParams, enabled = true) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', params],
    queryFn: ({ signal }) => api.get<MeetingPage>('/api/meetings', params, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...meetingsKey, 'detail', id],
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`),
  });
}

export function useMyMeetings(enabled = true) {
  return useQuery({
    queryKey: [...meetingsKey, 'mine'],
    queryFn: () => api.get<MyMeetings>('/api/meetings/mine'),
    enabled,
  });
}

/** Polls so the QR code changes with the server's 30-second window. */
export function useSignInCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingsKey, 'sign-in-code', id],
    queryFn: () => api.get<SignInCode>(`/api/meetings/${encodeURIComponent(id)}/sign-in-code`),
    enabled,
    refetchInterval: (query) => {
      const ends = query.state.data ? Date.parse(query.state.data.windowEndsAt) : 0;
      return Math.max(1_000, Math.min(30_000, ends - Date.now() + 300));
    },
    gcTime: 0,
  });
}

export function useCompliance(year: number, orgUnitId?: string) {
  return useQuery({
    queryKey: [...complianceKey, year, orgUnitId ?? null],
    queryFn: () => api.get<ComplianceResponse>('/api/compliance', { year, orgUnitId }),
  });
}

export function useReminders() {
  return useQuery({ queryKey: remindersKey, queryFn: () => api.get<Reminders>('/api/reminders') });
}

export function useLedger(orgUnitId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'ledger', orgUnitId, year],
    queryFn: () => api.get<Ledger>('/api/meetings/ledger/entries', { orgUnitId, year }),
    enabled: !!orgUnitId,
  });
}

export function useDeliberations() {
  return useQuery({
    queryKey: deliberationsKey,
    queryFn: () => api.get<DeliberationPage>('/api/deliberations', { pageSize: 100 }),
  });
}

/** After any change to a meeting: its page, lists, the board and reminders. */
export async function refreshMeetings(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingsKey }),
    queryClient.invalidateQueries({ queryKey: complianceKey }),
    queryClient.invalidateQueries({ queryKey: remindersKey }),
  ]);
}

/** A write to one meeting that answers with the meeting: the page shows the answer at once. */
export function useMeetingAction<TBody>(id: string, run: (body: TBody) => Promise<MeetingDetail>) {
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      queryClient.setQueryData([...meetingsKey, 'detail', id], detail);
      await refreshMeetings();
    },
  });
}

export type { DeliberationMatter };
