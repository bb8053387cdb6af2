import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchSnippet } from '../../../shared/api/contract';

/** Where a search matched an article: the field, and its text with the hits marked. */
export function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const { t } = useTranslation();
  return (
    <p className="snippet" data-testid="snippet">
      <span className="snippet-field">{t(`library.snippetFields.${snippet.field}`)}:</span> <Marked text={snippet.text} hits={snippet.hits} />
    </p>
  );
}

/** A text with its hits in <mark>. */
export function Marked({ text, hits: given }: { text: string; hits: SearchSnippet['hits'] }) {
  const snippet = { text, hits: given };
  const pieces: ReactNode[] = [];
  let at = 0;
  const hits = [...snippet.hits].filter(([start, end]) => end > start && start >= 0 && end <= snippet.text.length).sort((a, b) => a[0] - b[0]);
  for (const [start, end] of hits) {
    if (start < at) continue;
    if (start > at) pieces.push(snippet.text.slice(at, start));
    pieces.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.text.length) pieces.push(snippet.text.slice(at));
  return <>{pieces}</>;
}
