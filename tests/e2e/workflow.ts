import { expect, type Page } from '@playwright/test';
import type { ArticleStatus } from '../../shared/model/article';

/**
 * Moves the open article through the workflow with the status control, one step at a time as an
 * editor would (each step is an option only once the previous one is done).
 */
export async function moveThrough(page: Page, steps: readonly ArticleStatus[]): Promise<void> {
  const status = page.getByTestId('status');
  for (const step of steps) {
    await status.selectOption(step);
    await expect(status).toHaveValue(step);
  }
}

/** Draft → submitted → approved → published. */
export const publishInEditor = (page: Page) => moveThrough(page, ['submitted', 'approved', 'published']);
