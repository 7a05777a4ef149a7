import { ruleReads, rules, ruleVersions } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import type { DemoActors, DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw, demoInstant, shiftDate } from './demo-random.ts';
import { DEMO_RULES } from './demo-rules.data.ts';

/** The 16 rules with their versions, and read confirmations from most members (not all). */
export async function seedDemoRules(tx: Db, ctx: DemoSeedContext, actors: DemoActors): Promise<void> {
  const { tenantId } = ctx;
  const draw = createDemoDraw(0x52554c45); // "RULE"
  const ruleRows: (typeof rules.$inferInsert)[] = [];
  const versionRows: (typeof ruleVersions.$inferInsert)[] = [];
  const readRows: (typeof ruleReads.$inferInsert)[] = [];
  const members = ctx.court.people.filter((p) => p.status === 'full' || p.status === 'probationary');
  DEMO_RULES.forEach((rule, i) => {
    const id = crypto.randomUUID();
    const current = rule.versions[rule.versions.length - 1]!;
    const version = rule.versions.length;
    ruleRows.push({
      tenantId,
      id,
      title: rule.title,
      category: rule.category,
      body: current.body,
      adoptedBy: rule.adoptedBy,
      adoptedOn: current.adoptedOn,
      effectiveOn: current.effectiveOn,
      status: version > 1 ? 'revised' : 'in_force',
      version,
      sortOrder: i + 1,
      createdAt: demoInstant(rule.versions[0]!.adoptedOn),
      updatedAt: demoInstant(current.adoptedOn),
    });
    rule.versions.forEach((v, n) => {
      versionRows.push({
        tenantId,
        ruleId: id,
        version: n + 1,
        title: rule.title,
        category: rule.category,
        body: v.body,
        adoptedBy: rule.adoptedBy,
        adoptedOn: v.adoptedOn,
        effectiveOn: v.effectiveOn,
        status: n > 0 ? 'revised' : 'in_force',
        changeNote: v.changeNote,
        createdByName: n > 0 ? actors.secretary.name : null,
        createdAt: demoInstant(v.adoptedOn),
      });
    });
    for (const person of members) {
      // The demo member has two rules still to read, so the page shows what is left.
      const skip = person.key === actors.memberPersonKey ? i >= DEMO_RULES.length - 2 : draw.chance(0.07);
      if (skip) continue;
      readRows.push({
        tenantId,
        ruleId: id,
        personId: ctx.personIds.get(person.key)!,
        version,
        readAt: demoInstant(shiftDate('2026-03-01', draw.int(0, 200)), draw.int(9, 17)),
      });
    }
  });
  await tx.insert(rules).values(ruleRows);
  await tx.insert(ruleVersions).values(versionRows);
  for (let i = 0; i < readRows.length; i += 400) await tx.insert(ruleReads).values(readRows.slice(i, i + 400));
}
