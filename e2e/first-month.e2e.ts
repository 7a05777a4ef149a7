import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { baseUrl } from './e2e-config.ts';
import { signIn, withPage } from './browser.ts';

const WIDE = { width: 1440, height: 900 } as const;

/** The column header's right edge is inside the window: the column is not cut off. */
async function headerInView(page: Page, title: string): Promise<void> {
  const header = page.locator('.ant-table-thead th', { hasText: title }).first();
  await header.waitFor();
  const box = await header.boundingBox();
  assert.ok(box, `${title}: no header`);
  assert.ok(box.x + box.width <= WIDE.width, `${title} ends at ${String(box.x + box.width)}px`);
}

void test('1440×900：表格列不被截断，菜单最后一项不被折叠条遮住', async (t) => {
  await withPage(t, WIDE, async (page) => {
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/meetings`);
    await headerInView(page, '状态');
    await page.goto(`${baseUrl()}/members`);
    await headerInView(page, '联系电话');
    // A trial click fails when another element (the collapse bar) would receive it.
    const roster = page.locator('.ant-menu-item', { hasText: /^花名册$/ }).first();
    await roster.scrollIntoViewIfNeeded();
    await roster.click({ trial: true, timeout: 5_000 });
  });
});

void test('党员也能看到中心目标和六型法院，以及本人可见的数字', async (t) => {
  await withPage(t, WIDE, async (page) => {
    await signIn(page, 'member');
    await page.goto(`${baseUrl()}/centre`);
    await page.getByText('工作思路').waitFor();
    for (const type of ['learning', 'service', 'regulated', 'clean', 'harmonious', 'innovative'])
      await page.getByTestId(`court-type-${type}`).waitFor();
  });
});
