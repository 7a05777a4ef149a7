import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where uploaded bytes live. A local folder by default; several server instances need a shared
 * implementation (an S3-compatible bucket) behind the same interface.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function localStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    // Keys are made by the server, but a key must never reach outside the folder.
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key outside root: ${key}`);
    return full;
  };
  return {
    async put(key, data) {
      const full = resolve(key);
      await fs.promises.mkdir(path.dirname(full), { recursive: true });
      await fs.promises.writeFile(`${full}.part`, data);
      await fs.promises.rename(`${full}.part`, full);
    },
    async get(key) {
      return fs.promises.readFile(resolve(key));
    },
    async remove(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
  };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
