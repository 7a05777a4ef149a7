/**
 * The corridor screens' one script (/display/display.js, ≈2 KB), also loaded by the lobby kiosk for
 * its 廉政文化 screen:
 * - rotates every visible `.slides` box by each slide's seconds; 上一条/下一条 buttons step it;
 * - on a display page (body[data-content]) asks every `data-poll` seconds whether the content changed
 *   (If-None-Match with the version it has: 304 costs nothing), swaps it in without a reload, and
 *   keeps the last content in localStorage;
 * - through a network drop it goes on rotating what it has (every slide stays in the page, pictures
 *   included) and says since when; on a reload while offline, the service worker (where the page is a
 *   secure context) gives back the page and pictures, and the script the newer content it kept.
 */
export const DISPLAY_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  function shown(el) { return el.getClientRects().length > 0; }
  function step(box, by) {
    var slides = box.querySelectorAll('.slide');
    var cur = 0;
    for (var i = 0; i < slides.length; i++) if (slides[i].classList.contains('current')) cur = i;
    if (slides.length > 1) {
      slides[cur].classList.remove('current');
      cur = (cur + by + slides.length) % slides.length;
      slides[cur].classList.add('current');
    }
    box.setAttribute('data-at', String(Date.now()));
    var counter = box.querySelector('.counter');
    if (counter) counter.textContent = (cur + 1) + ' / ' + slides.length;
  }
  function tick() {
    var boxes = document.querySelectorAll('.slides');
    var now = Date.now();
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (!shown(box)) { box.removeAttribute('data-at'); continue; }
      var at = Number(box.getAttribute('data-at') || '0');
      if (!at) { box.setAttribute('data-at', String(now)); continue; }
      var current = box.querySelector('.slide.current');
      var seconds = Number((current && current.getAttribute('data-seconds')) || '10');
      if (now - at >= seconds * 1000) step(box, 1);
    }
  }
  setInterval(tick, 500);
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-step]') : null;
    var box = button && button.closest('.slides');
    if (box) step(box, Number(button.getAttribute('data-step')));
  });

  var url = body.getAttribute('data-content');
  if (!url) return;
  var box = document.getElementById('content');
  var status = document.getElementById('status');
  var key = 'qizhi-display' + location.pathname + location.search;
  var etag = box.getAttribute('data-etag') || '';
  var lastOk = Number(box.getAttribute('data-rendered') || '0');
  function saved() { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  function keep(html, tag, at) {
    try { localStorage.setItem(key, JSON.stringify({ html: html, etag: tag, at: at })); } catch (e) { /* full or off */ }
  }
  function stamp(at) {
    var d = new Date(at);
    return (d.getMonth() + 1) + '月' + d.getDate() + '日' + ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }
  function online() { lastOk = Date.now(); status.textContent = ''; body.removeAttribute('data-offline'); }
  function offline() {
    status.textContent = '网络中断，显示的是' + stamp(lastOk) + '更新的内容';
    body.setAttribute('data-offline', 'true');
  }
  var html = box.innerHTML;
  var first = saved();
  if (first && first.at > lastOk && first.etag !== etag) {
    html = first.html; box.innerHTML = html; etag = first.etag; lastOk = first.at;
  } else keep(html, etag, lastOk);
  function poll() {
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(url, { cache: 'no-store', headers: headers })
      .then(function (r) {
        if (r.status === 304) return null;
        if (!r.ok) throw new Error(String(r.status));
        return r.text().then(function (html) { return { html: html, tag: r.headers.get('ETag') || '' }; });
      })
      .then(function (got) {
        online();
        if (got && got.tag !== etag) { html = got.html; box.innerHTML = html; etag = got.tag; }
        keep(html, etag, lastOk);
      })
      .catch(offline);
  }
  poll();
  setInterval(poll, Math.max(2, Number(body.getAttribute('data-poll') || '30')) * 1000);
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/display/sw.js', { scope: '/display/' }).catch(function () {});
  }
})();
`;

/**
 * Network first, the last good copy when the network fails: the page, its stylesheet, script and
 * pictures survive a reload while the server is away. The content polls are left to the network —
 * the script keeps their answers itself and must see the failure to say it is offline.
 */
export const DISPLAY_SERVICE_WORKER = `var CACHE = 'qizhi-display-v1';
self.addEventListener('install', function () { self.skipWaiting(); });
// The page that registered the worker was fetched before it: kept now, so a reload offline finds it.
self.addEventListener('activate', function (e) {
  e.waitUntil(self.clients.claim().then(function () {
    return self.clients.matchAll().then(function (pages) {
      var urls = pages.map(function (p) { return p.url; }).concat(['/display/display.css', '/display/display.js']);
      return caches.open(CACHE).then(function (c) { return c.addAll(urls); });
    });
  }).catch(function () {}));
});
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || /\\/content$/.test(new URL(req.url).pathname)) return;
  e.respondWith(
    fetch(req).then(function (r) {
      if (r.ok) { var copy = r.clone(); caches.open(CACHE).then(function (c) { c.put(req, copy); }); }
      return r;
    }).catch(function () {
      return caches.match(req).then(function (hit) { return hit || Response.error(); });
    })
  );
});
`;
