import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

/** Starts the built web host (`dist/electron/webhost.cjs`) on a fresh temporary library. */
export async function startHost(dataDir: string): Promise<{ host: Host; process: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/electron/webhost.cjs', '--data-dir', dataDir, '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const host = await new Promise<Host>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve(JSON.parse(line) as Host);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  return { host, process: child };
}

export const test = base.extend<{ host: Host; app: Page }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = await makeTempDir('newsdesk-e2e-');
    const { host, process: child } = await startHost(dataDir);
    await use(host);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await removeDir(dataDir);
  },
  /**
   * The app opened from the address the web host printed, past "Who are you?": the chief editor
   * "Thu Hà" created there as a user would, so the tests act as someone the policy restricts in nothing.
   */
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await createProfile(page, CHIEF_EDITOR);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
    expect(errors, 'errors thrown in the page').toEqual([]);
  },
});

export { expect };

/** The roles as the interface names them. */
export type RoleName = 'Phóng viên' | 'Biên tập viên chuyên mục' | 'Tổng biên tập';
/** The profile the `app` fixture creates (a new page on the same host chooses it with chooseProfile). */
export const CHIEF_EDITOR = { name: 'Thu Hà', role: 'Tổng biên tập' } as const satisfies { name: string; role: RoleName };

/** "Who are you?", asked when a window has not chosen a profile yet, or opened from the top bar. */
export const profileDialog = (page: Page): Locator => page.getByRole('dialog', { name: /^(Bạn là ai\?|Who are you\?)$/ });

/** The top bar's button with the profile in use. */
export const profileSwitcher = (page: Page): Locator => page.getByRole('button', { name: /^(Hồ sơ|Profile): / });

/** The dialog, open: as the gate if it is up (or coming up), else opened from the top bar. */
async function openProfileDialog(page: Page): Promise<Locator> {
  const dialog = profileDialog(page);
  await expect(dialog.or(profileSwitcher(page))).toBeVisible();
  if (!(await dialog.isVisible())) await profileSwitcher(page).click();
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Creates a profile in "Who are you?" (the gate, or from the top bar) and waits until the window works as it. */
export async function createProfile(page: Page, { name, role, initials }: { name: string; role: RoleName; initials?: string }): Promise<void> {
  const dialog = await openProfileDialog(page);
  await dialog.getByLabel('Họ và tên').fill(name);
  if (initials) await dialog.getByLabel('Chữ viết tắt').fill(initials);
  await dialog.getByLabel('Vai trò').selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  await expect(dialog).toBeHidden();
  await expect(profileSwitcher(page)).toHaveAccessibleName(`Hồ sơ: ${name} (${role}) — đổi`);
}

/** Chooses an existing profile in "Who are you?" (the gate, or from the top bar). */
export async function chooseProfile(page: Page, name: string): Promise<void> {
  const dialog = await openProfileDialog(page);
  await dialog.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) }).getByRole('button').click();
  await expect(dialog).toBeHidden();
  await expect(profileSwitcher(page)).toHaveAccessibleName(new RegExp(`^(Hồ sơ|Profile): ${name} \\(`));
}

/** axe-core with the WCAG 2 A and AA rules: each violation as "rule: help (where)". */
export async function axeViolations(page: Page, { exclude }: { exclude?: string } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (exclude) builder = builder.exclude(exclude);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe-core with the WCAG 2 A and AA rules: zero violations. */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string } = {}): Promise<void> {
  expect(await axeViolations(page, options)).toEqual([]);
}

/** A screenshot for people to look at (README, review): the top of the page, or a given element's place. */
export async function screenshot(page: Page, name: string, at?: Locator): Promise<void> {
  await mkdir(`${root}test-results/screenshots`, { recursive: true });
  if (at) await at.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${root}test-results/screenshots/${name}.png` });
}

/** Starts a new article and waits until its (empty) editor is the one on screen. */
export async function startNewArticle(page: Page): Promise<void> {
  const before = page.url();
  await page.getByRole('button', { name: 'Bài viết mới' }).click();
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
}

/**
 * Chooses a folder with Newsdesk's own folder chooser (the web host's; Electron shows the
 * system's): goes to `parent` by its path, makes a folder `name` there if given, and chooses it.
 */
export async function chooseFolder(page: Page, title: string, parent: string, name?: string): Promise<string> {
  await page.getByRole('button', { name: 'Chọn thư mục…' }).last().click();
  const chooser = page.getByRole('dialog', { name: title, exact: true });
  await chooser.getByLabel('Đường dẫn').fill(parent);
  await chooser.getByRole('button', { name: 'Đi tới' }).click();
  await expect(chooser.getByTestId('folder-current')).toHaveText(parent);
  let chosen = parent;
  if (name) {
    await chooser.getByLabel('Tạo thư mục mới ở đây').fill(name);
    await chooser.getByRole('button', { name: 'Tạo', exact: true }).click();
    chosen = `${parent.replace(/\/+$/, '')}/${name}`;
    await expect(chooser.getByTestId('folder-current')).toHaveText(chosen);
  }
  await chooser.getByRole('button', { name: 'Chọn thư mục này' }).click();
  await expect(chooser).toBeHidden();
  return chosen;
}
