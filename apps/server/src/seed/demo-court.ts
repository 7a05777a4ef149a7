import fs from 'node:fs';
import path from 'node:path';
import type { RoleCode } from '@qizhi/domain';
import { departments, orgUnits, people, roleGrants, tenants, users } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { bindTransaction } from '../platform/tenant-pool.ts';
import { generateStrongPassword, hashPassword } from '../platform/passwords.ts';
import { generateDemoCourt } from './demo-court.data.ts';
import { seedDemoDues } from './demo-dues.ts';
import { seedDemoMechanisms } from './demo-goals.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoPublicService } from './demo-public-service.ts';
import { seedDemoStudy } from './demo-study.ts';
import { linkMeetingAttendanceGoals } from '../modules/goals/index.ts';
import type { TwoFactorKeys } from '../platform/two-factor-key.ts';
import { seedDemoTwoFactor } from './demo-two-factor.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedDemoCultureWall } from './demo-culture-wall.ts';
import { idNumberIndex } from '../platform/field-crypto.ts';

export interface SeededAccount {
  username: string;
  role: RoleCode;
  password: string;
}

export interface SeedResult {
  tenantId: string;
  accounts: SeededAccount[];
  /** False when the demo password was given, so nobody must change it to show the demo. */
  generatedPasswords: boolean;
}

const ADMIN_ACCOUNTS: { username: string; displayName: string; role: RoleCode }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor' },
];

/** The demo court's code and its demo accounts' usernames (QIZHI_DEMO_PASSWORD applies to these only). */
export function demoAccounts(): { courtCode: string; usernames: string[] } {
  const court = generateDemoCourt();
  return {
    courtCode: court.tenant.code,
    usernames: [...ADMIN_ACCOUNTS.map((a) => a.username), ...court.accounts.map((a) => a.username)],
  };
}

/**
 * Writes 安泽县人民法院 with its reference figures into an empty database. The same court every
 * time (the data are generated deterministically); only the passwords differ unless given.
 */
