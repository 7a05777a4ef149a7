import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLE_CODES, type RoleCode } from '@qizhi/domain';
import { createAccountFromCli, resetPasswordFromCli, unlockFromCli } from './modules/users/index.ts';
import { backupDatabase, restoreBackup } from './platform/backup.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { isDatabaseEmpty, openDatabase, type Database } from './platform/db.ts';
import { AppError } from './platform/errors.ts';
import { seedDemoCourt, writeDemoPasswordsFile } from './seed/demo-court.ts';

const HELP = `旗帜运维命令：npm run qizhi -- <命令> [参数]

  migrate                                   执行数据库迁移
  seed-demo                                 向空数据库写入演示法院（安泽县人民法院）
  create-user --username U --name 姓名 --role 角色 [--court 法院代码]
                                            新建账号，打印一次性初始密码（角色：${ROLE_CODES.join(', ')}）
  reset-password --username U               重置密码，打印一次性密码（下次登录须修改）
  unlock --username U                       解除登录失败锁定
  backup [--file 路径]                      备份（嵌入式：数据目录快照 .tar.gz；PostgreSQL：pg_dump .dump）
  restore --file 路径                       把备份恢复到空的数据目录（QIZHI_DATA_DIR）或空数据库（DATABASE_URL）

配置取自环境变量 QIZHI_DATA_DIR、DATABASE_URL（见 README）。`;

class CliError extends Error {}

function assertServerNotRunning(config: Config): void {
  if (config.databaseUrl) return;
  const lock = path.join(config.dataDir, 'server.pid');
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale lock from a server that was killed
  }
  throw new CliError(
    `旗帜服务（进程 ${String(pid)}）正在使用嵌入式数据库 ${config.dataDir}，请先停止服务再执行此命令。（服务运行时每天自动备份到 ${path.join(config.dataDir, 'backups')}）`,
  );
}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  assertServerNotRunning(config);
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`缺少参数 --${flag}`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      court: { type: 'string' },
      file: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      await withDatabase(config, async () => {
        process.stdout.write('数据库迁移已完成\n');
      });
      return;
    case 'seed-demo':
      await withDatabase(config, async (database) => {
        if (!(await isDatabaseEmpty(database.db))) throw new CliError('数据库中已有数据，演示法院只能写入空数据库');
        const seeded = await seedDemoCourt(database.db, { demoPassword: config.demoPassword });
        if (seeded.generatedPasswords) {
          const file = writeDemoPasswordsFile(config.dataDir, seeded.accounts);
          process.stdout.write(
            `已写入演示法院。一次性初始密码：\n${seeded.accounts.map((a) => `  ${a.username}\t${a.password}`).join('\n')}\n（另存于 ${file}）\n`,
          );
        } else {
          process.stdout.write('已写入演示法院，演示账号使用 QIZHI_DEMO_PASSWORD 设定的密码\n');
        }
      });
      return;
    case 'create-user':
      await withDatabase(config, async (database) => {
        const username = required(values.username, 'username');
        const role = required(values.role, 'role') as RoleCode;
        if (!ROLE_CODES.includes(role)) throw new CliError(`没有角色“${role}”，可选：${ROLE_CODES.join(', ')}`);
        if (!/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/.test(username))
          throw new CliError('用户名须以字母开头，3–32位字母、数字、下划线、点或连字符');
        const { courtName, password } = await createAccountFromCli(database, {
          username,
          displayName: values.name ?? username,
          role,
          courtCode: values.court,
        });
        process.stdout.write(
          `已新建账号 ${username}（${courtName}，角色 ${role}）。一次性初始密码：${password}\n首次登录须修改密码。\n`,
        );
      });
      return;
    case 'reset-password':
      await withDatabase(config, async (database) => {
        const { username, password } = await resetPasswordFromCli(database, required(values.username, 'username'));
        process.stdout.write(`已重置 ${username} 的密码。一次性密码：${password}\n下次登录须修改密码。\n`);
      });
      return;
    case 'unlock':
      await withDatabase(config, async (database) => {
        const { username } = await unlockFromCli(database, required(values.username, 'username'));
        process.stdout.write(`已解锁 ${username}\n`);
      });
      return;
    case 'backup':
      await withDatabase(config, async (database) => {
        const file = await backupDatabase(database, {
          databaseUrl: config.databaseUrl,
          file: values.file,
          dir: path.join(config.dataDir, 'backups'),
        });
        process.stdout.write(`备份完成：${file}\n`);
      });
      return;
    case 'restore':
      assertServerNotRunning(config);
      await restoreBackup({
        file: required(values.file, 'file'),
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      });
      process.stdout.write('恢复完成\n');
      return;
    default:
      throw new CliError(`未知命令“${command}”。\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const expected = err instanceof CliError || err instanceof ConfigError || err instanceof AppError;
  if (expected || (err instanceof Error && err.name === 'RestoreError')) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
