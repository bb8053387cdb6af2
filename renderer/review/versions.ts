import type { TFunction } from 'i18next';
import type { Article } from '../../shared/model/article';
import type { RevisionEntry } from '../../shared/review/history';
import { formatShortDateTime } from '../../shared/text/dates';
import type { VersionLabel } from './DiffContent';

/** One side of a comparison: a kept revision, or the article as it is saved now. */
export interface Version {
  article: Article;
  /** Its entry in the history (the named one first when a revision was kept for several reasons); null for the article now. */
  entry: RevisionEntry | null;
}

/** The entry that best names a revision: a named one with its name, else the first kept. */
export function entryOf(entries: readonly RevisionEntry[], revision: number): RevisionEntry | null {
  const all = entries.filter((entry) => entry.revision === revision);
  return all.find((entry) => entry.label) ?? all.find((entry) => entry.kind === 'named') ?? all[0] ?? null;
}

/** Who last changed the article as it is now (its workflow history's newest entry, else ''). */
const lastAuthor = (article: Article) => article.history.at(-1)?.by ?? '';

export function versionLabel(t: TFunction, version: Version, timeZone: string): VersionLabel {
  const { article, entry } = version;
  const when = formatShortDateTime(entry?.at ?? article.updatedAt, timeZone);
  const who = (entry ? entry.by : lastAuthor(article)) || t('history.unknownAuthor');
  const title = entry ? t('compare.versionTitle', { n: article.revision }) : t('compare.currentTitle', { n: article.revision });
  const why = entry ? (entry.label ? `“${entry.label}”` : t(`history.kinds.${entry.kind}`, { from: entry.restoredFrom ?? '' })) : '';
  return { title, detail: [when, who, why].filter(Boolean).join(' · ') };
}
