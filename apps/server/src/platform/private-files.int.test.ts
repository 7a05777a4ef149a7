import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup.ts';
import { openPglite } from './db.ts';

// File modes are what a local user of the court's PC could read; Windows has none of them.
describe.runIf(process.platform !== 'win32' && process.env.QIZHI_TEST_DB !== 'postgresql')(
  'the data folder and backups',
  () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-modes-'));
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('are readable by the server user only: folders 0700, backup files 0600', async () => {
      const previous = process.umask(0o022);
      try {
        const dataDir = path.join(root, 'data');
        const database = await openPglite(path.join(dataDir, 'pglite'));
        const file = await backupDatabase(database, { dir: path.join(dataDir, 'backups') });
        await database.close();
        expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
        expect(fs.statSync(path.join(dataDir, 'backups')).mode & 0o777).toBe(0o700);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      } finally {
        process.umask(previous);
      }
    });
  },
);
