/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle -- functions below run inside the page */
// The library screen in Chromium, on libraries of 1,000 to 100,000 articles served by the loopback
// web host: from navigation to the first row of the list painted (beside the page's first
// contentful paint, the app shell, in the same load), then scrolling the list to its last row in
// about 600 frames
// (frame times p50/p95, beside the frames of the same page left idle), with the renderer's JS heap
// and the host's peak memory.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, startHost, stats } from './keystroke.mjs';
import { seedForBench } from './storage.mjs';

const SIZES = (process.env.BENCH_ARTICLES ?? '1000,10000,100000').split(',').map(Number);
const ROW = '[data-testid="article-row"]';
/** The profile the window works as (chosen before the page loads, as a returning user's window has it). */
const PROFILE = { id: 'bien-tap', name: 'Biên tập viên', initials: 'BT', role: 'chief_editor' };

/** Records when the first list row, and the first thing at all, were painted (after the frame they came in). */
function installPaintProbe() {
  const marks = {};
  window.__paint = marks;
  const painted = (name) => {
    if (marks[name] !== undefined) return;
    marks[name] = -1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks[name] = performance.now());
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="article-row"]')) painted('row');
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Scrolls the list's scroller to its end in about 600 frames (a screen a frame in a small library,
 * more in a large one: dragging the scrollbar), until the last row is there; the frame times.
 */
function scrollToEnd(rowSelector) {
  return new Promise((resolve, reject) => {
    const first = document.querySelector(rowSelector);
    let scroller = first;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    scroller = scroller ?? document.scrollingElement;
    const frames = [];
    let last = performance.now();
    const started = last;
    const step = (now) => {
      frames.push(now - last);
      last = now;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      const rows = document.querySelectorAll(rowSelector);
      const lastRow = rows[rows.length - 1];
      const total = Number(document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0);
      const lastIndex = Number(lastRow?.getAttribute('aria-rowindex') ?? 0);
      if (atEnd && (!total || lastIndex >= total) && lastRow?.textContent?.trim()) return resolve({ frames, ms: now - started });
      if (now - started > 300_000) return reject(new Error('the list did not reach its end in five minutes'));
      scroller.scrollTop += Math.max(scroller.clientHeight, scroller.scrollHeight / 600);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** The frame times of the page left alone for `count` frames: what a frame costs with nothing to do. */
function idleFrames(count) {
  return new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    const step = (now) => {
      frames.push(now - last);
      last = now;
      if (frames.length >= count) resolve(frames);
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

function peakRssOf(pid) {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kib ? Number(kib) * 1024 : NaN;
}

export async function runLibraryBench({ progress = () => undefined } = {}) {
  const results = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const articles of SIZES) {
      progress(`${articles.toLocaleString('en')} articles`);
      const dir = await mkdtemp(join(tmpdir(), `newsdesk-bench-library-${articles}-`));
      const host = await seedForBench(dir, articles, PROFILE).then(() => startHost(dir));
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        await page.addInitScript((id) => window.localStorage.setItem('newsdesk.profile', id), PROFILE.id);
        await page.addInitScript(installPaintProbe);
        await page.goto(host.info.url);
        await page.locator(ROW).first().waitFor({ timeout: 120_000 });
        await page.waitForFunction(() => window.__paint.row > 0);
        const paint = await page.evaluate(() => ({
          row: window.__paint.row,
          shell: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        }));
        const scroll = await page.evaluate(scrollToEnd, ROW);
        const idle = await page.evaluate(idleFrames, Math.min(120, scroll.frames.length));
        const client = await page.context().newCDPSession(page);
        await client.send('Performance.enable');
        const { metrics } = await client.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
        results.push({ articles, paint, scroll: { ...stats(scroll.frames), ms: scroll.ms }, idle: stats(idle), heap, hostRss: peakRssOf(host.pid) });
        await page.close();
      } finally {
        await host.stop();
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
