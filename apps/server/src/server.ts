import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { backupDatabase, hasBackupFromDay, pruneBackups } from './platform/backup.ts';
import type { Config } from './platform/config.ts';
import { lockDataFolder } from './platform/server-lock.ts';
import { isDatabaseEmpty, openDatabase, type Database } from './platform/db.ts';
import { applyDemoPassword } from './modules/users/index.ts';
import { demoAccounts, seedDemoCourt, writeDemoPasswordsFile } from './seed/demo-court.ts';
import { twoFactorKeys } from './platform/two-factor-key.ts';
import { fieldKeys } from './platform/field-crypto.ts';
import { prepareFieldEncryption } from './platform/field-encryption.ts';
import { dailyPurge } from './modules/retention/index.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Opens the database, migrates, seeds an empty one with the demo court, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  // One process per embedded data folder, held until this process ends (DataFolderInUseError if not).
  const lock = config.databaseUrl ? null : await lockDataFolder(config.dataDir, 'server');
  const database = await openDatabase(config);
  await database.migrate();
  // Before anything is served: the key checked, and anything still in plaintext sealed.
  const sealed = await prepareFieldEncryption(database.db, fieldKeys(config));
  const app = await buildApp({ config, database });
  if (sealed > 0) app.log.info(`已加密存量个人信息：${String(sealed)} 行（身份证号、电话、党费基数、来访人信息）`);

  const seedNow = config.seedDemo && (await isDatabaseEmpty(database.db));
  if (!seedNow && config.demoPassword) {
    // The demo court is already there: its demo accounts take the password now (never other accounts).
    const outcome = await applyDemoPassword(database, demoAccounts(), config.demoPassword);
    app.log.info(
      !outcome.court
        ? 'QIZHI_DEMO_PASSWORD 未生效：数据库中没有演示法院（该设置只用于演示账号）'
        : `QIZHI_DEMO_PASSWORD 已生效：演示法院的 ${String(outcome.accounts)} 个演示账号使用该密码${outcome.changed.length > 0 ? `（本次改为该密码：${outcome.changed.join('、')}）` : ''}`,
    );
  }
  if (seedNow) {
    const seeded = await seedDemoCourt(database.db, {
      demoPassword: config.demoPassword,
      twoFactorKeys: twoFactorKeys(config),
    });
    if (seeded.generatedPasswords) {
      const file = writeDemoPasswordsFile(config.dataDir, seeded.accounts);
      const table = seeded.accounts.map((a) => `  ${a.username.padEnd(10)} ${a.password}`).join('\n');
      // Printed once, at the first start only; the file keeps them for the operator.
      process.stdout.write(
        `\n已初始化演示法院“安泽县人民法院”。演示账号及一次性初始密码（首次登录须修改，另存于 ${file}）：\n${table}\n\n`,
      );
    } else {
      app.log.info('已初始化演示法院，演示账号使用 QIZHI_DEMO_PASSWORD 设定的密码');
    }
  }

  const backupDir = path.join(config.dataDir, 'backups');
  const timers: NodeJS.Timeout[] = [];
  // 个人信息保存期限: what is past its period goes once a court day, on both databases.
  const purgeDue = dailyPurge(database, app.log);
  let dailyBackup = async (): Promise<void> => {};
  if (database.kind === 'pglite') {
    const maintain = async (all: boolean) => {
      try {
        const tables = await database.maintain({ all });
        if (tables.length > 0) app.log.info({ tables }, '已整理数据库（VACUUM ANALYZE）');
      } catch (err) {
        app.log.error({ err }, '整理数据库失败');
      }
    };
    // PGlite runs with fsync off, so the embedded mode keeps a daily snapshot of its own, and it
    // has no autovacuum, so the same timer does its work: every hour what has changed, and the
    // whole database before the daily snapshot.
    dailyBackup = async () => {
      const now = new Date();
      if (hasBackupFromDay(backupDir, now)) return maintain(false);
      await maintain(true);
      try {
        const file = await backupDatabase(database, { dir: backupDir, now });
        pruneBackups(backupDir, config.backupKeep);
        app.log.info({ file }, '已完成每日自动备份');
      } catch (err) {
        app.log.error({ err }, '每日自动备份失败');
      }
    };
    // Soon after start rather than before it: the server answers first, then tidies (a second or
    // less at a court's size, during which requests wait).
    timers.push(setTimeout(() => void maintain(false), 1_000));
  }
  // One hourly check for the daily jobs: the purge first, so the day's snapshot holds nothing past its period.
  const daily = async () => {
    await purgeDue();
    await dailyBackup();
  };
  timers.push(
    setInterval(() => void daily(), BACKUP_CHECK_MS),
    setTimeout(() => void daily(), 5_000),
  );
  for (const timer of timers) timer.unref();

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    database,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${String(port)}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await app.close();
      await database.close();
      await lock?.release();
    },
  };
}
