/**
 * Minutes are rich text that officers paste from WPS and Word: paragraphs, headings, lists, bold,
 * italic and underline, tables, links. They are stored as HTML cut down by sanitize-html to an
 * allow-list — no scripts, event handlers, styles, classes or unknown tags — so whatever is pasted
 * can never run script. (A maintained parser instead of a hand-written one: issue 8.)
 */
import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TABLES = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
export const MINUTES_ALLOWED_TAGS = [
  'p',
  'br',
  ...HEADINGS,
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  ...TABLES,
];
const CELL_SPAN = ['colspan', 'rowspan'];

const MINUTES: sanitizeHtml.IOptions = {
  allowedTags: MINUTES_ALLOWED_TAGS,
  allowedAttributes: { a: ['href'], td: CELL_SPAN, th: CELL_SPAN, col: ['span'], colgroup: ['span'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Unknown tags go, their text stays (Word's <span>, <font>, <o:p>); these go with their content.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'template', 'xml'],
  // A stray closing tag makes an empty paragraph; blank paragraphs carry nothing worth keeping.
  exclusiveFilter: (frame) => frame.tag === 'p' && frame.text.trim() === '' && !frame.mediaChildren.length,
};

/** The minutes as they may be stored and shown. */
export function sanitizeMinutes(html: string): string {
  return sanitizeHtml(html, MINUTES);
}

const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };
const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
const BLOCK_END = /<\/(p|li|h[1-6]|blockquote|ul|ol|tr|table|caption)>|<br \/>/g;

/** The text a person reads in the minutes: tags gone, entities decoded, one line per block. */
function textOf(html: string): string {
  return sanitizeHtml(html, TEXT_ONLY).replace(/&(amp|lt|gt|quot);/g, (e) => UNESCAPE[e] ?? e);
}

/** The minutes as plain text with line breaks, for the ledger spreadsheet (table cells side by side). */
export function minutesToPlainText(html: string): string {
  const marked = sanitizeMinutes(html)
    .replace(/<li>/g, '· ')
    .replace(/<\/t[dh]>/g, '\u3000')
    .replace(BLOCK_END, '\n');
  return textOf(marked)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Minutes with no words in them: nothing typed or pasted but empty paragraphs and tags. */
export function isBlankMinutes(html: string): boolean {
  return textOf(html).trim() === '';
}
