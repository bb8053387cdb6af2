import type { AppApi } from '../../api/sequenced';
import { parseRoute } from '../../hooks/useHashRoute';
import { effectiveSort, libraryQuery, loadLibraryState } from './libraryState';
import { askEarly, pageInput } from './pageStore';

/**
 * Asks for the library's first page as the window starts, before the settings are read and the
 * view is drawn, so that the list's first rows arrive with the view rather than a round trip
 * after it (at 100,000 articles the first page is most of the wait). Only where the window opens
 * on the library, and not for "Của tôi" (whose question is the profile's, known only later).
 */
export function askFirstPageEarly(api: AppApi, hash: string): void {
  if (parseRoute(hash).view !== 'library') return;
  const state = loadLibraryState();
  if (state.view === 'mine') return;
  askEarly(api, pageInput({ query: libraryQuery(state), ...effectiveSort(state) }, 0));
}
