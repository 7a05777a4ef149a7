/**
 * What a browser really downloads for /login: headless Chromium opens the page the real server
 * serves (pre-compressed assets) and the bench adds up the encoded bodies of the .js responses.
 */
import fs from 'node:fs';
import { chromium, type Request } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserJs {
  url: string;
  /** Encoded (on-the-wire) body bytes. */
  transferBytes: number;
  encoding: string;
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export interface LoginPageLoad {
  js: BrowserJs[];
  /** Whether the sign-in form appeared. */
  rendered: boolean;
  /** Responses with a status of 400 or more: what kept the page from rendering. */
  failed: string[];
}

export async function loadLoginPage(baseUrl: string): Promise<LoginPageLoad> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const pending: Promise<BrowserJs | undefined>[] = [];
    const failed: string[] = [];
    const measure = async (request: Request): Promise<BrowserJs | undefined> => {
      const response = await request.response();
      if (!response || !new URL(request.url()).pathname.endsWith('.js')) return undefined;
      const sizes = await request.sizes();
      return {
        url: new URL(request.url()).pathname,
        transferBytes: sizes.responseBodySize,
        encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
      };
    };
    page.on('requestfinished', (request) => pending.push(measure(request)));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${String(response.status())} ${new URL(response.url()).pathname}`);
    });
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle', timeout: 60_000 });
    const rendered = await page
      .waitForSelector('input[type="password"]', { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    const js = (await Promise.all(pending)).filter((f): f is BrowserJs => f !== undefined);
    return { js, rendered, failed };
  } finally {
    await browser.close();
  }
}
