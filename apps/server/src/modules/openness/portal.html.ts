import {
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  type DisclosureCategory,
  type DisclosureScope,
  type PublicDisclosure,
  type PublicRotaResponse,
  type ServicePledge,
} from '@qizhi/domain';

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Links keep the court and the script the visitor chose. */
export interface PortalLinks {
  court: string | undefined;
  hant: boolean;
}
export function link(path: string, l: PortalLinks, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (l.court) params.set('court', l.court);
  if (l.hant) params.set('zh', 'hant');
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const qs = params.toString();
  return esc(qs ? `${path}?${qs}` : path);
}

export function page(opts: {
  title: string;
  courtName: string;
  links: PortalLinks;
  body: string;
  bare?: boolean;
}): string {
  const { links: l } = opts;
  const nav = opts.bare
    ? ''
    : `<nav class="main noprint" aria-label="栏目">
<a href="${link('/public', l)}">首页</a>
<a href="${link('/public', l, { scope: 'party' })}">党务公开</a>
<a href="${link('/public', l, { scope: 'court' })}">院务公开</a>
<a href="${link('/public/rota', l)}">领导接访</a>
<a href="${link('/public/pledges', l)}">服务承诺</a>
<a href="${link('/public/feed.xml', { ...l, hant: false })}">订阅（RSS）</a>
<a href="${esc(switchScript(l))}" lang="${l.hant ? 'zh-Hans' : 'zh-Hant'}">${l.hant ? '简体' : '繁體'}</a>
</nav>`;
  return `<!doctype html>
<html lang="${l.hant ? 'zh-Hant' : 'zh-Hans'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(opts.title)} - ${esc(opts.courtName)}</title>
<link rel="stylesheet" href="/public/portal.css">
<link rel="alternate" type="application/rss+xml" title="${esc(opts.courtName)}公开事项" href="${link('/public/feed.xml', { ...l, hant: false })}">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
${opts.bare ? '' : `<header class="top"><a href="${link('/public', l)}"><h1>${esc(opts.courtName)}</h1><p>党务公开 · 院务公开 · 便民服务</p></a></header>`}
${nav}
<main id="main">
${opts.body}
</main>
${opts.bare ? '' : `<footer>${esc(opts.courtName)} · 本页内容由法院依法主动公开，不含个人身份证号和电话号码。</footer>`}
</body>
</html>`;
}

function switchScript(l: PortalLinks): string {
  return `?${new URLSearchParams({ ...(l.court ? { court: l.court } : {}), ...(l.hant ? {} : { zh: 'hant' }) }).toString()}`;
}

export function itemList(items: readonly PublicDisclosure[], l: PortalLinks): string {
  if (items.length === 0) return '<p class="muted">暂无公开事项。</p>';
  return `<ul class="items">${items
    .map(
      (i) =>
        `<li><span><span class="tag">${esc(DISCLOSURE_SCOPE_LABELS[i.scope])}·${esc(i.categoryLabel)}</span><a href="${link(i.url, l)}">${esc(i.title)}</a></span><time class="muted" datetime="${esc(i.publishedOn)}">${esc(i.publishedOn)}</time></li>`,
    )
    .join('')}</ul>`;
}

