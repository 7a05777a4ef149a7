import type { RequestContext } from '../../platform/request-context.ts';
import { departmentsOfCourt, orgUnitsOfCourt } from '../org/index.ts';
import { buildRosterTemplate, type TemplateNames } from './roster-export.ts';

const BRANCH_KINDS = new Set(['branch', 'general_branch', 'party_committee']);

/**
 * The import template for this person: its example row and drop-down lists name this court's
 * branches and cells the person may import into, and the court's departments.
 */
export async function rosterTemplateFor(ctx: RequestContext): Promise<Buffer> {
  const [units, departments] = await Promise.all([orgUnitsOfCourt(ctx), departmentsOfCourt(ctx)]);
  const branches: TemplateNames['branches'] = [];
  for (const b of units) {
    if (!BRANCH_KINDS.has(b.kind) || !(await ctx.can('people.import', b.id))) continue;
    const cells = units.filter((c) => c.kind === 'cell' && c.parentId === b.id).map((c) => c.name);
    branches.push({ name: b.name, cells });
  }
  return buildRosterTemplate({ branches, departments: departments.map((d) => d.name) });
}
