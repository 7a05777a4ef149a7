import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLE_CODES, type RoleCode } from '@qizhi/domain';
import {
  createAccountFromCli,
  createAccountsFromCli,
  resetPasswordFromCli,
  unlockFromCli,
} from './modules/users/index.ts';
import { verifyAuditChain } from './platform/audit-chain.ts';
import { backupDatabase, restoreBackup } from './platform/backup.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { isDatabaseEmpty, openDatabase, openPostgres, type Database } from './platform/db.ts';
import { AppError } from './platform/errors.ts';
import { DataFolderInUseError, lockDataFolder } from './platform/server-lock.ts';
import { seedDemoCourt, writeDemoPasswordsFile } from './seed/demo-court.ts';
import { resetTwoFactorFromCli } from './modules/auth/index.ts';
import { twoFactorKeys } from './platform/two-factor-key.ts';
import { fieldKeys } from './platform/field-crypto.ts';
import { prepareFieldEncryption } from './platform/field-encryption.ts';
import { courtHandles, purgeExpired } from './modules/retention/index.ts';
import { RETENTION_KINDS, RETENTION_RULES, formatCourtDateTime } from '@qizhi/domain';

const HELP = `旗帜运维命令：npm run qizhi -- <命令> [参数]

  migrate                                   执行数据库迁移
  seed-demo                                 向空数据库写入演示法院（安泽县人民法院）
  create-user --username U [--person 人员编号] [--name 姓名] [--role 角色] [--court 法院代码]
                                            新建账号，打印一次性初始密码（角色：${ROLE_CODES.join(', ')}）；
                                            --person 关联花名册人员（姓名取自花名册，默认角色为党员，群众为干警）
  create-accounts --org-unit <组织编号|all> --out 文件.xlsx [--court 法院代码]
                                            为该组织（含下级）或全院（all）尚无账号的人员批量建号，
                                            账号及一次性初始密码写入 .xlsx（仅此一份，请妥善分发后删除）
  reset-password --username U               重置密码，打印一次性密码（下次登录须修改）
  unlock --username U                       解除登录失败锁定
  reset-two-factor <用户名>                 重置双因素登录（手机丢失等；管理员账号只能这样重置），记入审计日志
  backup [--file 路径]                      备份（嵌入式：数据目录快照 .tar.gz；PostgreSQL：pg_dump .dump）
  restore --file 路径                       把备份恢复到空的数据目录（QIZHI_DATA_DIR）或空数据库（QIZHI_MIGRATION_DATABASE_URL，未设置时 DATABASE_URL）
  verify-audit                              校验审计日志哈希链：打印校验条数，遇第一处断链即指明并以非零状态退出
  purge-expired [--dry-run] [--court 法院代码]
                                            清理超过保存期限的个人信息（服务运行时每天自动清理），按类打印条数；
                                            --dry-run 只统计不删除。审计日志不在清理之列

配置取自环境变量 QIZHI_DATA_DIR、DATABASE_URL、QIZHI_MIGRATION_DATABASE_URL（见 README）。`;