export async function seedDemoCourt(
  db: Db,
  opts: {
    demoPassword?: string | undefined;
    tenantCode?: string;
    tenantName?: string;
    usernamePrefix?: string;
    /** With the demo password: the demo administrators and officers enrolled with the demo TOTP secret. */
    twoFactorKeys?: TwoFactorKeys;
  } = {},
): Promise<SeedResult> {
  const court = generateDemoCourt();
  const prefix = opts.usernamePrefix ?? '';
  const accountsPlan = [
    ...ADMIN_ACCOUNTS.map((a) => ({ ...a, personKey: null as string | null, orgUnitKey: null as string | null })),
    ...court.accounts.map((a) => {
      const person = court.people.find((p) => p.key === a.personKey)!;
      return {
        username: a.username,
        displayName: person.name,
        role: a.role,
        personKey: a.personKey,
        orgUnitKey: a.orgUnitKey,
      };
    }),
  ];
  const accounts: SeededAccount[] = [];
  const hashed = new Map<string, string>();
  for (const a of accountsPlan) {
    const password = opts.demoPassword ?? generateStrongPassword();
    accounts.push({ username: prefix + a.username, role: a.role, password });
    hashed.set(a.username, await hashPassword(password));
  }

  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ code: opts.tenantCode ?? court.tenant.code, name: opts.tenantName ?? court.tenant.name })
      .returning();
    const tenantId = tenant!.id;
    // The new court's rows are written under row-level security too (migration 0028).
    await bindTransaction(tx, tenantId);
    const orgIds = new Map(court.orgUnits.map((u) => [u.key, crypto.randomUUID()]));
    const deptIds = new Map(court.departments.map((d) => [d.key, crypto.randomUUID()]));
    const personIds = new Map(court.people.map((p) => [p.key, crypto.randomUUID()]));
    const idOf = (map: Map<string, string>, key: string | null) => (key === null ? null : map.get(key)!);

    // Parents first: the tree's foreign key checks each row as it is inserted. Secretaries and
    // committees name people by id before the people are written (no foreign key on them).
    for (const u of court.orgUnits) {
      await tx.insert(orgUnits).values({
        tenantId,
        id: orgIds.get(u.key)!,
        parentId: idOf(orgIds, u.parentKey),
        kind: u.kind,
        name: u.name,
        secretaryPersonId: idOf(personIds, u.secretaryKey),
        committee: u.committee.map((c) => ({ personId: personIds.get(c.personKey)!, post: c.post })),
        establishedOn: u.establishedOn,
        termStartedOn: u.termStartedOn,
        sortOrder: u.sortOrder,
      });
    }
    await tx.insert(departments).values(
      court.departments.map((d) => ({
        tenantId,
        id: deptIds.get(d.key)!,
        name: d.name,
        kind: d.kind,
        sortOrder: d.sortOrder,
      })),
    );
    await tx.insert(people).values(
      court.people.map((p) => ({
        tenantId,
        id: personIds.get(p.key)!,
        name: p.name,
        gender: p.gender,
        ethnicity: p.ethnicity,
        birthDate: p.birthDate,
        idNumber: p.idNumber,
        idNumberIndex: idNumberIndex(tenantId, p.idNumber),
        phone: p.phone,
        education: p.education,
        status: p.status,
        joinedOn: p.joinedOn,
        confirmedOn: p.confirmedOn,
        orgUnitId: idOf(orgIds, p.orgUnitKey),
        departmentId: idOf(deptIds, p.departmentKey),
        position: p.position,
        partyPosts: p.partyPosts,
        retired: p.retired,
        retiredOn: p.retiredOn,
      })),
    );
    const userIds = new Map<string, string>();
    for (const a of accountsPlan) {
      const userId = crypto.randomUUID();
      userIds.set(a.username, userId);
      await tx.insert(users).values({
        tenantId,
        id: userId,
        username: prefix + a.username,
        displayName: a.displayName,
        personId: idOf(personIds, a.personKey),
        passwordHash: hashed.get(a.username)!,
        mustChangePassword: opts.demoPassword === undefined,
      });
      await tx.insert(roleGrants).values({ tenantId, userId, role: a.role, orgUnitId: idOf(orgIds, a.orgUnitKey) });
    }
    if (opts.twoFactorKeys && opts.demoPassword !== undefined) {
      const enrol = accountsPlan.map((a) => ({ userId: userIds.get(a.username)!, role: a.role }));
      await seedDemoTwoFactor(tx, tenantId, enrol, opts.twoFactorKeys);
    }
    await seedDemoMeetings(tx, { tenantId, court, orgIds, personIds });
    await seedDemoMechanisms(tx, { tenantId, court, orgIds, deptIds, personIds, userIds });
    await seedDemoDues(tx, { tenantId, court, personIds });
    await seedDemoPublicService(tx, { tenantId, court, orgIds, deptIds, personIds, userIds });
    await seedDemoStudy(tx, { tenantId, court, personIds });
    // 全年参加组织生活不少于12次: the members' goal is counted from the meetings they attended.
    await linkMeetingAttendanceGoals(tx, tenantId, 2026, '按时参加组织生活');
    await seedDemoCampaigns(tx, { tenantId, court, orgIds, personIds });
    await seedDemoCultureWall(tx, { tenantId });
    await writeAudit(
      tx,
      { tenantId, userId: null, name: '系统', ip: null },
      {
        action: 'system.seed_demo',
        entity: 'tenant',
        entityId: tenantId,
        summary: `初始化演示法院：${tenant!.name}（${String(court.people.length)}名干警，${String(accountsPlan.length)}个演示账号）`,
      },
    );
    return { tenantId, accounts, generatedPasswords: opts.demoPassword === undefined };
  });
}

/** Writes the one-time demo passwords where only the server's owner can read them. */
export function writeDemoPasswordsFile(dataDir: string, accounts: SeededAccount[]): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'demo-passwords.txt');
  const lines = [
    '# 旗帜演示账号的初始密码（首次登录须修改）。请妥善保管，用后删除本文件。',
    ...accounts.map((a) => `${a.username}\t${a.role}\t${a.password}`),
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
