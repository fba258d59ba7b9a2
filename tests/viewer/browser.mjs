// Launches Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
// playwright-core from web/viewer/node_modules, headless, with a fresh
// profile and no background network: nothing is downloaded.
//
// Interface: launch() → {browser, context, page, close()}; loadPlaywright().
// Throws with the command to run when playwright-core is not installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const viewerDir = join(here, '..', '..', 'web', 'viewer');

export function loadPlaywright() {
  const require = createRequire(join(viewerDir, 'package.json'));
  try {
    return require('playwright-core');
  } catch {
    throw new Error(`playwright-core is not installed: run "npm ci" in ${viewerDir}`);
  }
}

export async function launch({ downloads = true, viewport = { width: 1440, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'policykg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: downloads,
    viewport,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
