/** The demo court's password in the server that `e2e/run.ts` starts. */
export const DEMO_PASSWORD = process.env.QIZHI_DEMO_PASSWORD ?? 'Qizhi@2026demo';

/** Where the server under test listens; `run.ts` sets it for the test processes. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');
  return url;
}
