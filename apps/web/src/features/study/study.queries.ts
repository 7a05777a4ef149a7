import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { nextCodeRefresh } from '../meetings/sign-in-code-modal.tsx';
import { studyApi, type HoursParams, type SessionsParams } from './study.api.ts';

export const studyKeys = {
  all: ['study'] as const,
  sessions: (q: SessionsParams) => ['study', 'sessions', q] as const,
  session: (id: string) => ['study', 'session', id] as const,
  programmes: ['study', 'programmes'] as const,
  hours: (q: HoursParams) => ['study', 'hours', q] as const,
  myHours: (year: number) => ['study', 'my-hours', year] as const,
  person: (id: string, year: number) => ['study', 'person', id, year] as const,
  calendar: (year: number) => ['study', 'calendar', year] as const,
  incentives: ['study', 'incentives'] as const,
  signInCode: (id: string) => ['study', 'sign-in-code', id] as const,
};

export function useStudySessions(q: SessionsParams) {
  return useQuery({
    queryKey: studyKeys.sessions(q),
    queryFn: () => studyApi.sessions(q),
    placeholderData: keepPreviousData,
  });
}
export function useStudySession(id: string) {
  return useQuery({ queryKey: studyKeys.session(id), queryFn: () => studyApi.session(id) });
}
export function useStudyProgrammes() {
  return useQuery({ queryKey: studyKeys.programmes, queryFn: studyApi.programmes });
}
export function useStudyHours(q: HoursParams, enabled = true) {
  return useQuery({
    queryKey: studyKeys.hours(q),
    queryFn: () => studyApi.hours(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}
export function useMyStudyHours(year: number) {
  return useQuery({ queryKey: studyKeys.myHours(year), queryFn: () => studyApi.myHours(year) });
}
export function usePersonStudyHours(id: string, year: number) {
  return useQuery({ queryKey: studyKeys.person(id, year), queryFn: () => studyApi.personHours(id, year) });
}
export function useWorkCalendar(year: number) {
  return useQuery({ queryKey: studyKeys.calendar(year), queryFn: () => studyApi.calendar(year) });
}
export function useStudySignInCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: studyKeys.signInCode(id),
    queryFn: () => studyApi.signInCode(id),
    enabled,
    refetchInterval: (query) => nextCodeRefresh(query.state.data),
    gcTime: 0,
  });
}

/** Every study write may move a list, a session, a ledger and the home page's progress. */
const STUDY_CHANGES: QueryKey[] = [studyKeys.all];
export function useStudySave<TVariables = void, TResult = unknown>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates'>,
) {
  return useSave<TVariables, TResult>({ ...options, invalidates: STUDY_CHANGES });
}
export function useIncentives() {
  return useQuery({ queryKey: studyKeys.incentives, queryFn: () => studyApi.incentives() });
}
