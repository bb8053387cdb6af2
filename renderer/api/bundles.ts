import type { TFunction } from 'i18next';
import type { ApiError, BundleSummary } from '../../shared/api/contract';
import type { AppApi } from './sequenced';
import { errorText } from './ApiContext';
import { chooseFile, downloadBase64, readFileBase64 } from './files';

/** What a window says about `.newsdesk` bundles (StatusToast notices). */
type Notify = (notice: { text: string; tone?: 'error' }) => void;

/** A refused bundle's reason in the user's language (the service says "<reason>: <detail>"). */
export function bundleErrorText(t: TFunction, error: ApiError): string {
  if (error.code !== 'bundle_refused') return errorText(t, error);
  const [reason, ...rest] = error.message.split(': ');
  return t('bundle.refused', { reason: t(`bundle.reasons.${reason}`, { defaultValue: reason }), detail: rest.join(': ') });
}

/** Sends articles (none given: every article not in the trash) as a `.newsdesk` file, saved through the download. */
export async function sendArticles(api: AppApi, t: TFunction, notify: Notify, ids?: string[]): Promise<void> {
  notify({ text: t('bundle.sending') });
  const result = await api.exportBundle(ids ? { ids } : {});
  if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
  downloadBase64(result.value.fileName, result.value.dataBase64, 'application/zip');
  notify({ text: t('bundle.sent', { file: result.value.fileName, count: result.value.articles, images: result.value.assets }) });
}

/** Asks for a `.newsdesk` file and merges it into the library; resolves with what it did, or null. */
export async function receiveArticles(api: AppApi, t: TFunction, notify: Notify): Promise<BundleSummary | null> {
  const file = await chooseFile('.newsdesk,application/zip');
  if (!file) return null;
  notify({ text: t('bundle.receiving', { name: file.name }) });
  const result = await api.importBundle({ dataBase64: await readFileBase64(file) });
  if (!result.ok) {
    notify({ text: bundleErrorText(t, result.error), tone: 'error' });
    return null;
  }
  window.dispatchEvent(new CustomEvent(LIBRARY_CHANGED));
  notify({ text: t('bundle.received', { name: file.name }) });
  return result.value;
}

/** Fired on the window when articles arrived from elsewhere: lists read themselves again. */
export const LIBRARY_CHANGED = 'newsdesk:library-changed';
