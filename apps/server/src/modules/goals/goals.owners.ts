import {
  GOAL_LEVEL_LABELS,
  GOAL_LEVEL_ORG_KINDS,
  GOAL_LEVEL_OWNER_KINDS,
  ORG_KIND_LABELS,
  type FieldIssue,
  type GoalLevel,
  type GoalOwnerKind,
  type GoalOwnerRef,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { validationFailed } from '../../platform/errors.ts';
import * as repo from './goals.repo.ts';

export interface ResolvedOwner {
  kind: GoalOwnerKind;
  id: string;
  name: string;
  /** The person's 党小组 when a member owns the goal. */
  orgUnitId: string | null;
}

const OWNER_KIND_LABELS: Record<GoalOwnerKind, string> = { org_unit: '党组织', department: '内设部门', person: '党员' };

/** Checks that every owner exists in the court and fits the level; all problems at once, by index. */
export async function resolveOwners(
  db: Db,
  tenantId: string,
  level: GoalLevel,
  owners: readonly GoalOwnerRef[],
  pathOf: (index: number) => string,
): Promise<ResolvedOwner[]> {
  const idsOf = (kind: GoalOwnerKind) => owners.filter((o) => o.kind === kind).map((o) => o.id);
  const [units, depts, persons] = await Promise.all([
    repo.findOrgUnitsByIds(db, tenantId, idsOf('org_unit')),
    repo.findDepartmentsByIds(db, tenantId, idsOf('department')),
    repo.findPeopleByIds(db, tenantId, idsOf('person')),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const personById = new Map(persons.map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  const resolved: ResolvedOwner[] = [];
  const seen = new Set<string>();
  owners.forEach((owner, i) => {
    const path = pathOf(i);
    const allowedKinds = GOAL_LEVEL_OWNER_KINDS[level];
    if (!allowedKinds.includes(owner.kind)) {
      issues.push({
        path,
        message: `${GOAL_LEVEL_LABELS[level]}层级的目标应由${allowedKinds.map((k) => OWNER_KIND_LABELS[k]).join('或')}承担`,
      });
      return;
    }
    if (seen.has(owner.id)) {
      issues.push({ path, message: '责任主体重复' });
      return;
    }
    seen.add(owner.id);
    switch (owner.kind) {
      case 'org_unit': {
        const unit = unitById.get(owner.id);
        if (!unit) issues.push({ path, message: '所选党组织不存在' });
        else if (!GOAL_LEVEL_ORG_KINDS[level].includes(unit.kind))
          issues.push({
            path,
            message: `${ORG_KIND_LABELS[unit.kind]}不能承担${GOAL_LEVEL_LABELS[level]}层级的目标`,
          });
        else resolved.push({ kind: 'org_unit', id: unit.id, name: unit.name, orgUnitId: unit.id });
        break;
      }
      case 'department': {
        const dept = deptById.get(owner.id);
        if (!dept) issues.push({ path, message: '所选内设部门不存在' });
        else resolved.push({ kind: 'department', id: dept.id, name: dept.name, orgUnitId: null });
        break;
      }
      case 'person': {
        const person = personById.get(owner.id);
        if (!person) issues.push({ path, message: '所选人员不存在' });
        else if (person.status !== 'full' && person.status !== 'probationary')
          issues.push({ path, message: `${person.name}不是党员，党建目标只能分解到党员（含预备党员）` });
        else resolved.push({ kind: 'person', id: person.id, name: person.name, orgUnitId: person.orgUnitId });
        break;
      }
    }
  });
  if (issues.length > 0) throw validationFailed(issues);
  return resolved;
}
