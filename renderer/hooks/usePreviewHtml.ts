import { useEffect, useState } from 'react';
import type { Article } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import type { Settings } from '../../shared/model/settings';
import type { PageNeighbours } from '../../shared/publish/related';
import { slugify } from '../../shared/text/vietnamese';
import { useApi } from '../api/ApiContext';
import { pageImageIds } from '../../shared/publish/site';
import { articlePageHtml, previewImages, type ImageInfos } from '../publish/pageContext';
import type { Draft } from './useArticleDraft';

const PREVIEW_DELAY_MS = 120;

/** The article as it is being edited, merged from the saved article, the fields and the body. */
export function draftArticle(article: Article, draft: Draft, body: BodyDoc): Article {
  const { slug, ...fields } = draft;
  return { ...article, ...fields, slug: slug !== null ? slugify(slug) : article.slug, body };
}

/** The preview's HTML, rebuilt shortly after each change while the preview is open. */
export function usePreviewHtml(
  open: boolean,
  article: Article | null,
  draft: Draft | null,
  settings: Settings,
  body: () => BodyDoc | null,
  bodyTick: number,
  /** Show pending suggested edits, marked (otherwise the text reads as if every one were rejected, as the page will). */
  withSuggestions = false,
): string {
  const api = useApi();
  const [html, setHtml] = useState('');
  const [fetched, setFetched] = useState<{ id: string; value: PageNeighbours } | null>(null);
  const id = article?.id;
  const section = draft?.section;
  const tags = JSON.stringify(draft?.tags ?? []);
  const related = JSON.stringify(draft?.related ?? []);

  // The blocks beside the article follow the draft's section, tags and chosen related articles.
  useEffect(() => {
    if (!open || !id) return;
    const timer = setTimeout(() => {
      void api
        .getPageNeighbours({ id, section, tags: JSON.parse(tags) as string[], related: JSON.parse(related) as string[] })
        .then((result) => result.ok && setFetched({ id, value: result.value }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, open, id, section, tags, related]);

  // Another article's blocks are never shown while this one's are on their way.
  const neighbours = fetched && fetched.id === id ? fetched.value : null;

  // The size of each photo shown (for srcset, width and height, as the site has them); asked for
  // again only when a photo the page shows is not known yet.
  const [infos, setInfos] = useState<ImageInfos>({});

  useEffect(() => {
    if (!open || !article || !draft) return;
    const timer = setTimeout(() => {
      const page = draftArticle(article, draft, body() ?? article.body);
      const unknown = pageImageIds(settings, [page]).filter((assetId) => !(assetId in infos));
      if (unknown.length) {
        void api.getImageInfo({ assetIds: unknown }).then((result) => {
          // Images that cannot be read are remembered as such, so they are not asked for again.
          if (result.ok) setInfos((known) => ({ ...known, ...Object.fromEntries(unknown.map((assetId) => [assetId, result.value.images[assetId] ?? null])) }));
        });
      }
      setHtml(articlePageHtml(page, settings, neighbours, previewImages(settings, infos), withSuggestions));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // body() reads the editor; bodyTick says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, article, draft, settings, neighbours, bodyTick, infos, withSuggestions]);
  return html;
}
