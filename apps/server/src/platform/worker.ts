import { Worker } from 'node:worker_threads';
import { AppError } from './errors.ts';
import type { ErrorCode } from '@qizhi/domain';

/** The heap a worker parsing an uploaded file may use: a hostile file costs at most this worker. */
export const WORKER_HEAP_MB = 192;
const WORKER_TIMEOUT_MS = 60_000;

export type WorkerAnswer<T> = { ok: T } | { error: { code: ErrorCode; message: string } };

/**
 * Runs `entry` (a module that reads `workerData.input` and posts one WorkerAnswer) in a worker thread
 * with a bounded heap and time. Out of memory, a crash or the time limit end that worker only and
 * answer a clear 400; the server carries on.
 */
export function runInWorker<T>(entry: URL, input: Uint8Array): Promise<T> {
  const fromSource = entry.pathname.endsWith('.ts');
  const worker = new Worker(fromSource ? new URL('./ts-worker.mjs', import.meta.url) : entry, {
    argv: [entry.href],
    workerData: { input },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new AppError('INVALID_FILE', '文件解析超时，请检查文件内容后再上传'));
    }, WORKER_TIMEOUT_MS);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer<T>) =>
      settle(() =>
        'ok' in answer ? resolve(answer.ok) : reject(new AppError(answer.error.code, answer.error.message)),
      ),
    );
    worker.once('error', () =>
      settle(() => reject(new AppError('INVALID_FILE', '文件内容过大或结构异常，解析时超出资源上限，拒绝读取'))),
    );
    worker.once('exit', () =>
      settle(() => reject(new AppError('INVALID_FILE', '文件解析意外中止，请检查文件内容后再上传'))),
    );
  });
}
