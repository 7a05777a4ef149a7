import { ConfigError, loadConfig } from './platform/config.ts';
import { FieldKeyMismatchError } from './platform/field-encryption.ts';
import { DataFolderInUseError } from './platform/server-lock.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer(config);
  server.app.log.info(
    `旗帜已启动：${server.url}（数据库：${server.database.kind}，用时 ${String(Math.round(performance.now() - startedAt))} ms）`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info(`收到 ${signal}，正在停止`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof DataFolderInUseError || err instanceof FieldKeyMismatchError) {
    process.stderr.write(`启动失败：${err.message}\n`);
    process.exit(3);
  }
  process.stderr.write(`启动失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
