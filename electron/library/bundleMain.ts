/**
 * `npm run bundle -- --data-dir DIR --out FILE [--id ID]...` writes a `.newsdesk` bundle (the
 * articles named, or every article not in the trash); `npm run bundle -- --data-dir DIR --import
 * FILE` merges one into the library and prints what it did. Like `npm run export`, it refuses a
 * library that Newsdesk has open.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import type { BundleSummary } from '../../shared/api/contract';
import { argValue, resolveDataDir } from './dataDir';
import { ApiFailure } from './errors';
import { LibraryService } from './LibraryService';

const both = (vi: string, en: string) => `${vi}\n${en}\n`;

function argValues(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name && argv[i + 1]) values.push(argv[i + 1]!);
    else if (argv[i]!.startsWith(`${name}=`)) values.push(argv[i]!.slice(name.length + 1));
  }
  return values;
}

const list = (refs: BundleSummary['added']) => refs.map((ref) => `    ${ref.headline || ref.id} (${ref.id})`).join('\n');

function summaryText(summary: BundleSummary): string {
  const lines = [
    both(
      `Đã nhận: ${summary.added.length} bài mới, ${summary.updated.length} bài cập nhật, ${summary.conflicts.length} bài xung đột, ${summary.unchanged.length} bài không đổi, ${summary.images} ảnh mới.`,
      `Imported: ${summary.added.length} new, ${summary.updated.length} updated, ${summary.conflicts.length} in conflict, ${summary.unchanged.length} unchanged, ${summary.images} new images.`,
    ),
  ];
  const section = (vi: string, en: string, refs: BundleSummary['added']) => refs.length && lines.push(`  ${vi} / ${en}:\n${list(refs)}\n`);
  section('Mới', 'New', summary.added);
  section('Cập nhật (bản cũ giữ trong lịch sử)', 'Updated (the old version kept in the history)', summary.updated);
  section('Xung đột: bản ở đây giữ nguyên, bản nhận về nằm trong lịch sử để so sánh', 'In conflict: the version here is kept, the one received is in the history to compare', summary.conflicts);
  section('Đổi đường dẫn vì trùng', 'Given a new address (slug) already in use', summary.renamed);
  return lines.join('');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const out = argValue(argv, '--out');
  const input = argValue(argv, '--import');
  if (!out === !input) {
    process.stderr.write(
      both(
        'Cách dùng: npm run bundle -- --data-dir THƯ_VIỆN --out TỆP.newsdesk [--id MÃ_BÀI]…  hoặc  --import TỆP.newsdesk',
        'Usage: npm run bundle -- --data-dir LIBRARY --out FILE.newsdesk [--id ARTICLE_ID]…  or  --import FILE.newsdesk',
      ),
    );
    process.exit(2);
  }
  const dataDir = resolveDataDir(argv);
  const service = await LibraryService.open({ dataDir, appVersion: version, fontsDir: resolve(__dirname, '..', 'fonts') });
  try {
    if (out) {
      const ids = argValues(argv, '--id');
      const { bytes, articles, assets } = await service.bundleBytes(ids.length ? ids : undefined);
      await writeFile(resolve(out), bytes);
      process.stdout.write(
        both(`Đã ghi ${articles} bài và ${assets} ảnh vào ${resolve(out)} (${bytes.length} byte).`, `Wrote ${articles} articles and ${assets} images to ${resolve(out)} (${bytes.length} bytes).`),
      );
    } else {
      const summary = await service.importBundleBytes(await readFile(resolve(input!)));
      process.stdout.write(summaryText(summary));
    }
  } finally {
    await service.dispose();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ApiFailure && error.code === 'bundle_refused' ? `Gói bị từ chối, không ghi gì / Bundle refused, nothing written — ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`Không thành công / Failed: ${message}\n`);
  process.exit(1);
});
