import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { campaignsApi } from './campaigns.api.ts';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (year?: number) => ['campaigns', 'list', year ?? null] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
  myTasks: ['campaigns', 'my-tasks'] as const,
  task: (id: string) => ['campaigns', 'task', id] as const,
  dimensions: (year: number) => ['campaigns', 'dimensions', year] as const,
};

export function useCampaigns(year?: number) {
  return useQuery({ queryKey: campaignKeys.list(year), queryFn: () => campaignsApi.list(year) });
}
export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.one(id), queryFn: () => campaignsApi.get(id) });
}
export function useMyCampaignTasks() {
  return useQuery({ queryKey: campaignKeys.myTasks, queryFn: campaignsApi.myTasks });
}
export function useCampaignTask(id: string) {
  return useQuery({ queryKey: campaignKeys.task(id), queryFn: () => campaignsApi.task(id) });
}
export function useYearByDimension(year: number) {
  return useQuery({ queryKey: campaignKeys.dimensions(year), queryFn: () => campaignsApi.dimensions(year) });
}

/** Every campaign write may move a list, a campaign's progress, one's tasks and the year by dimension. */
const CAMPAIGN_CHANGES: QueryKey[] = [campaignKeys.all];
export function useCampaignSave<TVariables = void, TResult = unknown>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates'>,
) {
  return useSave<TVariables, TResult>({ ...options, invalidates: CAMPAIGN_CHANGES });
}
