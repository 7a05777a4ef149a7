import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { covers, isEmpty, NO_SCOPE, unitsOf, WHOLE_COURT } from './policy.ts';

describe('a scope', () => {
  const branch = { all: false as const, orgUnitIds: ['branch', 'cell-1'] };
  it('covers the whole court, or only the listed organisations', () => {
    expect(covers(WHOLE_COURT, 'anything')).toBe(true);
    expect(covers(WHOLE_COURT, null)).toBe(true);
    expect(covers(branch, 'cell-1')).toBe(true);
    expect(covers(branch, 'cell-2')).toBe(false);
    expect(covers(NO_SCOPE, 'cell-1')).toBe(false);
  });
  it('reaches what belongs to no organisation only court-wide', () => {
    expect(covers(branch, null)).toBe(false);
    expect(covers(branch, undefined)).toBe(false);
  });
  it('gives repositories a filter: the listed units, or none for the whole court', () => {
    expect(unitsOf(WHOLE_COURT)).toBeUndefined();
    expect(unitsOf(branch)).toEqual(['branch', 'cell-1']);
    expect(isEmpty(NO_SCOPE)).toBe(true);
    expect(isEmpty(branch)).toBe(false);
  });
});

/** Every source file of the server but tests. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the policy is the only place scope is decided', () => {
  // What deciding scope looks like: reading a scope's parts, or a private copy of the covering rule.
  const DECIDING = [
    /\.orgUnitIds\.(includes|indexOf|some|has)\(/,
    /\bscope\.all\b/,
    /\bfunction (inScope|scopeCovers|covers|scopeOf|resolveScope)\b/,
    /\bconst (inScope|scopeCovers|covers|scopeOf)\s*=/,
  ];
  it('no file outside platform/policy.ts reads grants or scopes itself', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const file of sourceFiles(root)) {
      const relative = path.relative(root, file);
      if (relative === path.join('platform', 'policy.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const pattern of DECIDING) if (pattern.test(text)) offenders.push(`${relative}: ${String(pattern)}`);
    }
    expect(offenders).toEqual([]);
  });
});
