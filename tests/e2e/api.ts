import type { Page } from '@playwright/test';

/**
 * Calls the web host's API from the page as the window itself would: with its token and the
 * profile chosen in that window (for what the interface does not offer, such as a move the role
 * may not make).
 */
export function callApi(page: Page, method: string, input: object): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('newsdesk.token')}`,
          'X-Newsdesk-Profile': localStorage.getItem('newsdesk.profile') ?? '',
        },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    { method, input },
  );
}

/** A status move made through the API (the article's current revision read first). */
export async function setStatusThroughApi(page: Page, id: string, status: string) {
  const article = (await callApi(page, 'getArticle', { id })).value as { revision: number };
  return callApi(page, 'setStatus', { id, baseRevision: article.revision, status });
}
