import { createHash } from 'node:crypto';
import { esc } from '../openness/index.ts';
import type { ScreenShow, Slide } from './display.service.ts';

/** `?court=…` carried on every URL the display asks for (empty on a one-court server). */
export type CourtQuery = string;

function slideHtml(screenId: string, s: Slide, n: number, court: CourtQuery): string {
  const attrs = `class="slide kind-${s.kind}${n === 0 ? ' current' : ''}" data-seconds="${String(s.seconds)}" data-item="${esc(s.itemId)}"`;
  if (s.kind === 'poster') {
    const img = s.hasImage
      ? `<img src="/display/${esc(screenId)}/items/${esc(s.itemId)}/image${esc(court)}" alt="${esc(s.title)}" loading="eager">`
      : '';
    return `<section ${attrs}><figure>${img}<figcaption>${esc(s.title)}</figcaption>${s.body ? `<p class="note">${esc(s.body)}</p>` : ''}</figure></section>`;
  }
  if (s.kind === 'saying')
    return `<section ${attrs}>${s.title ? `<h2>${esc(s.title)}</h2>` : ''}<blockquote><p>${esc(s.body)}</p><footer>——${esc(s.source ?? '')}</footer></blockquote></section>`;
  return `<section ${attrs}><h2>${esc(s.title)}</h2><div class="text">${esc(s.body)}</div></section>`;
}

/**
 * A screen's slides: every published item of its playlist in order, the first shown. All stay in the
 * page (hidden but the current one), so their pictures are loaded once and kept through a network
 * drop. `steps`: large 上一条/下一条 buttons for a touch screen.
 */
export function slidesHtml(show: ScreenShow, court: CourtQuery, opts: { steps?: boolean } = {}): string {
  const slides = show.slides.length
    ? show.slides.map((s, n) => slideHtml(show.screenId, s, n, court)).join('')
    : '<section class="slide current empty"><p>暂无内容</p></section>';
  const steps =
    opts.steps && show.slides.length > 1
      ? `<nav class="steps" aria-label="翻页"><button type="button" data-step="-1">上一条</button><span class="counter">1 / ${String(show.slides.length)}</span><button type="button" data-step="1">下一条</button></nav>`
      : '';
  return `<div class="slides" data-screen="${esc(show.screenId)}" aria-live="polite">${slides}${steps}</div>`;
}

/** The version a display polls with: changes whenever what it shows changes, whatever changed it. */
export function etagOf(html: string): string {
  return `"${createHash('sha1').update(html).digest('base64url').slice(0, 22)}"`;
}

export function displayPage(
  show: ScreenShow,
  opts: { courtName: string; court: CourtQuery; pollSeconds: number; content: string },
): string {
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(show.name)} · ${esc(opts.courtName)}</title>
<link rel="stylesheet" href="/display/display.css">
</head>
<body class="display" data-content="/display/${esc(show.screenId)}/content${esc(opts.court)}" data-poll="${String(opts.pollSeconds)}">
<main id="content" data-etag="${esc(etagOf(opts.content))}" data-rendered="${String(Date.now())}">${opts.content}</main>
<footer class="bar"><span>${esc(opts.courtName)} · ${esc(show.name)}</span><span id="status" role="status"></span></footer>
<script src="/display/display.js" defer></script>
</body>
</html>`;
}

/** Large type on a corridor screen of any size (units of the viewport); the same slides on the kiosk. */
export const DISPLAY_CSS = `
*{box-sizing:border-box}
body.display{margin:0;height:100vh;overflow:hidden;background:#7a0c12;color:#fff8e7;font-family:"KaiTi","STKaiti","Noto Serif CJK SC","Songti SC",serif;cursor:none;-webkit-user-select:none;user-select:none}
body.display main{height:calc(100vh - 6vh)}
body.display .slides{height:100%}
.bar{height:6vh;display:flex;justify-content:space-between;align-items:center;padding:0 3vw;font:2.2vh/1 "PingFang SC","Microsoft YaHei",sans-serif;background:rgba(0,0,0,.25);color:#ffd591}
.slides{position:relative}
.slide{display:none;height:100%;flex-direction:column;justify-content:center;align-items:center;padding:4vh 6vw;text-align:center}
.slide.current{display:flex}
.slide h2{margin:0 0 4vh;font-size:clamp(28px,6vh,96px);color:#ffd591;letter-spacing:.1em}
.slide .text{font-size:clamp(22px,4.2vh,64px);line-height:1.6;white-space:pre-wrap;text-align:left;max-width:80vw}
.slide blockquote{margin:0;max-width:84vw}
.slide blockquote p{margin:0;font-size:clamp(28px,7vh,120px);line-height:1.45;white-space:pre-wrap}
.slide blockquote footer{margin-top:4vh;font-size:clamp(20px,3.6vh,56px);text-align:right;color:#ffd591}
.slide figure{margin:0;display:flex;flex-direction:column;align-items:center;height:100%;justify-content:center}
.slide img{max-width:88vw;max-height:72vh;object-fit:contain;background:#fff}
.slide figcaption{margin-top:2vh;font-size:clamp(22px,4vh,64px);color:#ffd591}
.slide .note{font-size:clamp(18px,3vh,40px)}
.slide.empty p{font-size:5vh;opacity:.7}
.culture .slides{min-height:60vh;background:#7a0c12;color:#fff8e7;border-radius:12px;font-family:"KaiTi","STKaiti","Noto Serif CJK SC",serif}
.culture .slide{min-height:60vh}
.culture .slide blockquote p{font-size:44px}.culture .slide .text{font-size:30px}.culture .slide h2{font-size:40px}
.culture .slide img{max-height:52vh}
.steps{display:flex;justify-content:space-between;align-items:center;padding:16px;gap:16px}
.steps button{min-height:88px;min-width:220px;font:inherit;font-size:30px;border:2px solid #ffd591;background:transparent;color:#ffd591;border-radius:12px}
.counter{font-size:24px;color:#ffd591}
`;
