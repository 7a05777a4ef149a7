import type { PublicDisclosure } from '@qizhi/domain';
import { esc } from './portal.html.ts';

/** RSS 2.0 of the items on show, for the court's website or Weibo operator to take items from. */
export function rssFeed(opts: {
  courtName: string;
  baseUrl: string;
  courtQuery: string;
  items: readonly PublicDisclosure[];
}): string {
  const abs = (path: string) => esc(`${opts.baseUrl}${path}${opts.courtQuery}`);
  const items = opts.items
    .slice(0, 50)
    .map(
      (i) => `<item>
<title>${esc(i.title)}</title>
<link>${abs(i.url)}</link>
<guid isPermaLink="false">${esc(`${opts.courtQuery}:${i.id}`)}</guid>
<category>${esc(i.categoryLabel)}</category>
<pubDate>${new Date(`${i.publishedOn}T00:00:00+08:00`).toUTCString()}</pubDate>
<description>${esc(i.body.slice(0, 500))}</description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${esc(opts.courtName)} 党务公开 · 院务公开</title>
<link>${abs('/public')}</link>
<description>${esc(opts.courtName)}依法主动公开的党务、院务事项</description>
<language>zh-cn</language>
${items}
</channel>
</rss>
`;
}
