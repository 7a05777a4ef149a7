/** Worker thread: checks and parses one roster file, so a hostile file costs at most this thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../platform/errors.ts';
import { assertInflatedWithin, assertSafeXlsx } from '../../platform/uploads.ts';
import type { WorkerAnswer } from '../../platform/worker.ts';
import type { ParsedRoster } from './roster-columns.ts';
import { parseRosterWorkbook } from './roster-import.ts';

async function answer(input: Uint8Array): Promise<WorkerAnswer<ParsedRoster>> {
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    assertSafeXlsx(buffer);
    assertInflatedWithin(buffer);
    return { ok: await parseRosterWorkbook(buffer) };
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'INVALID_FILE', message: '文件无法读取，请上传 Excel（.xlsx）文件' } };
  }
}

parentPort?.postMessage(await answer((workerData as { input: Uint8Array }).input));
