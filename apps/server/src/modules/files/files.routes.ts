import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, StoredFile } from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { readUpload } from '../../platform/uploads.ts';
import { ALLOWED_EXTENSIONS, readFile, storeFile } from './files.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
};

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['文件'];
  app.post(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: `上传文件（multipart 字段 file，≤10MB；${ALLOWED_EXTENSIONS.join('、')}）`,
        response: { 201: StoredFile, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件，字段名为 file');
      const file = await request.file();
      if (!file || file.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（字段名 file）');
      const data = await readUpload(file, '文件超过10MB');
      return reply
        .status(201)
        .send(await storeFile(contextOf(request), app.deps.storage, { name: file.filename, data }));
    },
  );
  app.get(
    '/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: '下载文件（本院）', params: IdParams } },
    async (request, reply) => {
      const { row, data } = await readFile(contextOf(request), app.deps.storage, request.params.id);
      const inline = row.mime.startsWith('image/') || row.mime === 'application/pdf';
      return reply
        .header('content-type', row.mime)
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(row.name)}`,
        )
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
};
