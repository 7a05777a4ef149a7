/**
 * Organisational life in bulk for the compliance bench: more organisations for a court (up to 20),
 * years of meetings at the default frequencies, and whole courts for a province — written with
 * multi-row inserts straight into the tables, as years of real use would leave them.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { MEETING_TYPE_RULES, MEETING_TYPES, type MeetingType, type OrgKind } from '@qizhi/domain';
import { meetingAttendees, meetings, orgUnits, people, tenants } from '../apps/server/src/db/schema/index.ts';
import type { Db } from '../apps/server/src/platform/db.ts';

const at = (y: number, m: number, d: number, hh: number) => new Date(Date.UTC(y, m - 1, d, hh - 8));
const SECRET = randomBytes(32).toString('hex');

export interface BenchOrg {
  id: string;
  kind: OrgKind;
}

/** Adds branches and cells under the court's party group until it has `total` organisations. */
export async function growOrganisations(db: Db, tenantId: string, total: number): Promise<BenchOrg[]> {
  const units = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const group = units.find((u) => u.kind === 'party_group')!;
  const orgs: BenchOrg[] = units.map((u) => ({ id: u.id, kind: u.kind }));
  let branchId = units.find((u) => u.kind === 'branch')!.id;
  for (let n = 1; orgs.length < total; n++) {
    const newBranch = n % 5 === 0;
    const id = crypto.randomUUID();
    await db.insert(orgUnits).values({
      tenantId,
      id,
      parentId: newBranch ? group.id : branchId,
      kind: newBranch ? 'branch' : 'cell',
      name: newBranch ? `第${String(n)}党支部` : `第${String(n)}党小组`,
      committee: newBranch ? [{ personId: units[0]!.secretaryPersonId!, post: '委员' }] : [],
      sortOrder: 100 + n,
    });
    orgs.push({ id, kind: newBranch ? 'branch' : 'cell' });
    if (newBranch) branchId = id;
  }
  return orgs;
}

/** Every required meeting of every organisation for `years` years up to `lastYear`, held and closed. */
export async function writeMeetingYears(
  db: Db,
  tenantId: string,
  orgs: readonly BenchOrg[],
  lastYear: number,
  years: number,
  attendeeIds: readonly string[] = [],
): Promise<number> {
  const rows: (typeof meetings.$inferInsert)[] = [];
  for (let year = lastYear - years + 1; year <= lastYear; year++) {
    for (const org of orgs) {
      for (const type of MEETING_TYPES) {
        const rule = MEETING_TYPE_RULES[type];
        if (!rule.requiredAt.includes(org.kind) || rule.frequency === 'none') continue;
        const months = rule.frequency === 'monthly' ? 12 : rule.frequency === 'quarterly' ? 4 : 1;
        for (let i = 0; i < months; i++) {
          const month = rule.frequency === 'monthly' ? i + 1 : rule.frequency === 'quarterly' ? i * 3 + 2 : 11;
          rows.push(meetingRow(tenantId, org.id, type, at(year, month, 5 + MEETING_TYPES.indexOf(type) * 3, 15)));
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(meetings).values(rows.slice(i, i + 2000));
  if (attendeeIds.length > 0) {
    const attendees = rows.flatMap((m) =>
      attendeeIds.map((personId, n) => ({
        tenantId,
        meetingId: m.id!,
        personId,
        state: n % 12 === 0 ? ('leave' as const) : ('present' as const),
        voting: true,
      })),
    );
    for (let i = 0; i < attendees.length; i += 5000)
      await db.insert(meetingAttendees).values(attendees.slice(i, i + 5000));
  }
  return rows.length;
}

function meetingRow(
  tenantId: string,
  orgUnitId: string,
  type: MeetingType,
  startsAt: Date,
): typeof meetings.$inferInsert {
  return {
    tenantId,
    id: crypto.randomUUID(),
    orgUnitId,
    type,
    topic: '基准测试会议',
    startsAt,
    place: '会议室',
    status: 'closed',
    minutes: '<p>记录</p>',
    minutesRecordedAt: startsAt,
    signInSecret: SECRET,
    closedAt: startsAt,
  };
}

/** A court of the province: a party group, a branch and four cells, and a year of meetings. */
export async function writeProvinceCourt(db: Db, index: number, year: number): Promise<number> {
  const [tenant] = await db
    .insert(tenants)
    .values({ code: `court${String(index)}`, name: `第${String(index)}基层人民法院` })
    .returning({ id: tenants.id });
  const tenantId = tenant!.id;
  const secretary = crypto.randomUUID();
  await db
    .insert(people)
    .values({ tenantId, id: secretary, name: `书记${String(index)}`, gender: 'male', status: 'full' });
  const group = crypto.randomUUID();
  const branch = crypto.randomUUID();
  const orgs: BenchOrg[] = [
    { id: group, kind: 'party_group' },
    { id: branch, kind: 'branch' },
  ];
  await db.insert(orgUnits).values({ tenantId, id: group, kind: 'party_group', name: '党组' });
  await db.insert(orgUnits).values({
    tenantId,
    id: branch,
    parentId: group,
    kind: 'branch',
    name: '机关党支部',
    committee: [{ personId: secretary, post: '委员' }],
  });
  const cells = Array.from({ length: 4 }, (_, i) => ({
    tenantId,
    id: crypto.randomUUID(),
    parentId: branch,
    kind: 'cell' as const,
    name: `第${String(i + 1)}党小组`,
  }));
  await db.insert(orgUnits).values(cells);
  orgs.push(...cells.map((c) => ({ id: c.id, kind: c.kind })));
  return writeMeetingYears(db, tenantId, orgs, year, 1);
}
