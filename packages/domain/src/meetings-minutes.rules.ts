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

export interface MinutesTemplateOf {
  topic: string;
  hostName: string | null;
  recorderName: string | null;
  expected: number;
  attended: number;
}

/** The skeleton the minutes editor opens with: who hosted and recorded, the counts, three headings. */
export function minutesTemplate(m: MinutesTemplateOf): string {
  const head = `<p>主持人：${escapeHtml(m.hostName ?? '')}\u3000记录人：${escapeHtml(m.recorderName ?? '')}</p>`;
  const counts = `<p>应到${String(m.expected)}人，实到${String(m.attended)}人。</p>`;
  return `${head}${counts}<h4>一、${escapeHtml(m.topic)}</h4><p></p><h4>二、讨论发言</h4><p></p><h4>三、会议决定</h4><p></p>`;
}

/**
 * Whether minutes, read as lines of text, say nothing beyond the template: only its lines (the
 * host and recorder line, the counts line whatever the numbers, the three headings). Such minutes
 * are refused: they would prove nothing about the meeting.
 */
export function isUnchangedTemplate(lines: readonly string[], topic: string): boolean {
  const headings = new Set([`一、${topic.trim()}`, '二、讨论发言', '三、会议决定']);
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .every((l) => headings.has(l) || /^主持人：.*记录人：.*$/.test(l) || /^应到\d+人，实到\d+人。?$/.test(l));
}
