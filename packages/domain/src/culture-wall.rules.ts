import type { CultureItemKind } from './api/culture-wall.ts';
import type { FieldIssue } from './api/errors.ts';

/**
 * What each kind of culture-wall item needs before it can be saved: a requirement its title and
 * text, a saying its words and where they come from, a poster its title and picture.
 */
export function cultureItemProblems(v: {
  kind: CultureItemKind;
  title: string;
  body: string;
  source: string | null;
  imageFileId: string | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const blank = (s: string | null) => (s ?? '').trim() === '';
  if (v.kind === 'requirement') {
    if (blank(v.title)) issues.push({ path: 'title', message: '请填写廉政要求的标题' });
    if (blank(v.body)) issues.push({ path: 'body', message: '请填写廉政要求的内容' });
  }
  if (v.kind === 'saying') {
    if (blank(v.body)) issues.push({ path: 'body', message: '请填写格言警句' });
    if (blank(v.source)) issues.push({ path: 'source', message: '请注明出处' });
  }
  if (v.kind === 'poster') {
    if (blank(v.title)) issues.push({ path: 'title', message: '请填写宣传画的标题' });
    if (v.imageFileId === null) issues.push({ path: 'imageFileId', message: '请上传宣传画图片' });
  }
  return issues;
}

/** How long an entry shows: its own seconds, else the playlist's. */
export function slideSeconds(entrySeconds: number | null, playlistSeconds: number): number {
  return entrySeconds ?? playlistSeconds;
}
