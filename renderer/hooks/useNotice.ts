import { createContext, useContext } from 'react';

export interface Notice {
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Move the keyboard focus to the action (when the thing that had it has gone). */
  focusAction?: boolean;
}

export const NoticeContext = createContext<(notice: Notice | null) => void>(() => undefined);

/** Shows a short message in the status area (announced to screen readers). */
export function useNotify(): (notice: Notice | null) => void {
  return useContext(NoticeContext);
}