class CliError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens the database for one command; the embedded one only while no server (or other command) has it. */
async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const lock = config.databaseUrl ? null : await lockDataFolder(config.dataDir, 'cli');
  try {
    const database = await openDatabase(config);
    try {
      await database.migrate();
      await prepareFieldEncryption(database.db, fieldKeys(config));
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await lock?.release();
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
      person: { type: 'string' },
      'org-unit': { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
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
        const seeded = await seedDemoCourt(database.db, {
          demoPassword: config.demoPassword,
          twoFactorKeys: twoFactorKeys(config),
        });
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
        const role = values.role as RoleCode | undefined;
        if (role && !ROLE_CODES.includes(role)) throw new CliError(`没有角色“${role}”，可选：${ROLE_CODES.join(', ')}`);
        if (!/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/.test(username))
          throw new CliError('用户名须以字母开头，3–32位字母、数字、下划线、点或连字符');
        if (values.person !== undefined && !UUID.test(values.person))
          throw new CliError('--person 应为人员编号（UUID）');
        if (!role && values.person === undefined) throw new CliError('缺少参数 --role（或用 --person 关联花名册人员）');
        const created = await createAccountFromCli(database, {
          username,
          displayName: values.name,
          role,
          personId: values.person,
          courtCode: values.court,
        });
        const who = created.personName ? `，关联人员 ${created.personName}` : '';
        process.stdout.write(
          `已新建账号 ${username}（${created.courtName}，角色 ${created.role}${who}）。一次性初始密码：${created.password}\n首次登录须修改密码。\n`,
        );
      });
      return;
    case 'create-accounts':
      await withDatabase(config, async (database) => {
        const orgUnit = required(values['org-unit'], 'org-unit');
        const out = path.resolve(required(values.out, 'out'));
        if (orgUnit !== 'all' && !UUID.test(orgUnit)) throw new CliError('--org-unit 应为组织编号（UUID）或 all');
        if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError('--out 应为 .xlsx 文件');
        const result = await createAccountsFromCli(database, {
          orgUnitId: orgUnit,
          courtCode: values.court,
          signInUrl: config.publicUrl ?? `http://${config.host}:${String(config.port)}`,
        });
        if (result.xlsx) fs.writeFileSync(out, result.xlsx, { mode: 0o600 });
        const skipped = result.skipped.length > 0 ? `，跳过 ${String(result.skipped.length)} 人（已有账号）` : '';
        process.stdout.write(
          result.xlsx
            ? `${result.courtName}：新建账号 ${String(result.created)} 个${skipped}。账号及一次性初始密码已写入 ${out}，分发后请删除该文件。\n`
            : `${result.courtName}：没有需要新建的账号${skipped}。\n`,
        );
      });
      return;
    case 'reset-password':
      await withDatabase(config, async (database) => {
        const { username, password } = await resetPasswordFromCli(database, required(values.username, 'username'));
        process.stdout.write(`已重置 ${username} 的密码。一次性密码：${password}\n下次登录须修改密码。\n`);
      });
      return;
    case 'reset-two-factor':
      await withDatabase(config, async (database) => {
        const { username, had } = await resetTwoFactorFromCli(
          database,
          required(positionals[1] ?? values.username, 'username'),
        );
        process.stdout.write(
          had
            ? `已重置 ${username} 的双因素登录：原身份验证器和恢复码作废，下次登录时重新绑定。\n`
            : `${username} 原未启用双因素登录；如本院要求，下次登录时绑定。\n`,
        );
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
          // The owner's role where the roles are split: row-level security would refuse pg_dump the
          // application role's unbound reading of the courts' tables (migration 0028).
          databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
          file: values.file,
          dir: path.join(config.dataDir, 'backups'),
        });
        process.stdout.write(`备份完成：${file}\n`);
      });
      return;
    case 'restore': {
      const lock = config.databaseUrl ? null : await lockDataFolder(config.dataDir, 'cli');
      try {
        await restoreBackup({
          file: required(values.file, 'file'),
          dataDir: config.dataDir,
          // Restoring creates tables: the owner's role does it where the roles are split.
          databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
        });
      } catch (err) {
        // A refused or failed restore is told in a sentence, never a stack trace.
        if (err instanceof CliError || (err instanceof Error && err.name === 'RestoreError')) throw err;
        throw new CliError(`恢复失败：备份文件无法读取或已损坏（${err instanceof Error ? err.message : String(err)}）`);
      } finally {
        await lock?.release();
      }
      process.stdout.write('恢复完成\n');
      return;
    }
    case 'verify-audit':
      await withDatabase(config, async (database) => {
        // The chain runs through every court's rows: read as the owner where the roles are split (the
        // application role, unbound, sees none of them under row-level security, migration 0028).
        const owner = config.migrationDatabaseUrl ? openPostgres(config.migrationDatabaseUrl, 1) : null;
        const report = await verifyAuditChain((owner ?? database).db).finally(() => owner?.close());
        if (report.broken) {
          const { seq, id, reason } = report.broken;
          throw new CliError(
            `审计日志哈希链断裂：已校验 ${String(report.checked)} 条；第一处断链在第 ${seq === null ? '？' : String(seq)} 条（记录编号 ${String(id)}）：${reason}`,
          );
        }
        process.stdout.write(`审计日志哈希链完整：已校验 ${String(report.checked)} 条\n`);
      });
      return;
    case 'purge-expired':
      await withDatabase(config, async (database) => {
        const dryRun = values['dry-run'] === true;
        const courts = await purgeExpired(database.db, {
          dryRun,
          courtCode: values.court,
          actorName: '运维命令行',
          dbFor: courtHandles(database),
        });
        let total = 0;
        for (const court of courts) {
          process.stdout.write(`${court.name}（${court.code}）：\n`);
          for (const kind of RETENTION_KINDS) {
            total += court.counts[kind];
            process.stdout.write(
              `  ${RETENTION_RULES[kind].label}（${formatCourtDateTime(court.cutoffs[kind])} 之前）：${String(court.counts[kind])} 条\n`,
            );
          }
        }
        process.stdout.write(
          dryRun
            ? `试运行：到期 ${String(total)} 条，未删除任何数据\n`
            : `已清理 ${String(total)} 条，每个法院的清理记入审计日志\n`,
        );
      });
      return;
    default:
      throw new CliError(`未知命令“${command}”。\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const expected =
    err instanceof CliError ||
    err instanceof ConfigError ||
    err instanceof AppError ||
    err instanceof DataFolderInUseError;
  if (expected || (err instanceof Error && (err.name === 'RestoreError' || err.name === 'FieldKeyMismatchError'))) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
