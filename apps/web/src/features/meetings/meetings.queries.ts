import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeliberationMatter, MeetingDetail, MyMeetings as MyMeetingsSchema } from '@qizhi/domain';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { complianceKeys, reminderKeys } from '../compliance/compliance.queries.ts';
import { calendarFeedApi, deliberationsApi, meetingsApi, type MeetingListParams } from './meetings.api.ts';

export type MyMeetings = z.infer<typeof MyMeetingsSchema>;
export type { DeliberationMatter, MeetingListParams };

const all = ['meetings'] as const;
export const meetingKeys = {
  all,
  list: (params: MeetingListParams) => [...all, 'list', params] as const,
  detail: (id: string) => [...all, 'detail', id] as const,
  mine: [...all, 'mine'] as const,
  signInCode: (id: string) => [...all, 'sign-in-code', id] as const,
  ledger: (orgUnitId: string | undefined, year: number) => [...all, 'ledger', orgUnitId, year] as const,
  revisions: (id: string, revision: number) => [...all, 'revisions', id, revision] as const,
};
export const deliberationKeys = { all: ['deliberations'] as const };
export const calendarFeedKeys = { status: ['calendar-feed'] as const };

/** What any change to a meeting shows up in: its page, the lists, the compliance board, reminders. */
export const MEETING_CHANGES = [meetingKeys.all, complianceKeys.all, reminderKeys.all];

export function useMeetingPage(params: MeetingListParams, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: () => meetingsApi.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => meetingsApi.get(id) });
}

export function useMyMeetings(enabled = true) {
  return useQuery({ queryKey: meetingKeys.mine, queryFn: meetingsApi.mine, enabled });
}

/** Polls so the QR code changes with the server's 30-second window. */
export function useSignInCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.signInCode(id),
    queryFn: () => meetingsApi.signInCode(id),
    enabled,
    refetchInterval: (query) => {
      const ends = query.state.data ? Date.parse(query.state.data.windowEndsAt) : 0;
      return Math.max(1_000, Math.min(30_000, ends - Date.now() + 300));
    },
    gcTime: 0,
  });
}

export function useLedger(orgUnitId: string | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.ledger(orgUnitId, year),
    queryFn: () => meetingsApi.ledger(orgUnitId ?? '', year),
    enabled: !!orgUnitId,
  });
}

export function useRevisions(meeting: Pick<MeetingDetail, 'id' | 'revision'>) {
  return useQuery({
    queryKey: meetingKeys.revisions(meeting.id, meeting.revision),
    queryFn: () => meetingsApi.revisions(meeting.id),
  });
}

export function useDeliberations() {
  return useQuery({ queryKey: deliberationKeys.all, queryFn: deliberationsApi.list });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarFeedKeys.status, queryFn: calendarFeedApi.status });
}

/** A write to a meeting: everything that shows the meeting is refreshed afterwards. */
export function useMeetingSave<TVariables = void, TResult = MeetingDetail>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates'>,
) {
  return useSave<TVariables, TResult>({ ...options, invalidates: MEETING_CHANGES });
}
