import {
  DISCLOSURE_SCOPE_LABELS,
  type DisclosureScope,
  type PublicDisclosure,
  type PublicRotaResponse,
  type ServicePledge,
} from '@qizhi/domain';
import type { Database } from '../../platform/db.ts';
import { esc, pledgeList, rotaTable } from './portal.html.ts';

/** A screen another capability adds to the kiosk (the culture wall's 廉政文化): its tile and its content. */
export interface KioskScreen {
  id: string;
  tile: string;
  title: string;
  html: string;
  /** Its own stylesheet and script (same origin), loaded beside the kiosk's. */
  stylesheet?: string;
  script?: string;
}
/** Where such a screen comes from: asked on each kiosk render, null when it has nothing to show. */
export type KioskScreenSource = (
  database: Database,
  court: { id: string },
  courtQuery: string,
) => Promise<KioskScreen | null>;

export interface KioskData {
  courtName: string;
  items: PublicDisclosure[];
  rota: PublicRotaResponse;
  pledges: ServicePledge[];
  extraScreens?: KioskScreen[];
}

function itemsScreen(scope: DisclosureScope, items: PublicDisclosure[], index: Map<string, number>): string {
  const mine = items.filter((i) => i.scope === scope).slice(0, 30);
  const list = mine.length
    ? mine
        .map(
          (i) =>
            `<li><a class="row" href="#item-${String(index.get(i.id))}"><span class="tag">${esc(i.categoryLabel)}</span>${esc(i.title)}<small>${esc(i.publishedOn)}</small></a></li>`,
        )
        .join('')
    : '<li class="muted">暂无公开事项</li>';
  return `<section class="screen" id="${scope}"><h2>${esc(DISCLOSURE_SCOPE_LABELS[scope])}</h2><ul class="list">${list}</ul><a class="back" href="#home">返回首页</a></section>`;
}

/**
 * What the kiosk shows, as screens in one document: the home tiles, the week's reception, the
 * pledges, the two kinds of openness and each item. No link leaves the kiosk; navigation is by
 * fragment, so it works before (and without) the script.
 */
export function kioskContent(d: KioskData): string {
  const items = d.items.slice(0, 60);
  const index = new Map(items.map((i, n) => [i.id, n]));
  const extra = d.extraScreens ?? [];
  const details = items
    .map(
      (i, n) =>
        `<section class="screen" id="item-${String(n)}"><h2>${esc(i.title)}</h2><p class="muted">${esc(DISCLOSURE_SCOPE_LABELS[i.scope])} · ${esc(i.categoryLabel)} · ${esc(i.publishedOn)}</p><div class="body">${esc(i.body)}</div><a class="back" href="#${i.scope}">返回列表</a><a class="back" href="#home">返回首页</a></section>`,
    )
    .join('');
  return `<section class="screen current" id="home"><nav class="tiles" aria-label="栏目">
<a href="#rota">本周接访领导</a><a href="#pledges">服务承诺</a><a href="#party">党务公开</a><a href="#court">院务公开</a>${extra.map((x) => `<a href="#${esc(x.id)}">${esc(x.tile)}</a>`).join('')}
</nav></section>
<section class="screen" id="rota"><h2>本周接访领导（${esc(d.rota.week.start)} 至 ${esc(d.rota.week.end)}）</h2>${rotaTable(d.rota)}<a class="back" href="#home">返回首页</a></section>
<section class="screen" id="pledges"><h2>服务承诺</h2>${pledgeList(d.pledges)}<a class="back" href="#home">返回首页</a></section>
${itemsScreen('party', items, index)}${itemsScreen('court', items, index)}${details}${extra
    .map(
      (x) =>
        `<section class="screen ${esc(x.id)}" id="${esc(x.id)}"><h2>${esc(x.title)}</h2>${x.html}<a class="back" href="#home">返回首页</a></section>`,
    )
    .join('')}`;
}

export const KIOSK_CSS = `
*{box-sizing:border-box;-webkit-user-select:none;user-select:none}
html,body{margin:0;height:100%;overflow:auto;background:#fff7f0;font:22px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f}
header{background:#c41d27;color:#fff;padding:16px 24px;display:flex;justify-content:space-between;align-items:center}
header h1{margin:0;font-size:32px}
#status{font-size:18px}
main{padding:24px}
.screen{display:none}
.screen:target,#home.current,.screen.current{display:block}
.tiles{display:grid;grid-template-columns:1fr 1fr;gap:24px}
.tiles a{display:flex;align-items:center;justify-content:center;min-height:180px;background:#c41d27;color:#fff;font-size:36px;text-decoration:none;border-radius:12px}
h2{font-size:30px;margin:0 0 16px}
.list{list-style:none;margin:0;padding:0}
.row{display:block;min-height:72px;padding:16px;margin:0 0 12px;background:#fff;border-radius:8px;text-decoration:none;color:#1f1f1f;border:1px solid #ffd8bf}
.row small{display:block;color:#666;font-size:18px}
.tag{display:inline-block;font-size:18px;color:#a8071a;border:1px solid #ffa39e;border-radius:4px;padding:0 6px;margin-right:8px}
.back{display:inline-flex;align-items:center;min-height:72px;min-width:200px;justify-content:center;margin:24px 16px 0 0;padding:0 24px;background:#fff;border:2px solid #c41d27;color:#c41d27;border-radius:8px;text-decoration:none}
.body{white-space:pre-wrap;background:#fff;padding:16px;border-radius:8px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ffd8bf;padding:12px;text-align:left}
.muted{color:#666}
`;

function extraAssets(d: KioskData, url: (x: KioskScreen) => string | undefined, tag: (url: string) => string): string {
  const urls = new Set((d.extraScreens ?? []).map(url).filter((u) => u !== undefined));
  return [...urls].map((u) => `\n${tag(u)}`).join('');
}

export function kioskPage(d: KioskData, idleSeconds: number): string {
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(d.courtName)} · 触摸屏</title>
<link rel="stylesheet" href="/kiosk/kiosk.css">${extraAssets(
    d,
    (x) => x.stylesheet,
    (u) => `<link rel="stylesheet" href="${esc(u)}">`,
  )}
</head>
<body data-idle="${String(idleSeconds)}">
<header><h1>${esc(d.courtName)}</h1><span id="status" role="status"></span></header>
<main id="content">${kioskContent(d)}</main>
<script src="/kiosk/kiosk.js" defer></script>${extraAssets(
    d,
    (x) => x.script,
    (u) => `<script src="${esc(u)}" defer></script>`,
  )}
</body>
</html>`;
}
