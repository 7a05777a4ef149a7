/**
 * 文化墙 · 廉政文化教育长廊 in Chromium: the 党务干事 publishes a saying and adds it to the corridor's
 * playlist while the corridor screen's page is open — it appears there without a reload; the screen
 * rotates; the lobby kiosk has the 廉政文化 tile. And a screen of a server of our own keeps rotating
 * while that server is stopped (a reload included, from the service worker), and picks up again when
 * it is started: the shared server of run.ts is never stopped.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DESKTOP, signIn, withPage } from './browser.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';

const STAMP = String(Date.now()).slice(-5);
const SAYING = `清正廉洁，秉公司法，${STAMP}`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const currentText = (page: import('playwright-core').Page) => page.locator('.slide.current').first().innerText();

void test('党务干事发布格言并编入播放列表：走廊屏幕不刷新即显示，并轮播；触摸屏有“廉政文化”', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}/culture-wall`);
    await page.getByRole('heading', { name: '文化墙 · 廉政文化教育长廊' }).waitFor();
    await page.getByRole('tab', { name: '屏幕' }).click();
    const row = page.getByRole('row', { name: /二楼廉政长廊1号屏/ });
    const href = await row.getByRole('link', { name: '打开显示页面' }).getAttribute('href');
    assert.ok(href?.startsWith('/display/'));

    // The corridor screen: another browser context, never signed in.
    const screenContext = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 1280, height: 720 } });
    const screen = await screenContext.newPage();
    await screen.goto(`${baseUrl()}${href}?poll=2`);
    const first = await currentText(screen);
    assert.ok(first.length > 0);
    assert.equal(await screen.locator('a').count(), 0, '显示页面上不应有链接');
    await screen.evaluate('window.notReloaded = true');
    // It rotates (the corridor playlist shows each saying 12 seconds).
    await screen.locator('.slide.current', { hasNotText: first.trim().slice(0, 12) }).waitFor({ timeout: 30_000 });

    await page.getByRole('tab', { name: '内容' }).click();
    await page.getByRole('button', { name: '新增内容' }).click();
    const dialog = page.getByRole('dialog', { name: '新增内容' });
    await dialog.getByRole('textbox', { name: '格言警句' }).fill(SAYING);
    await dialog.getByRole('textbox', { name: '出处' }).fill('本院廉政文化建设（测试）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const itemRow = page.getByRole('row', { name: new RegExp(STAMP) });
    await itemRow.getByRole('button', { name: '发布' }).click();
    await itemRow.getByText('已发布').waitFor();

    await page.getByRole('tab', { name: '播放列表' }).click();
    await page
      .getByRole('row', { name: /廉政格言警句/ })
      .getByRole('button', { name: '修改' })
      .click();
    const listDialog = page.getByRole('dialog', { name: '修改播放列表' });
    await listDialog.getByLabel('添加内容').fill(STAMP);
    await page.locator('.ant-select-item-option', { hasText: STAMP }).click();
    await listDialog.getByText(SAYING).waitFor();
    await listDialog.getByRole('button', { name: /保\s*存/ }).click();
    await listDialog.waitFor({ state: 'hidden' });

    // The open screen takes it in at its next poll, without a reload.
    await screen.locator('.slide', { hasText: STAMP }).waitFor({ state: 'attached', timeout: 15_000 });
    assert.equal(await screen.evaluate('window.notReloaded === true'), true, '显示页面不应刷新');

    // The lobby kiosk: the 廉政文化 tile plays the kiosk screen's list, stepped by large buttons.
    await screen.goto(`${baseUrl()}/kiosk`);
    await screen.getByRole('link', { name: '廉政文化' }).click();
    const culture = screen.locator('#culture.current');
    await culture.locator('.slide.current').waitFor();
    await culture.getByRole('button', { name: '下一条' }).click();
    await culture.locator('.counter', { hasText: /^2 \/ / }).waitFor();
    const box = await culture.getByRole('button', { name: '下一条' }).boundingBox();
    assert.ok(box && box.height >= 60, '触摸按钮应足够大');
    await screenContext.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`服务器启动失败（退出码 ${String(server.exitCode)}）`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('服务器没有就绪');
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

void test('走廊屏幕在服务器停止期间继续轮播（刷新也能显示），服务器重新启动后恢复更新', async (t) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'qizhi-e2e-display-'));
  // As run.ts starts the shared one, on a port and data folder of this test's own.
  const start = () =>
    spawn(process.execPath, ['apps/server/start.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        QIZHI_DATA_DIR: path.join(dir, 'data'),
        QIZHI_DEMO_PASSWORD: DEMO_PASSWORD,
        QIZHI_SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  let server = start();
  try {
    await waitForHealth(url, server, 180_000);
    await withPage(t, DESKTOP, async (page) => {
      await page.clock.install();
      await page.goto(`${url}/kiosk`);
      const screenId = await page.locator('.slides[data-screen]').getAttribute('data-screen');
      assert.ok(screenId);
      await page.goto(`${url}/display/${screenId}?poll=5`);
      await page.locator('.slide.current').waitFor();
      // The service worker takes the page in (127.0.0.1 is a secure context).
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      const cached = "caches.open('qizhi-display-v1').then((c) => c.keys()).then((k) => k.length >= 3)";
      for (let i = 0; i < 50 && !(await page.evaluate(cached)); i++) await page.waitForTimeout(200);
      assert.equal(await page.evaluate(cached), true, '服务工作线程应已缓存页面');
      const before = await currentText(page);

      await stopServer(server);
      await page.clock.runFor(6_000);
      await page.getByRole('status').getByText('网络中断').waitFor();
      await page.clock.runFor(25_000);
      assert.notEqual(await currentText(page), before, '服务器停止期间应继续轮播');

      // A reload while the server is away: the page comes back from the service worker.
      await page.reload();
      await page.locator('.slide.current').waitFor();
      assert.ok((await page.locator('.slide').count()) > 1);
      await page.clock.runFor(6_000);
      await page.getByRole('status').getByText('网络中断').waitFor();

      server = start();
      await waitForHealth(url, server, 60_000);
      await page.clock.runFor(6_000);
      await page.locator('body:not([data-offline])').waitFor({ timeout: 15_000 });
      assert.equal(await page.getByRole('status').innerText(), '');
    });
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
