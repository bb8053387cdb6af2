import { execFile } from 'node:child_process';
import { relative, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const VNU = join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');

/**
 * The Nu HTML Checker's errors for HTML files ("file: message", paths relative to `base`). vnu
 * writes its JSON report to standard error; no report at all throws (a failure, not a pass).
 */
export async function vnuErrors(files: readonly string[], base: string): Promise<string[]> {
  const { stdout, stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  const raw = stderr || stdout;
  if (!raw.includes('"messages"')) throw new Error(`vnu gave no report: ${raw.slice(0, 500)}`);
  const report = JSON.parse(raw) as { messages: Array<{ type: string; url: string; message: string }> };
  return report.messages.filter((m) => m.type === 'error').map((m) => `${relative(base, fileURLToPath(m.url))}: ${m.message}`);
}
