import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel } from './audit-actions.ts';
import { PERMISSIONS, ROLES } from './permissions.ts';

const CHINESE = /\p{Script=Han}/u;
const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('every code a person reads has its Chinese label', () => {
  it('each audit action, object kind, permission and role reads in Chinese', () => {
    for (const table of [AUDIT_ACTIONS, AUDIT_ENTITIES, PERMISSIONS]) {
      for (const [code, label] of Object.entries(table)) expect(label, code).toMatch(CHINESE);
    }
    for (const [code, role] of Object.entries(ROLES)) expect(role.name, code).toMatch(CHINESE);
  });

  it('each action the server writes to the audit log has a label', () => {
    const written = new Set<string>();
    for (const file of sources(SERVER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
      for (const m of text.matchAll(/'(meeting\.[a-z_]+)', '/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(40);
    for (const action of written) expect(auditActionLabel(action), action).not.toBe(action);
  });
});
