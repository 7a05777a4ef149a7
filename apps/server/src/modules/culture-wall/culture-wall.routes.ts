import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CultureItem,
  CultureItemRequest,
  CultureItemsQuery,
  CultureItemsResponse,
  CultureScreen,
  CultureScreenRequest,
  CultureScreensResponse,
  ErrorResponse,
  IdParams,
  OkResponse,
  Playlist,
  PlaylistRequest,
  PlaylistsResponse,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as items from './items.service.ts';
import * as lists from './playlists.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['文化墙'];
const access = { access: 'culture.manage' } as const;

/** 文化墙 · 廉政文化教育长廊, staff side: items (draft → published), playlists, corridor screens. */
export const cultureWallRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/items',
    {
      config: access,
      schema: {
        tags,
        summary: '文化墙内容（廉政要求、格言警句、宣传画；各状态）',
        querystring: CultureItemsQuery,
        response: { 200: CultureItemsResponse, ...errors },
      },
    },
    async (request) => items.listItems(contextOf(request), request.query),
  );
  app.post(
    '/items',
    {
      config: access,
      schema: {
        tags,
        summary: '新增内容（草稿）：廉政要求须有标题和内容，格言警句须注明出处，宣传画须上传图片',
        body: CultureItemRequest,
        response: { 201: CultureItem, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await items.createItem(contextOf(request), request.body)),
  );
  app.put(
    '/items/:id',
    {
      config: access,
      schema: {
        tags,
        summary: '修改草稿（已发布的须先撤下）',
        params: IdParams,
        body: CultureItemRequest,
        response: { 200: CultureItem, ...errors },
      },
    },
    async (request) => items.updateItem(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/items/:id/publish',
    {
      config: access,
      schema: {
        tags,
        summary: '发布：在播放它的屏幕上显示',
        params: IdParams,
        response: { 200: CultureItem, ...errors },
      },
    },
    async (request) => items.setItemStatus(contextOf(request), request.params.id, 'published'),
  );
  app.post(
    '/items/:id/unpublish',
    {
      config: access,
      schema: {
        tags,
        summary: '撤下：回到草稿，屏幕不再显示',
        params: IdParams,
        response: { 200: CultureItem, ...errors },
      },
    },
    async (request) => items.setItemStatus(contextOf(request), request.params.id, 'draft'),
  );
  app.delete(
    '/items/:id',
    {
      config: access,
      schema: {
        tags,
        summary: '删除草稿（不在任何播放列表中的）',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => items.deleteItem(contextOf(request), request.params.id),
  );

  app.get(
    '/playlists',
    {
      config: access,
      schema: { tags, summary: '播放列表', response: { 200: PlaylistsResponse, ...errors } },
    },
    async (request) => lists.listPlaylists(contextOf(request)),
  );
  app.post(
    '/playlists',
    {
      config: access,
      schema: {
        tags,
        summary: '新建播放列表：内容按顺序，每条的显示秒数',
        body: PlaylistRequest,
        response: { 201: Playlist, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await lists.createPlaylist(contextOf(request), request.body)),
  );
  app.put(
    '/playlists/:id',
    {
      config: access,
      schema: {
        tags,
        summary: '修改播放列表（屏幕不必刷新，下次询问时即更新）',
        params: IdParams,
        body: PlaylistRequest,
        response: { 200: Playlist, ...errors },
      },
    },
    async (request) => lists.updatePlaylist(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/playlists/:id',
    {
      config: access,
      schema: {
        tags,
        summary: '删除播放列表（没有屏幕在播放的）',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => lists.deletePlaylist(contextOf(request), request.params.id),
  );

  app.get(
    '/screens',
    {
      config: access,
      schema: { tags, summary: '走廊屏幕及其显示页面地址', response: { 200: CultureScreensResponse, ...errors } },
    },
    async (request) => lists.listScreens(contextOf(request)),
  );
  app.post(
    '/screens',
    {
      config: access,
      schema: {
        tags,
        summary: '登记屏幕：名称、位置、播放的列表；可设为大厅触摸屏（全院只有一个）',
        body: CultureScreenRequest,
        response: { 201: CultureScreen, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await lists.createScreen(contextOf(request), request.body)),
  );
  app.put(
    '/screens/:id',
    {
      config: access,
      schema: {
        tags,
        summary: '修改屏幕或换播放列表',
        params: IdParams,
        body: CultureScreenRequest,
        response: { 200: CultureScreen, ...errors },
      },
    },
    async (request) => lists.updateScreen(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/screens/:id',
    {
      config: access,
      schema: { tags, summary: '删除屏幕', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => lists.deleteScreen(contextOf(request), request.params.id),
  );
};
