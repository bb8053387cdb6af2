import type { TFunction } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '../../shared/publish/html';
import type { ArticleDiff } from '../../shared/review/diff';
import { formatShortDateTime, toZonedIso } from '../../shared/text/dates';
import { DiffContent, type VersionLabel } from './DiffContent';
import diffCss from './diff.css?raw';
import recordCss from './record.css?raw';

export interface DiffRecordInput {
  diff: ArticleDiff;
  headline: string;
  before: VersionLabel;
  after: VersionLabel;
  /** When and by whom the record was made. */
  exportedAt: string;
  exportedBy: string;
  timeZone: string;
  language: string;
  sectionName: (slug: string) => string;
}

/**
 * The diff of two versions as a record a legal desk can file: one self-contained HTML page (its
 * styles inline, no scripts, no images fetched) naming the article, both versions with their
 * times and authors, the counts, and every change inline (the compare view's own component).
 */
export function diffRecordHtml(t: TFunction, input: DiffRecordInput): string {
  const { diff, before, after } = input;
  const content = renderToStaticMarkup(
    <main>
      <h1>{t('record.heading')}</h1>
      <p className="record-article">{input.headline || t('library.untitled')}</p>
      <table className="record-versions">
        <tbody>
          <tr>
            <th scope="row">{t('record.before')}</th>
            <td>
              {before.title} · {before.detail}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('record.after')}</th>
            <td>
              {after.title} · {after.detail}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('record.made')}</th>
            <td>
              <time dateTime={toZonedIso(input.exportedAt, input.timeZone)}>{formatShortDateTime(input.exportedAt, input.timeZone)}</time>
              {input.exportedBy ? ` · ${input.exportedBy}` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <p>{t('compare.counts', { insertions: diff.stats.insertions, deletions: diff.stats.deletions, changes: diff.stats.changes })}</p>
      <p className="record-legend diff">
        <ins>{t('compare.legendInserted')}</ins>
        <del>{t('compare.legendDeleted')}</del>
        <mark className="diff-format">{t('compare.legendFormat')}</mark>
      </p>
      <DiffContent diff={diff} mode="inline" before={before} after={after} sectionName={input.sectionName} />
    </main>,
  );
  const title = `${t('record.heading')}: ${input.headline || t('library.untitled')}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${recordCss}
${diffCss}
</style>
</head>
<body>
${content}
</body>
</html>
`;
}
