import type { z } from 'zod';
import {
  CultureItem,
  CultureItemRequest,
  CultureItemsQuery,
  CultureItemsResponse,
  CultureScreen,
  CultureScreensResponse,
  OkResponse,
  Playlist,
  PlaylistsResponse,
  type CultureScreenRequest,
  type PlaylistRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 文化墙 · 廉政文化教育长廊: items, playlists, corridor screens. */
export const cultureWallApi = {
  items: (query: Partial<z.output<typeof CultureItemsQuery>>) =>
    call.get(CultureItemsResponse, '/api/culture-wall/items', query),
  createItem: (body: z.input<typeof CultureItemRequest>) => call.post(CultureItem, '/api/culture-wall/items', body),
  updateItem: (id: string, body: z.input<typeof CultureItemRequest>) =>
    call.put(CultureItem, `/api/culture-wall/items/${seg(id)}`, body),
  publish: (id: string) => call.post(CultureItem, `/api/culture-wall/items/${seg(id)}/publish`),
  unpublish: (id: string) => call.post(CultureItem, `/api/culture-wall/items/${seg(id)}/unpublish`),
  deleteItem: (id: string) => call.delete(OkResponse, `/api/culture-wall/items/${seg(id)}`),
  playlists: () => call.get(PlaylistsResponse, '/api/culture-wall/playlists'),
  createPlaylist: (body: PlaylistRequest) => call.post(Playlist, '/api/culture-wall/playlists', body),
  updatePlaylist: (id: string, body: PlaylistRequest) =>
    call.put(Playlist, `/api/culture-wall/playlists/${seg(id)}`, body),
  deletePlaylist: (id: string) => call.delete(OkResponse, `/api/culture-wall/playlists/${seg(id)}`),
  screens: () => call.get(CultureScreensResponse, '/api/culture-wall/screens'),
  createScreen: (body: CultureScreenRequest) => call.post(CultureScreen, '/api/culture-wall/screens', body),
  updateScreen: (id: string, body: CultureScreenRequest) =>
    call.put(CultureScreen, `/api/culture-wall/screens/${seg(id)}`, body),
  deleteScreen: (id: string) => call.delete(OkResponse, `/api/culture-wall/screens/${seg(id)}`),
};
