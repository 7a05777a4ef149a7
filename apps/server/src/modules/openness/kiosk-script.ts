/**
 * The kiosk's only script (/kiosk/kiosk.js, well under 2 KB): back to the home screen after the idle
 * time; the content refreshed every five minutes, and the last content kept (in the page, in
 * localStorage, and in a service worker where the browser allows one) when the network drops.
 */
export const KIOSK_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var idleMs = Number(body.getAttribute('data-idle') || '60') * 1000;
  var box = document.getElementById('content');
  var status = document.getElementById('status');
  var key = 'qizhi-kiosk' + location.search;
  var timer;
  function show() {
    var id = location.hash.slice(1) || 'home';
    var screens = box.querySelectorAll('.screen');
    for (var i = 0; i < screens.length; i++) screens[i].classList.toggle('current', screens[i].id === id);
  }
  function home() {
    if (location.hash !== '' && location.hash !== '#home') history.replaceState(null, '', location.pathname + location.search);
    show();
    window.scrollTo(0, 0);
  }
  function touched() {
    clearTimeout(timer);
    timer = setTimeout(home, idleMs);
  }
  ['pointerdown', 'touchstart', 'keydown', 'scroll', 'click'].forEach(function (e) {
    document.addEventListener(e, touched, { passive: true });
  });
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { show(); window.scrollTo(0, 0); touched(); });
  function keep(html) {
    try { localStorage.setItem(key, JSON.stringify({ html: html, at: Date.now() })); } catch (e) { /* full or off */ }
  }
  function stamp(at) {
    var d = new Date(at);
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }
  function refresh() {
    fetch('/kiosk/content' + location.search, { cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        if (html !== box.innerHTML) { box.innerHTML = html; show(); }
        keep(html);
        status.textContent = '';
        body.removeAttribute('data-offline');
      })
      .catch(function () {
        var saved = null;
        try { saved = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
        status.textContent = '网络中断，显示的是' + (saved ? stamp(saved.at) : '上次') + '更新的内容';
        body.setAttribute('data-offline', 'true');
      });
  }
  keep(box.innerHTML);
  show();
  touched();
  setInterval(refresh, Number(body.getAttribute('data-refresh') || '300') * 1000);
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk' }).catch(function () {});
  }
})();
`;

/** Network first, the cached copy when the network fails: the kiosk survives a reload while offline. */
export const KIOSK_SERVICE_WORKER = `var CACHE = 'qizhi-kiosk-v1';
self.addEventListener('install', function (e) { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (e) {
  if (e.request.method !== 'GET') return;
  e.respondWith(
    fetch(e.request).then(function (r) {
      if (r.ok) { var copy = r.clone(); caches.open(CACHE).then(function (c) { c.put(e.request, copy); }); }
      return r;
    }).catch(function () {
      return caches.match(e.request).then(function (hit) { return hit || Response.error(); });
    })
  );
});
`;
