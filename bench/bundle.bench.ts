/**
 * Target 4: the web app's JavaScript needed for the sign-in page is under 300 KB gzipped
 * (KB = 1,000 bytes, as Vite reports). Measured two ways on the existing build (apps/web/dist;
 * `npm run build --workspace apps/web` makes it): from the files (entry, modulepreloads, static
 * imports and the login-page chunk, each gzipped at level 9), and by loading /login in headless
 * Chromium from the real server and adding up the .js bytes on the wire.
 *
 *   node --import tsx bench/bundle.bench.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromiumAvailable, loadLoginPage, type LoginPageLoad } from './bundle-browser.ts';
import { measureLoginBundle, sourcesNewerThanBuild } from './bundle-static.ts';
import { createPgliteDatabase } from './databases.ts';
import { round } from './latency.ts';
import { isMainModule, REPO_ROOT, WEB_DIST } from './paths.ts';
import { startQizhi } from './qizhi-server.ts';
import { summaryTable } from './report.ts';
import { target, type BenchReport, type TargetResult } from './targets.ts';

const LIMIT_KB = 300;

async function inBrowser(): Promise<LoginPageLoad> {
  const bench = createPgliteDatabase();
  try {
    const server = await startQizhi(bench, 'bundle-server.log');
    try {
      return await loadLoginPage(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

export async function runBundleBench(): Promise<BenchReport> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    return {
      bench: 'bundle',
      targets: [
        target({
          id: 'bundle.login.static',
          target: 'sign-in page JS, gzip',
          measured: null,
          unit: 'kB',
          rule: 'below',
          limit: LIMIT_KB,
          note: 'no web build: run npm run build --workspace apps/web',
        }),
      ],
      details: {},
    };
  }
  const stale = sourcesNewerThanBuild(WEB_DIST, path.join(REPO_ROOT, 'apps/web/src'));
  const built = measureLoginBundle(WEB_DIST);
  const targets: TargetResult[] = [
    target({
      id: 'bundle.login.static',
      target: 'sign-in page JS, gzip -9 per file (from the build)',
      measured: round(built.gzipBytes / 1000),
      unit: 'kB',
      rule: 'below',
      limit: LIMIT_KB,
      note: `${String(built.files.length)} files, ${String(round(built.bytes / 1000))} kB raw${built.loginChunk ? '' : '; LOGIN CHUNK NOT FOUND'}${stale.length ? `; ${String(stale.length)} source files newer than the build` : ''}`,
    }),
  ];
  const details: Record<string, unknown> = {
    builtAt: fs.statSync(path.join(WEB_DIST, 'index.html')).mtime.toISOString(),
    sourcesNewerThanBuild: stale,
    static: built,
  };
  if (chromiumAvailable()) {
    const load = await inBrowser();
    const total = load.js.reduce((sum, f) => sum + f.transferBytes, 0);
    const gzipped = load.js.filter((f) => f.encoding === 'gzip').length;
    const t = target({
      id: 'bundle.login.browser',
      target: 'sign-in page JS on the wire (Chromium loads /login)',
      measured: load.rendered ? round(total / 1000) : null,
      unit: 'kB',
      rule: 'below',
      limit: LIMIT_KB,
      note: load.rendered
        ? `${String(load.js.length)} .js responses, ${String(gzipped)} gzip-encoded`
        : `THE SIGN-IN PAGE DID NOT RENDER: ${String(load.failed.length)} failed responses, e.g. ${load.failed.slice(0, 2).join(', ')}`,
    });
    targets.push(t);
    details.browser = load;
  }
  return { bench: 'bundle', targets, details };
}

if (isMainModule(import.meta.url)) {
  const report = await runBundleBench();
  process.stdout.write(`${summaryTable(report.targets)}\n\n${JSON.stringify(report.details, null, 2)}\n`);
}
