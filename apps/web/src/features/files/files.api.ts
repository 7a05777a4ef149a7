/**
 * Uploaded files (meeting photos, goal evidence, certificates): stored first through `/api/files`,
 * then attached to a record by id; opened or downloaded from their URL.
 */
import { StoredFile } from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

export const filesApi = {
  upload: (file: File) => call.upload(StoredFile, '/api/files', file),
  /** Where the browser opens or downloads a stored file (links and `<img src>`). */
  url: (id: string): string => `/api/files/${seg(id)}`,
};
