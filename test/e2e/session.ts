import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CodeServer } from './codeServer';
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

/**
 * Defines scenarios that each leave a screenshot, named after the scenario,
 * whether it passes or fails, and close their editors afterwards. `bench`
 * gives the suite's workbench once its `before` has opened it.
 */
export function scenarios(bench: () => Workbench | undefined): (name: string, title: string, run: () => Promise<void>) => void {
  return (name, title, run) => {
    it(title, async () => {
      let failure: unknown;
      try {
        await run();
        // Scenarios take their screenshot at the moment that shows the feature; the others, at their end.
        if (!bench()?.screenshots.has(name)) await bench()?.screenshot(name);
      } catch (error) {
        failure = error;
        await bench()?.screenshot(`${name}-failed`).catch(() => undefined);
      }
      try {
        await bench()?.reset();
      } catch (error) {
        await bench()?.screenshot(`${name}-cleanup-failed`).catch(() => undefined);
        failure ??= new Error(`The scenario passed, but closing its editors afterwards failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (failure) throw failure;
    });
  };
}

/** A code-server keeping its state under `root`, with the USER_SETTINGS and the extension from `vsix` installed (not started yet). */
export function installedCodeServer(prerequisites: Prerequisites, root: string, vsix: string): CodeServer {
  const server = new CodeServer(prerequisites, path.join(root, 'state'));
  server.writeUserSettings(USER_SETTINGS);
  assert.match(server.installExtension(vsix), /policy-annotator.*was successfully installed/);
  return server;
}

/** Closes the browser and stops code-server, then removes `root` unless POLICY_ANNOTATOR_E2E_KEEP is set. */
export async function closeSession(browser: Browser | undefined, server: CodeServer | undefined, root: string | undefined): Promise<void> {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (root && !process.env.POLICY_ANNOTATOR_E2E_KEEP) rmSync(root, { recursive: true, force: true });
}
