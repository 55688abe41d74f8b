import { chromium, type Browser, type Page } from 'playwright-core';
import type { Prerequisites } from './prerequisites';
import { Workbench } from './workbench';

/** The user settings every e2e window starts with: no start page, tips, experiments, AI features or updates. */
export const USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.zoomLevel': 0,
};

/** Headless Chromium on code-server's page, once the workbench is up. */
export async function openWorkbench(prerequisites: Prerequisites, url: string, screenshots: string): Promise<{ browser: Browser; page: Page; bench: Workbench }> {
  const browser = await chromium.launch({
    executablePath: prerequisites.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const bench = new Workbench(page, screenshots);
    await page.goto(url);
    await bench.ready();
    return { browser, page, bench };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
