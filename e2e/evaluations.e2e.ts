import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { courtYear, type MeetingDetail, type OrgUnit } from '@qizhi/domain';
import { apiGet, chooseOption, confirmPopover, PHONE, signIn, signOut, withPage } from './browser.ts';
import { baseUrl } from './e2e-config.ts';

const YEAR = courtYear() - 1;
const ROUND_NAME = `安泽县人民法院机关党支部${String(YEAR)}年度民主评议党员`;

/** A write through the signed-in page's session (the CSRF token from /api/auth/me). */
async function apiSend<T>(page: Page, method: 'POST' | 'PUT', pathname: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const response = await page.request.fetch(`${baseUrl()}${pathname}`, {
    method,
    data,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${pathname} → ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A voter on their phone: 我的 → 去投票 → all 合格, one 优秀 → submit, once. */
async function vote(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  const me = await apiGet<{ user: { username: string } }>(page, '/api/auth/me');
  assert.equal(me.user.username, username);
  await page.goto(`${baseUrl()}/mine`);
  await page.getByRole('tab', { name: '评议与考核' }).click();
  const mine = await apiGet<{ ballots: { hasVoted: boolean }[] }>(page, '/api/evaluations/mine');
  assert.deepEqual(
    mine.ballots.map((b) => b.hasVoted),
    [false],
    `${username} has a ballot to cast`,
  );
  await page.getByRole('button', { name: '去投票' }).click();
  const fill = page.getByRole('button', { name: '全部先设为“合格”' });
  await fill.waitFor();
  assert.ok((await page.getByTestId('ballot-subject').count()) > 40);
  await fill.click();
  const first = page.getByTestId('ballot-subject').first();
  await first.getByRole('radiogroup').last().getByText('优秀').click();
  await page.getByRole('button', { name: '提交选票' }).click();
  await confirmPopover(page);
  await page.getByText('投票成功').waitFor();
  // A second visit finds the ballot cast: one per voter.
  await page.reload();
  await page.getByText('您已投过票').waitFor();
  await page.getByRole('link', { name: '返回“我的”' }).click();
  await page.getByRole('tab', { name: '评议与考核' }).waitFor();
  await signOut(page);
}

void test('全院干警民主测评：书记在手机上开启评议，党员和非党员干警匿名投票，结束后显示汇总，党员大会决定，党员看到本人结果', async (t) => {
  await withPage(t, PHONE, async (page) => {
    // The branch secretary opens an all-staff round for last year.
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/evaluations`);
    await page.getByRole('button', { name: '新建民主评议' }).click();
    const dialog = page.getByRole('dialog', { name: '新建民主评议' });
    await dialog.getByText('民主测评（全院干警，含非党员）').click();
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: ROUND_NAME }).first().click();
    await page.getByRole('button', { name: '开始投票' }).click();
    await confirmPopover(page);
    await page.getByText('互评测评投票中').first().waitFor();
    const progress = page.getByTestId('progress');
    await progress.getByText('已投票').waitFor();
    const roundId = page.url().split('/').pop()!;
    await signOut(page);

    // Party members and a non-party staff member vote from their phones.
    for (const username of ['member', 'staff', 'leader', 'clerk', 'secretary']) await vote(page, username);

    // Progress counts, never names; the round closes; the tally shows counts and shares.
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/evaluations/rounds/${roundId}`);
    const voted = await apiGet<{ eligible: number; voted: number }>(
      page,
      `/api/evaluations/rounds/${roundId}/progress`,
    );
    assert.equal(voted.voted, 5);
    assert.ok(voted.eligible > 50);
    await page.getByRole('button', { name: '结束投票' }).click();
    await confirmPopover(page);
    const tally = page.getByTestId('tally');
    await tally.getByText('有效票 5 张').waitFor();
    await tally.getByText('优秀 5（100.0%）').first().waitFor();
    assert.doesNotMatch(await tally.innerText(), /投票人|选票编号/);

    // The committee proposes grades (all 合格 here, within the ⅓ cap).
    await page.getByRole('button', { name: '提交支委会等次建议' }).click();
    await page.getByText('支委会已提出等次建议').first().waitFor();

    // The 支部党员大会 votes on the grades; its adopted vote is recorded as the decision.
    const units = await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units');
    const branch = units.items.find((u) => u.kind === 'branch')!;
    const meeting = await apiSend<MeetingDetail>(page, 'POST', '/api/meetings', {
      type: 'branch_general',
      orgUnitId: branch.id,
      topic: `${String(YEAR)}年度民主评议党员`,
      place: '党员活动室',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const counted = meeting.attendees.filter((a) => a.counted);
    await apiSend(
      page,
      'PUT',
      `/api/meetings/${meeting.id}/attendance`,
      counted.map((a) => ({ personId: a.personId, state: 'present' })),
    );
    await apiSend(page, 'POST', `/api/meetings/${meeting.id}/votes`, {
      kind: 'general_resolution',
      subject: `通过${String(YEAR)}年度民主评议党员等次`,
      yes: counted.length,
      no: 0,
      abstain: 0,
    });
    await page.reload();
    const decision = page.locator('form#decision');
    const combobox = (label: string) => decision.getByLabel(label).and(page.getByRole('combobox'));
    await chooseOption(page, combobox('支部党员大会'), new RegExp(`${String(YEAR)}年度民主评议党员`));
    await chooseOption(page, combobox('通过的表决'), /通过/);
    await decision.getByRole('button', { name: '登记党员大会的决定' }).click();
    await page.getByText('党员大会已决定').first().waitFor();
    await page
      .getByRole('link', { name: /支部党员大会/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: '公布结果' }).click();
    await confirmPopover(page);
    await page.getByText('结果已公布').first().waitFor();
    await signOut(page);

    // A member sees their own result, and the court's 定期考核 apart from it, each labelled.
    await signIn(page, 'member');
    await page.goto(`${baseUrl()}/mine`);
    await page.getByRole('tab', { name: '评议与考核' }).click();
    const results = page.getByTestId('my-evaluation-results');
    await results.getByText(`${String(YEAR)}年度`).waitFor();
    await results.getByText('合格').first().waitFor();
    await page.getByTestId('my-assessments').getByText('定期考核结果（法院季度考核，不是民主评议）').waitFor();
  });
});
