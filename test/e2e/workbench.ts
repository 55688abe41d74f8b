import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Long enough for a cold start on a busy 2-core machine; every wait ends as soon as its condition holds. */
export const UI_TIMEOUT_MS = 60_000;

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/**
 * Drives VS Code's workbench in the browser the way a person does: keyboard
 * shortcuts, the command palette, quick open. Every step waits for the UI
 * element it needs, never for a fixed time.
 */
export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  async ready(): Promise<void> {
    await this.page.locator('div.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
    // The explorer shows the workspace once the window has restored its layout.
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: UI_TIMEOUT_MS });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** A row of the open quick input (command palette, quick open or an extension's quick pick) whose label contains `text`. */
  quickPickRow(text: string): Locator {
    return this.quickInput.locator('.monaco-list-row', { hasText: text }).first();
  }

  /** Waits for the quick input to be open and to show a row that contains `text`. */
  async waitForQuickPickRow(text: string): Promise<Locator> {
    const row = this.quickPickRow(text);
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    return row;
  }

  /** Waits for the open quick input's title (a step of a multi-step command) to contain `text`. */
  async waitForQuickInputTitle(text: string): Promise<void> {
    await this.quickInput.locator('.quick-input-title', { hasText: text }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  async waitForQuickInputClosed(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  /** Types into the open quick input, replacing what is there. */
  async typeInQuickInput(text: string): Promise<void> {
    const input = this.quickInput.locator('input').first();
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(text);
  }

  /**
   * Types a folder path into code-server's simple file dialog (a path in the
   * quick input). The dialog opens before it has listed its starting folder,
   * and when that listing arrives it writes the starting folder into the
   * input, replacing whatever was typed: on a cold code-server the listing
   * can take seconds, and typing earlier was lost (the flaky curation
   * scenario). Its `..` row comes with that late write, so wait for the row,
   * type, then wait until the input holds the path.
   */
  async typeInFolderDialog(folderPath: string): Promise<void> {
    const input = this.quickInput.locator('input').first();
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await this.quickPickRow('..').waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(folderPath);
    // Evaluated in the page (as strings: these tests are compiled without the DOM's types).
    const value = "(document.querySelector('.quick-input-widget input')?.value ?? '')";
    await this.page.waitForFunction(`${value} === ${JSON.stringify(folderPath)}`, undefined, { timeout: UI_TIMEOUT_MS });
  }

  /**
   * Accepts the simple file dialog with its button (`label`). The dialog
   * ignores an accept while it is busy listing the folder just typed, so
   * press again until it closes, as a person would.
   */
  async acceptFolderDialog(label: string): Promise<void> {
    const button = this.quickInput.getByRole('button', { name: label });
    await this.retryUntil(
      `the folder dialog to accept “${label}”`,
      () => button.click({ timeout: 5_000 }).catch(() => undefined),
      () => this.quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false),
    );
  }

  /** Runs a command from the command palette by (part of) its label. */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ timeout: UI_TIMEOUT_MS });
    await this.typeInQuickInput(`>${label}`);
    const row = await this.waitForQuickPickRow(label);
    await row.click();
  }

  /** Opens a workspace file with quick open (Ctrl+P), waiting for its result row and then for its tab. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.page.keyboard.press(`${mod}+P`);
    await this.quickInput.waitFor({ timeout: UI_TIMEOUT_MS });
    await this.typeInQuickInput(relativePath);
    // Click the file's own row: the first row may still be a recently opened file while the results update.
    await (await this.waitForQuickPickRow(name)).click();
    await this.waitForActiveTab(name);
  }

  async waitForActiveTab(name: string): Promise<void> {
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The active editor (the one with focus or last focused). */
  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press(`${mod}+G`);
    await this.quickInput.waitFor({ timeout: UI_TIMEOUT_MS });
    await this.typeInQuickInput(`:${line}:${column}`);
    // Enter works once the quick input has read the line and column.
    await this.waitForQuickPickRow(`line ${line} at column ${column}`);
    await this.page.keyboard.press('Enter');
    await this.waitForQuickInputClosed();
    await this.waitForCursor(line, column);
  }

  /** Waits until the status bar shows the cursor at a 1-based line (and column, when given). */
  async waitForCursor(line: number, column?: number): Promise<void> {
    const text = new RegExp(`Ln ${line}, Col ${column ?? '\\d+'}\\b`);
    await this.page.locator('.statusbar-item', { hasText: text }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The cursor position the status bar shows, 1-based. */
  async cursor(): Promise<{ line: number; column: number }> {
    const text = await this.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
    const match = text.match(/Ln (\d+), Col (\d+)/)!;
    return { line: Number(match[1]), column: Number(match[2]) };
  }

  /** Extends the selection `count` characters to the right. */
  async selectRight(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  /** The text of the lines the active editor shows. */
  async visibleLines(): Promise<string[]> {
    // The editor renders spaces as no-break spaces.
    return (await this.activeEditor.locator('.view-line').allInnerTexts()).map((line) => line.replace(/\u00a0/g, ' '));
  }

  /**
   * Waits until the language server's semantic tokens are painted: a mention
   * such as "Imran Khan" is then a span of its own in the active editor.
   */
  async waitForSemanticTokens(mention: string): Promise<void> {
    const words = new RegExp(`^${mention.split(' ').join('\\s')}$`);
    await this.activeEditor.locator('.view-line span span').filter({ hasText: words }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** A row of a tree or list view whose label is exactly `label`. */
  treeRow(view: Locator, label: string): Locator {
    return view.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) }).first();
  }

  /** Asks for the hover at the cursor until a card with `text` shows (the server may still be indexing); that card. */
  async showHover(text: string, description: string): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover-content', { hasText: text });
    await this.retryUntil(description, () => this.runCommand('Show or Focus Hover'), async () => hover.first().waitFor({ timeout: 5_000 }).then(() => true, () => false));
    return hover.first();
  }

  /** Reverts the active editor's file and waits until its tab is no longer dirty. */
  async revertActiveFile(): Promise<void> {
    await this.runCommand('File: Revert File');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  /** Reverts and closes every editor and hides the panel, so the next scenario starts from a clean window. */
  async reset(): Promise<void> {
    await this.page.keyboard.press('Escape');
    const dirty = this.page.locator('.tabs-container .tab.dirty').first();
    for (let tries = 0; tries < 10 && (await dirty.isVisible()); tries++) {
      // The tab's label, not its centre: a dirty tab's close button would ask to save. The tab may stop
      // being dirty meanwhile (a revert that was under way): then there is nothing to do for it.
      const clicked = await dirty.locator('.label-name').click({ timeout: 5_000 }).then(() => true, () => false);
      if (!clicked) continue;
      await this.runCommand('View: Revert and Close Editor');
      await this.waitForQuickInputClosed();
    }
    if (await this.page.locator('.tabs-container .tab').first().isVisible()) {
      await this.runCommand('View: Close All Editors');
      await this.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    }
    if (await this.page.locator('.part.panel').isVisible()) {
      await this.runCommand('View: Hide Panel');
      await this.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
  }

  /** Repeats `attempt` until `check` holds: for UI that must be asked again (a hover before the server is ready). */
  async retryUntil(description: string, attempt: () => Promise<void>, check: () => Promise<boolean>, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await attempt();
      if (await check()) return;
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s: ${description}`);
  }

  /** Waits for a condition outside the page (a process, a file), checking it every 200 ms. */
  async until(description: string, check: () => Promise<boolean>, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${description}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Names of the screenshots taken so far. */
  readonly screenshots = new Set<string>();

  async screenshot(name: string, copyTo?: string): Promise<string> {
    this.screenshots.add(name);
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    if (copyTo) {
      mkdirSync(path.dirname(copyTo), { recursive: true });
      await this.page.screenshot({ path: copyTo });
    }
    return file;
  }
}
