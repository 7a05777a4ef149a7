import { describe, expect, it } from 'vitest';
import { cultureItemProblems, slideSeconds } from './culture-wall.rules.ts';

const base = { title: '', body: '', source: null, imageFileId: null };
const paths = (v: Parameters<typeof cultureItemProblems>[0]) => cultureItemProblems(v).map((i) => i.path);

describe('what each kind of culture-wall item needs', () => {
  it('a requirement: title and text', () => {
    expect(paths({ ...base, kind: 'requirement' })).toEqual(['title', 'body']);
    expect(paths({ ...base, kind: 'requirement', title: '五个严禁', body: '  ' })).toEqual(['body']);
    expect(paths({ ...base, kind: 'requirement', title: '五个严禁', body: '严禁接受请客送礼' })).toEqual([]);
  });
  it('a saying: words and a source; a title is optional', () => {
    expect(paths({ ...base, kind: 'saying', body: '公生明，廉生威。' })).toEqual(['source']);
    expect(paths({ ...base, kind: 'saying', body: '公生明，廉生威。', source: ' ' })).toEqual(['source']);
    expect(paths({ ...base, kind: 'saying', body: '公生明，廉生威。', source: '《官箴》' })).toEqual([]);
  });
  it('a poster: title and picture; text is optional', () => {
    expect(paths({ ...base, kind: 'poster', title: '清风' })).toEqual(['imageFileId']);
    expect(paths({ ...base, kind: 'poster', imageFileId: '00000000-0000-4000-8000-000000000000' })).toEqual(['title']);
  });
  it('an entry shows its own seconds, else the playlist’s', () => {
    expect(slideSeconds(null, 12)).toBe(12);
    expect(slideSeconds(3, 12)).toBe(3);
  });
});
