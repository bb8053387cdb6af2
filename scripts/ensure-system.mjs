#!/usr/bin/env node
// The tests need Debian's Chromium (driven by Playwright) and Java (for the Nu HTML Checker).
// Where one is missing: as root with apt, install it (saying so); otherwise stop with one sentence
// naming what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';

const requirements = [
  { name: 'Chromium', apt: 'chromium', present: () => existsSync(CHROMIUM_PATH) },
  { name: 'Java', apt: 'default-jre-headless', present: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 },
];

const hasApt = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

export function ensureSystem() {
  const missing = requirements.filter((r) => !r.present());
  if (missing.length === 0) return true;
  const names = missing.map((r) => r.name).join(' and ');
  const packages = missing.map((r) => r.apt);
  if (process.getuid?.() === 0 && hasApt()) {
    process.stdout.write(
      `Thiếu ${names}: đang cài gói Debian ${packages.join(' ')} bằng apt-get (các bài kiểm thử cần)…\n` +
        `${names} missing: installing Debian's ${packages.join(' ')} with apt-get (needed by the tests)…\n`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    if (install && install.status === 0 && missing.every((r) => r.present())) return true;
    process.stderr.write(
      `Cài ${packages.join(' ')} bằng apt-get không thành công; hãy cài chúng rồi chạy lại npm test.\n` +
        `Installing ${packages.join(' ')} with apt-get failed; install them and run npm test again.\n`,
    );
    return false;
  }
  process.stderr.write(
    `Các bài kiểm thử cần ${names}: hãy cài gói Debian ${packages.join(' và ')} (apt-get install ${packages.join(' ')}) rồi chạy lại npm test.\n` +
      `The tests need ${names}: install Debian's ${packages.join(' and ')} package${packages.length > 1 ? 's' : ''} (apt-get install ${packages.join(' ')}) and run npm test again.\n`,
  );
  return false;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  process.exit(ensureSystem() ? 0 : 1);
}
