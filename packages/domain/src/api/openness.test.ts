import { describe, expect, it } from 'vitest';
import { CreateSourcedDisclosureRequest, sourcedDisclosureTitle } from './openness.ts';

describe('items from their source', () => {
  it('starts each kind with its own title, cut to 100 characters', () => {
    expect(sourcedDisclosureTitle({ kind: 'commitments', ref: '2026', label: '' })).toBe(
      '2026年度党组织和党员公开承诺',
    );
    expect(sourcedDisclosureTitle({ kind: 'meeting', ref: 'x', label: '机关党支部 支部党员大会' })).toBe(
      '机关党支部 支部党员大会决议公开',
    );
    const long = sourcedDisclosureTitle({ kind: 'deliberation', ref: 'x', label: '长'.repeat(120) });
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
    expect(sourcedDisclosureTitle({ kind: 'evaluation', ref: 'x', label: '长'.repeat(98) })).toHaveLength(100);
  });

  it('takes a year for commitments and a record id for the others', () => {
    const base = { channels: ['board'], publishFrom: '2026-01-01' };
    const ok = (v: object) => CreateSourcedDisclosureRequest.safeParse({ ...base, ...v }).success;
    expect(ok({ kind: 'commitments', ref: '2026' })).toBe(true);
    expect(ok({ kind: 'commitments', ref: '26' })).toBe(false);
    expect(ok({ kind: 'meeting', ref: '2026' })).toBe(false);
    expect(ok({ kind: 'meeting', ref: '0b6f3a52-7c1e-4d2a-9f10-3c5e8a1b2d4f' })).toBe(true);
    expect(ok({ kind: 'minutes', ref: '2026' })).toBe(false);
    expect(ok({ kind: 'commitments', ref: '2026', body: '正文' })).toBe(false);
  });
});
