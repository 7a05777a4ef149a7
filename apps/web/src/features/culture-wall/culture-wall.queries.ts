import { useQuery } from '@tanstack/react-query';
import type { CultureItemKind, CultureItemStatus } from '@qizhi/domain';
import { cultureWallApi } from './culture-wall.api.ts';

export const cultureKey = ['culture-wall'] as const;

export function useCultureItems(kind?: CultureItemKind, status?: CultureItemStatus) {
  return useQuery({
    queryKey: [...cultureKey, 'items', kind ?? 'all', status ?? 'all'],
    queryFn: () => cultureWallApi.items({ kind, status }),
  });
}

export function usePlaylists() {
  return useQuery({ queryKey: [...cultureKey, 'playlists'], queryFn: () => cultureWallApi.playlists() });
}

export function useScreens() {
  return useQuery({ queryKey: [...cultureKey, 'screens'], queryFn: () => cultureWallApi.screens() });
}
