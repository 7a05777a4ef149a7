import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, StoredFile } from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { readUpload } from '../../platform/uploads.ts';
import { requester } from '../../platform/security-hooks.ts';
import type { AttachmentHolder } from './attachments.ts';
import { ALLOWED_EXTENSIONS, readFile, storeFile } from './files.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
};

/** `holders`: every kind of record files are attached to (see attachments.ts); a download goes through them. */
export const fileRoutes: FastifyPluginAsyncZod<{ holders: readonly AttachmentHolder[] }> = async (app, opts) => {
  const tags = ['文件'];
  const { config } = app.deps;
  const limits = {
    maxBytes: config.uploadMaxBytes,
    quotaPersonBytes: config.uploadQuotaPersonBytes,
    quotaCourtBytes: config.uploadQuotaCourtBytes,
  };
  const maxMb = `${String(config.uploadMaxBytes / 1024 / 1024)}MB`;
  app.post(
    '/',
    {
      config: { access: 'files.upload' },
      schema: {
        tags,
        summary: `上传文件（multipart 字段 file，≤${maxMb}，个人和本院有空间限额；${ALLOWED_EXTENSIONS.join('、')}）`,
        response: { 201: StoredFile, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件，字段名为 file');
      // The limit is counted on the bytes as they arrive (chunked or not): past it the whole upload is
      // refused (413) and nothing is stored.
      const file = await request.file({ limits: { fileSize: limits.maxBytes, files: 1 } });
      if (!file || file.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（字段名 file）');
      const data = await readUpload(file, `文件超过${maxMb}，未保存`);
      return reply
        .status(201)
        .send(await storeFile(contextOf(request), app.deps.storage, { name: file.filename, data }, limits));
    },
  );
  app.get(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '下载文件：须能查看附有此文件的记录（会议、目标进度报告、荣誉、制度）；未附加的文件仅上传人可下载',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { row, data } = await readFile(contextOf(request), app.deps.storage, opts.holders, request.params.id);
      app.securityEvents.record({
        ...requester(request),
        action: 'file.download',
        entity: 'file',
        entityId: row.id,
        summary: `下载文件：${row.name}`,
      });
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
