/* global window, document, requestAnimationFrame -- functions below run inside the page */
// Keystroke latency: from the key event to the next paint, typing at the end of a 20,000-syllable
// article in Chromium. Baseline, same run and same browser: a plain <textarea> holding the same text.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { bodyOf, paragraphs } from './vietnameseText.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SYLLABLES = 20_000;
const KEYS = 'vieejt nam ddaayr manhj hocj taapj '.repeat(6).slice(0, 200);

/** Installs the probe: for each keydown, the time until the frame after it has been painted. */
function installProbe() {
  const samples = [];
  window.__latency = samples;
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        // A message posted from the frame callback runs after that frame is painted.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => samples.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

async function typeAndMeasure(page) {
  await page.evaluate(installProbe);
  for (const key of KEYS) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.waitForTimeout(5);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__latency.slice());
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95) };
}

/** The loopback web host on a library folder (built app), with its address, token and process id. */
export async function startHost(dataDir) {
  const child = spawn(process.execPath, [join(root, 'dist/electron/webhost.cjs'), '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.on('exit', (code) => reject(new Error(`web host exited ${code}`)));
  });
  return { info, pid: child.pid, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

export async function runKeystrokeBench() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const texts = paragraphs(SYLLABLES);
    const call = (method, input) =>
      fetch(`${host.info.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.info.token}` },
        body: JSON.stringify(input),
      }).then((r) => r.json());
    const created = await call('createArticle', { headline: 'Bài dài để đo độ trễ gõ phím', body: bodyOf(texts) });
    if (!created.ok) throw new Error(created.error.message);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.info.url);
    await page.goto(`${host.info.origin}/#/article/${created.value.id}`);
    const editor = page.getByTestId('body-editor');
    await editor.waitFor();
    await editor.evaluate((element) => {
      element.focus();
      const selection = window.getSelection();
      selection.selectAllChildren(element);
      selection.collapseToEnd();
    });
    const words = await page.getByTestId('stat-words').textContent();
    const editorSamples = await typeAndMeasure(page);

    const baseline = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await baseline.setContent('<textarea style="width:800px;height:600px"></textarea>');
    await baseline.locator('textarea').fill(texts.join('\n'));
    await baseline.locator('textarea').evaluate((t) => {
      t.focus();
      t.setSelectionRange(t.value.length, t.value.length);
    });
    const baselineSamples = await typeAndMeasure(baseline);
    return { words, editor: stats(editorSamples), baseline: stats(baselineSamples) };
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
