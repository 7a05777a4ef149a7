import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { GoalsResponse, MemberDetail } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import { apiGet, confirmPopover, DESKTOP, PHONE, pickOption, signIn, tick, withPage } from './browser.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const BRANCH = '安泽县人民法院机关党支部';
const CELL = '第一党小组（审判业务）';
const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const stamp = String(Date.now() % 100_000);
const GOAL = `全年专题学习不少于10学时（测试${stamp}）`;
const PROMISE = `全年办结案件无超审限（测试${stamp}）`;

function goalRow(page: Page, ownerText: string): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row', { hasText: GOAL }).filter({ hasText: ownerText });
}

async function branchProgress(page: Page): Promise<number> {
  const { items } = await apiGet<GoalsResponse>(page, `/api/goals?year=${String(YEAR)}`);
  const goal = items.find((g) => g.title === GOAL && g.level === 'branch');
  assert.ok(goal, 'the branch goal exists');
  return goal.progress;
}

void test('支部书记分解目标到党小组党员，党员带佐证报告进度，书记采纳后支部目标完成度上升', async (t) => {
  // 1. The secretary sets a branch goal, decomposes it to a cell, then to every member of the cell.
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    await page.getByRole('menuitem', { name: /目标四级分解/ }).click();
    await page.waitForURL('**/goals');
    await page.getByRole('button', { name: /制定目标/ }).click();
    const form = page.locator('.ant-modal').filter({ hasText: '年度目标' });
    await form.getByLabel('目标名称').waitFor();
    await pickOption(page, '层级', '党支部');
    await pickOption(page, '责任主体', BRANCH);
    await form.getByLabel('目标名称').fill(GOAL);
    await pickOption(page, '六型法院维度', '学习型');
    await form.getByLabel('目标值').fill('10');
    await form.getByLabel('计量单位').fill('学时');
    await form.getByRole('button', { name: '保存' }).click();
    await goalRow(page, BRANCH).waitFor();
    assert.equal(await branchProgress(page), 0);

    await goalRow(page, BRANCH).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: GOAL });
    await drawer.getByRole('button', { name: /分解目标/ }).click();
    let modal = page.locator('.ant-modal').filter({ hasText: '分解目标到' });
    await tick(page, modal.getByLabel(CELL));
    await modal.getByRole('button', { name: '分解' }).click();
    await modal.waitFor({ state: 'hidden' });
    // By its close button: Escape only reaches the drawer once focus has come back to it.
    await drawer.locator('.ant-drawer-close').click();
    // The drawer's mask stays over the table until its closing animation ends.
    await drawer.waitFor({ state: 'hidden' });

    await goalRow(page, BRANCH).locator('.ant-table-row-expand-icon').click();
    await goalRow(page, CELL).click();
    await drawer.getByText('部门/党小组').first().waitFor();
    await drawer.getByRole('button', { name: /分解目标/ }).click();
    modal = page.locator('.ant-modal').filter({ hasText: '分解目标到党员' });
    await tick(page, modal.getByRole('checkbox', { name: /全选（\d+）/ }));
    await modal.getByText('平均分配').waitFor();
    await modal.getByRole('button', { name: '分解' }).click();
    await modal.waitFor({ state: 'hidden' });
    // The tree comes a level at a time: the branch goal's children, then the cell goal's.
    const level = (parentId: string) =>
      apiGet<GoalsResponse>(page, `/api/goals?year=${String(YEAR)}&parentId=${encodeURIComponent(parentId)}`);
    const branchGoal = (await apiGet<GoalsResponse>(page, `/api/goals?year=${String(YEAR)}`)).items.find(
      (g) => g.title === GOAL && g.level === 'branch',
    );
    assert.ok(branchGoal, 'the branch goal exists');
    const cellGoal = (await level(branchGoal.id)).items.find((g) => g.title === GOAL);
    assert.ok(cellGoal, 'the cell goal exists');
    const { items } = await level(cellGoal.id);
    const members = items.filter((g) => g.title === GOAL && g.level === 'member');
    assert.ok(members.length >= 5, 'the goal reached every member of the cell');
    assert.ok(Math.abs(members.reduce((s, g) => s + g.weight, 0) - 10) < 1e-9, 'weights add up to the branch goal’s');
  });

  // 2. A member reports progress with evidence from the phone, on the home page.
  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'member');
    const card = page.locator('[data-testid=my-goal]', { hasText: GOAL });
    await card.getByRole('button', { name: '报告进度' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '报告进度' });
    await modal.getByLabel(/目前累计完成/).fill('5');
    await modal.getByLabel('进度说明').fill('参加了5学时专题学习');
    await modal.locator('input[type=file]').setInputFiles({ name: '学习证明.png', mimeType: 'image/png', buffer: PNG });
    await modal.locator('.ant-upload-list-item-done', { hasText: '学习证明.png' }).waitFor();
    await modal.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('进度已报告，等待上一级审核').waitFor();
    await card.getByText('待审核').waitFor();
  });

  // 3. The secretary accepts it and sees the branch total move.
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/goals?tab=review`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: GOAL });
    assert.match(await row.innerText(), /学习证明\.png/);
    await row.getByRole('button', { name: '采纳' }).click();
    await page.getByText('已采纳，进度已更新').waitFor();
    const progress = await branchProgress(page);
    assert.ok(progress > 0, 'the branch goal moved');
    await page.getByRole('tab', { name: '目标树' }).click();
    const shown = `${String(Math.round(progress * 1000) / 10)}%`;
    await goalRow(page, BRANCH).getByText(shown).waitFor();
  });
});

void test('党员拟定承诺，支部书记审核公开，未登录的公开页面可以看到', async (t) => {
  const next = String(YEAR + 1);
  let memberName = '';
  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'member');
    memberName = (await apiGet<MemberDetail>(page, '/api/members/me')).name;
    await page.goto(`${baseUrl()}/commitments`);
    await pickOption(page, '年度', `${next}年度`);
    await page.getByRole('tab', { name: '我的承诺' }).click();
    await page.getByRole('button', { name: '拟定承诺' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '公开承诺' });
    await modal.getByLabel('承诺1').fill(PROMISE);
    await modal.getByRole('button', { name: '保存草稿' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '提交支部审核' }).click();
    await page.getByText('已提交，等待支部审核').waitFor();
  });
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/commitments`);
    await pickOption(page, '年度', `${next}年度`);
    await page.getByRole('tab', { name: '审核与核实' }).click();
    const card = page.locator('.ant-card-small', { hasText: PROMISE });
    await card.getByRole('button', { name: '审核公开' }).click();
    await confirmPopover(page);
    await page.getByText('已审核通过并公开').waitFor();
  });
  await withPage(t, DESKTOP, async (page) => {
    await page.goto(`${baseUrl()}/public/commitments?year=${next}`);
    const item = page.locator('[data-testid=public-commitment]', { hasText: PROMISE });
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(memberName));
    assert.equal(new URL(page.url()).pathname, '/public/commitments', 'no sign-in was asked for');
    // A visitor finds one by name and switches years.
    await page.getByLabel('查找承诺').fill(memberName);
    await item.waitFor();
    await page.getByLabel('查找承诺').fill('没有这样的承诺内容');
    await page.getByText('没有找到相符的承诺').waitFor();
    await page.getByLabel('查找承诺').fill('');
    await page.getByLabel('年度').selectOption(String(Number(next) - 1));
    await page.waitForURL(new RegExp(`year=${String(Number(next) - 1)}`));
  });
});
