/**
 * What the minutes editor knows — and therefore all it can produce: paragraphs, two heading levels,
 * lists, bold/italic/underline, links and plain tables. Anything else pasted from WPS or Word (styles,
 * classes, spans, images) is dropped by ProseMirror's parser because no node or mark here matches it;
 * its text stays. The server's allow-list (meetings-minutes sanitiser) takes the same tags.
 */
import type { Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** A bare table: no colgroup, widths or wrapper, so what is stored is `<table><tbody><tr><td>`. */
const MinutesTable = Table.extend({
  renderHTML() {
    return ['table', ['tbody', 0]];
  },
}).configure({ resizable: false });

export const MINUTES_EXTENSIONS: Extensions = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer' },
    },
  }),
  MinutesTable,
  TableRow,
  TableHeader,
  TableCell,
];

/**
 * Word's "Heading 1/2" arrive as h1/h2 and its lower ones as h5/h6: they become the two levels
 * minutes use (h3, h4) instead of losing their heading.
 */
export function headingsToMinutesLevels(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_whole, slash: string, level: string) =>
    Number(level) <= 3 ? `<${slash}h3` : `<${slash}h4`,
  );
}
