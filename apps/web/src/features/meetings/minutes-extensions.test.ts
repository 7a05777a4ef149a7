import { getSchema } from '@tiptap/core';
import type { Mark, Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { headingsToMinutesLevels, MINUTES_EXTENSIONS } from './minutes-extensions.ts';

/** The server's allow-list takes these (and more); the editor must never write anything else. */
const ALLOWED = new Set(['p', 'br', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'u', 'a']);
ALLOWED.add('table').add('tbody').add('tr').add('th').add('td');

function tagsOf(spec: unknown): string[] {
  if (!Array.isArray(spec)) return [];
  const [tag, ...rest] = spec as unknown[];
  return [String(tag), ...rest.flatMap(tagsOf)];
}

describe('the minutes editor', () => {
  const schema = getSchema(MINUTES_EXTENSIONS);

  it('writes only tags the server keeps', () => {
    const written = new Set<string>();
    for (const type of Object.values(schema.nodes)) {
      const levels: Record<string, unknown>[] = type.name === 'heading' ? [{ level: 3 }, { level: 4 }] : [{}];
      for (const attrs of levels) {
        const node: Node | null = type.createAndFill(attrs);
        if (node) tagsOf(type.spec.toDOM?.(node)).forEach((t) => written.add(t));
      }
    }
    for (const type of Object.values(schema.marks)) {
      const mark: Mark = type.create({ href: 'https://example.cn' });
      tagsOf(type.spec.toDOM?.(mark, true)).forEach((t) => written.add(t));
    }
    expect([...written].filter((t) => !ALLOWED.has(t))).toEqual([]);
    expect(written).toEqual(new Set([...ALLOWED]));
  });

  it('knows tables, so a table pasted from WPS or Word stays a table', () => {
    expect(Object.keys(schema.nodes)).toEqual(
      expect.arrayContaining(['table', 'tableRow', 'tableHeader', 'tableCell']),
    );
  });
});

describe('headingsToMinutesLevels', () => {
  it('turns the headings Word pastes into the two levels minutes use', () => {
    const pasted =
      '<h1 class="MsoTitle">一、会议议题</h1><h2>（一）</h2><h5 style="x">1.</h5><h6>（1）</h6><h3>三</h3>';
    expect(headingsToMinutesLevels(pasted)).toBe(
      '<h3 class="MsoTitle">一、会议议题</h3><h3>（一）</h3><h4 style="x">1.</h4><h4>（1）</h4><h3>三</h3>',
    );
  });

  it('leaves other tags alone, tables included', () => {
    const table = '<table><tbody><tr><th>姓名</th><td>hr</td></tr></tbody></table><hr><header>x</header>';
    expect(headingsToMinutesLevels(table)).toBe(table);
  });
});
