/**
 * Minutes are rich text: who spoke, what was decided. The server cleans them to an allow-list with
 * a maintained sanitiser (apps/server modules/meetings/minutes-html.ts); these helpers build minutes
 * from plain text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
