/**
 * Minutes are rich text: who spoke, what was decided. They are stored as HTML cut down to a small
 * whitelist of tags with no attributes at all, so whatever is pasted can never run script.
 */
export const MINUTES_ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'blockquote',
] as const;
const ALLOWED = new Set<string>(MINUTES_ALLOWED_TAGS);
const VOID = new Set(['br']);
/** Elements whose content is dropped along with the tags. */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
]);

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text as it appears in HTML: every entity decoded once. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Keeps the whitelisted tags (attributes dropped, unclosed ones closed, stray closers dropped) and
 * re-escapes all text. Comments, doctype and processing instructions go.
 */
export function sanitizeMinutesHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping: string | null = null;
  const token = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>?|([^<]+|<)/g;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [whole, rawTag, text] = m;
    if (text !== undefined) {
      if (!dropping) out.push(escapeHtml(decodeEntities(text)));
      continue;
    }
    if (!rawTag) continue; // comment, doctype, processing instruction
    const tag = rawTag.toLowerCase();
    const closing = whole.startsWith('</');
    if (dropping) {
      if (closing && tag === dropping) dropping = null;
      continue;
    }
    if (DROP_CONTENT.has(tag)) {
      if (!closing && !whole.endsWith('/>')) dropping = tag;
      continue;
    }
    if (!ALLOWED.has(tag)) continue;
    if (VOID.has(tag)) {
      if (!closing) out.push(`<${tag}>`);
      continue;
    }
    if (!closing) {
      open.push(tag);
      out.push(`<${tag}>`);
      continue;
    }
    const at = open.lastIndexOf(tag);
    if (at === -1) continue;
    // Close whatever was left open inside it, so the result is always well nested.
    while (open.length > at) out.push(`</${open.pop() ?? ''}>`);
  }
  while (open.length > 0) out.push(`</${open.pop() ?? ''}>`);
  return out.join('');
}

const BLOCK_END = /<\/(p|li|h3|h4|blockquote|ul|ol)>|<br>/g;

/** The minutes as plain text with line breaks, for the ledger spreadsheet. */
export function minutesToPlainText(html: string): string {
  const withBreaks = sanitizeMinutesHtml(html)
    .replace(/<li>/g, '· ')
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}

/** Plain text typed in a box becomes paragraphs. */
export function plainTextToMinutesHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}
