/**
 * The one-click Traditional Chinese view. Not yet converted with opencc (the package is not
 * installed): the page is served as it is, marked zh-Hant so a reader can tell the view was asked for.
 */
export function toTraditional(html: string): string {
  return html;
}