export function rotaTable(rota: PublicRotaResponse): string {
  if (rota.leaders.length === 0) return '<p class="muted">本周无领导接访安排。</p>';
  return `<table><thead><tr><th scope="col">接访领导</th><th scope="col">职务</th><th scope="col">日期</th><th scope="col">时间</th><th scope="col">地点</th></tr></thead><tbody>${rota.leaders
    .map(
      (r) =>
        `<tr><td>${esc(r.name)}</td><td>${esc(r.post)}</td><td>${esc(r.date ?? '本周放假')}</td><td>${esc(r.time)}</td><td>${esc(r.place)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export function pledgeList(pledges: readonly ServicePledge[]): string {
  if (pledges.length === 0) return '<p class="muted">暂无服务承诺。</p>';
  return `<table><thead><tr><th scope="col">承诺事项</th><th scope="col">时限</th><th scope="col">本年度兑现</th></tr></thead><tbody>${pledges
    .map(
      (p) =>
        `<tr><td>${esc(p.title)}${p.description ? `<div class="muted">${esc(p.description)}</div>` : ''}</td><td>${esc(p.timeLimit)}</td><td>${
          p.measured && p.measured.rate !== null
            ? `${(p.measured.rate * 100).toFixed(1)}%（${String(p.measured.count)}件）`
            : '—'
        }</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export interface HomeData {
  items: PublicDisclosure[];
  rota: PublicRotaResponse;
  pledges: ServicePledge[];
  scope: DisclosureScope | undefined;
  category: DisclosureCategory | undefined;
  q: string | undefined;
}

export function homeBody(d: HomeData, l: PortalLinks): string {
  const chips = DISCLOSURE_CATEGORIES.map(
    (c) =>
      `<a href="${link('/public', l, { scope: d.scope, category: c })}"${d.category === c ? ' aria-current="page"' : ''}>${esc(DISCLOSURE_CATEGORY_LABELS[c])}</a>`,
  ).join('');
  const filtered = d.scope || d.category || d.q;
  const heading = d.q
    ? `“${esc(d.q)}”的搜索结果（${String(d.items.length)}项）`
    : d.scope
      ? esc(DISCLOSURE_SCOPE_LABELS[d.scope])
      : '最新公开';
  return `
<form class="search" method="get" action="/public" role="search">
${l.court ? `<input type="hidden" name="court" value="${esc(l.court)}">` : ''}${l.hant ? '<input type="hidden" name="zh" value="hant">' : ''}
<label class="skip" for="q">搜索公开事项</label>
<input id="q" name="q" type="search" maxlength="50" placeholder="搜索公开事项" value="${esc(d.q ?? '')}">
<button type="submit">搜索</button>
</form>
${filtered ? '' : `<section class="card" aria-labelledby="rota-h"><h2 id="rota-h">本周接访领导</h2>${rotaTable(d.rota)}</section>`}
<section class="card" aria-labelledby="items-h"><h2 id="items-h">${heading}</h2>
<nav class="chips" aria-label="公开类别">${chips}</nav>
${itemList(filtered ? d.items : d.items.slice(0, 20), l)}</section>
${filtered ? '' : `<section class="card" aria-labelledby="pledge-h"><h2 id="pledge-h">服务承诺</h2>${pledgeList(d.pledges)}</section>`}`;
}

export function itemBody(i: PublicDisclosure, l: PortalLinks): string {
  return `<article class="card"><section class="card">
<p class="muted"><span class="tag">${esc(DISCLOSURE_SCOPE_LABELS[i.scope])}</span><span class="tag">${esc(i.categoryLabel)}</span>公开日期：${esc(i.publishedOn)}${i.publishUntil ? `，公开至${esc(i.publishUntil)}` : ''}</p>
<h2>${esc(i.title)}</h2>
<div class="body">${esc(i.body)}</div>
${attachmentList(i, l)}<p class="noprint"><a href="${link(`${i.url}/poster`, l)}">打印A4公示海报</a> · <a href="${link('/public', l)}">返回首页</a></p>
</section></article>`;
}

function attachmentList(i: PublicDisclosure, l: PortalLinks): string {
  if (i.attachments.length === 0) return '';
  const kb = (n: number) => `${String(Math.max(1, Math.round(n / 1024)))} KB`;
  return `<h3>附件</h3><ul class="files">${i.attachments
    .map(
      (a) =>
        `<li><a href="${link(a.url, { court: l.court, hant: false })}" download>${esc(a.name)}</a> <span class="muted">${kb(a.size)}</span></li>`,
    )
    .join('')}</ul>`;
}

export function posterBody(i: PublicDisclosure, courtName: string): string {
  return `<div class="poster"><h1>${esc(i.title)}</h1>
<p class="muted">${esc(DISCLOSURE_SCOPE_LABELS[i.scope])} · ${esc(i.categoryLabel)}</p>
<div class="body">${esc(i.body)}</div>
<p class="foot">${esc(courtName)}<br>${esc(i.publishedOn)}${i.publishUntil ? `<br>公示期至${esc(i.publishUntil)}` : ''}</p></div>`;
}
