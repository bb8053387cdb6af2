import type { LibraryService } from '../../electron/library/LibraryService';
import type { CallContext } from '../../shared/api/contract';
import type { Article, ArticleStatus } from '../../shared/model/article';
import { workflowPath } from '../../shared/review/workflow';

/** Moves an article through the workflow to `status`, step by step as the newsroom would (draft → submitted → approved → published). */
export async function moveTo(library: LibraryService, article: Pick<Article, 'id' | 'revision' | 'status'>, status: ArticleStatus, context: CallContext = {}): Promise<Article> {
  const path = workflowPath(article.status, status);
  if (!path) throw new Error(`no way from ${article.status} to ${status}`);
  let current = await library.getArticle({ id: article.id });
  for (const step of path) current = await library.setStatus({ id: current.id, baseRevision: current.revision, status: step }, context);
  return current;
}
