/**
 * Browser helpers of the e2e suite: Debian's Chromium through playwright-core, a signed-in page,
 * and a screenshot in `.e2e-artifacts/` whenever a test fails.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freshCode } from './demo-totp.ts';
import { DEMO_PASSWORD, baseUrl } from './e2e-config.ts';

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.e2e-artifacts');

export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh temporary profile (user data dir) of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs `body` with a fresh browser context of the given size; on failure saves a full-page
 * screenshot named after the test, then rethrows.
 */
export async function withPage(
  t: TestContext,
  viewport: { width: number; height: number },
  body: (page: Page) => Promise<void>,
  /** The browser's own zone; the court's pages must not depend on it. */
  timezoneId = 'Asia/Shanghai',
): Promise<void> {
  const browser = await launchBrowser();
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    viewport,
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    timezoneId,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await body(page);
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const name = t.fullName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 100);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  const signedIn = (url: URL) => !url.pathname.startsWith('/login');
  // 双因素登录: the demo administrators and officers are asked for a code (demo-totp.ts computes it).
  const code = page.getByLabel('验证码');
  const next = await Promise.race([
    page.waitForURL(signedIn).then(() => 'in' as const),
    code.waitFor().then(() => 'code' as const),
  ]);
  if (next === 'code') {
    await code.fill(await freshCode(username));
    await page.getByRole('button', { name: '验证并登录' }).click();
  }
  await page.waitForURL(signedIn);
}

/**
 * Answers 确定 in the confirmation (antd Popconfirm) the last click opened, and waits until it has
 * gone: a confirmation still fading out (class *-leave) is passed over, so a second confirmation
 * right after a first one is never mistaken for it (seen flaking in CI).
 */
export async function confirmPopover(page: Page): Promise<void> {
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden):not([class*="-leave"])').last();
  await open.getByRole('button', { name: /确\s*定|OK/ }).click();
  await open.waitFor({ state: 'hidden' });
}

/**
 * Types a day (`YYYY-MM-DD`) or time (`HH:mm`) into an Ant Design picker and leaves the field, which
 * commits it (Enter would also submit the form); fails at once if the picker did not take the text.
 */
export async function fillPicker(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Tab');
  assert.equal(await field.inputValue(), text, 'the picker did not take the typed value');
}

/**
 * Until antd's open/close animations are over (drawers sliding in, lists zooming, popovers fading):
 * a list measured mid-motion opens at the wrong place, and a click on it can land on nothing.
 */
export async function settled(page: Page): Promise<void> {
  const moving = page.locator('[class*="-appear"], [class*="-enter"], [class*="-leave"]');
  for (let i = 0; i < 100 && (await moving.count()) > 0; i++) await page.waitForTimeout(50);
}

/**
 * Chooses `option` (its exact title) in the single Select labelled `label`, and waits until the
 * select shows it (see `chooseOption`).
 */
export async function pickOption(page: Page, label: string | RegExp, option: string): Promise<void> {
  // The select itself, not a table column of the same name beside it.
  await chooseOption(page, page.getByLabel(label).and(page.getByRole('combobox')), option);
}

/**
 * Chooses an option of the single Select whose combobox is `field` — by its exact title, or the
 * first whose text matches a pattern — typing `search` first where the list is searched, and waits
 * until the select shows the choice. A click that did not take — the list or the drawer under it
 * still moving, seen in CI as a dropdown left open with the option only hovered — is tried again,
 * up to three times.
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const item =
    typeof option === 'string'
      ? open.locator(`.ant-select-item-option[title="${option}"]`)
      : open.locator('.ant-select-item-option').filter({ hasText: option }).first();
  // What the select shows: the box around its search input, titled with the choice (or holding it).
  const shown = field.locator('xpath=ancestor::div[contains(@class, "-select-content")][1]');
  const showsChoice = async () => {
    const title = (await shown.getAttribute('title')) ?? '';
    const text = (await shown.innerText()).trim();
    return typeof option === 'string' ? title === option || text === option : option.test(title) || option.test(text);
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    await settled(page);
    if ((await open.count()) === 0) await field.click();
    if (search !== undefined) await field.fill(search);
    await item.waitFor();
    await settled(page);
    await item.click();
    for (let i = 0; i < 20; i++) {
      if (await showsChoice()) {
        await open.waitFor({ state: 'hidden' });
        return;
      }
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`没有选上：${String(option)}`);
}

/**
 * Ticks `box` (an antd Checkbox, found by its label) and waits until it shows ticked, clicking
 * again if a click did not take (seen in CI: 全选 in a dialog just opened, left unticked).
 */
export async function tick(page: Page, box: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await settled(page);
    if (!(await box.isChecked())) await box.click();
    for (let i = 0; i < 20; i++) {
      if (await box.isChecked()) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error('勾选没有生效');
}

/**
 * Picks an organisation in the 党组织 tree select of `form` and waits until the select shows it,
 * clicking the node again if a click did not take (seen in CI: a plan saved without its 党组织).
 */
export async function pickOrgUnit(page: Page, form: Locator, name: string): Promise<void> {
  const field = form.getByLabel('党组织');
  const select = form
    .locator('.ant-form-item', { has: page.getByLabel('党组织') })
    .locator('.ant-select')
    .first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper', {
        hasText: name,
      })
      .first()
      .click();
    for (let i = 0; i < 20; i++) {
      if ((await select.innerText()).includes(name)) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`党组织没有选上：${name}`);
}

/**
 * Signs out through the user menu. A click on 退出登录 that did not take (the menu re-rendered by a
 * route change finishing under it — seen in CI on a phone page) is tried again, up to three times.
 */
export async function signOut(page: Page): Promise<void> {
  const atLogin = (url: URL) => url.pathname === '/login';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await page.getByRole('button', { name: '用户菜单' }).click({ timeout: 5_000 });
      await page.getByRole('menuitem', { name: /退出登录/ }).click({ timeout: 5_000 });
      await page.waitForURL(atLogin, { timeout: 10_000 });
      return;
    } catch (error) {
      if (atLogin(new URL(page.url()))) return;
      if (attempt === 2) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The signed-in user's own API answers, read through the page's session cookie. */
export async function apiGet<T>(page: Page, pathname: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${pathname}`);
  if (!response.ok()) throw new Error(`GET ${pathname} → ${String(response.status())}`);
  return (await response.json()) as T;
}

/**
 * Waits for the page to reach `url` after a save; if the form or a message shows an error first,
 * fails with that error's text instead of a bare navigation timeout, so a red run says why.
 */
export async function waitForSavedAt(page: Page, url: RegExp, timeout = 30_000): Promise<void> {
  const problem = page.locator('.ant-form-item-explain-error, .ant-message-error, .ant-alert-error').first();
  const outcome = await Promise.race([
    page.waitForURL(url, { timeout }).then(() => 'saved' as const),
    problem.waitFor({ timeout }).then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') {
    if (url.test(page.url())) return;
    throw new Error(`保存没有成功：${(await problem.innerText()).trim()}`);
  }
}
