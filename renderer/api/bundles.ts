import type { TFunction } from 'i18next';
import type { OpenedBundle } from '../../shared/api/bridge';
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
  return mergeBundle(api, t, notify, file.name, await readFileBase64(file));
}

/**
 * Merges the `.newsdesk` files the system asked Newsdesk to open (double-clicked, Electron only),
 * one after another, as "Receive articles…" does; resolves with what the last one merged did.
 */
export async function receiveOpenedBundles(api: AppApi, t: TFunction, notify: Notify, bundles: readonly OpenedBundle[]): Promise<BundleSummary | null> {
  let summary: BundleSummary | null = null;
  for (const bundle of bundles) {
    if ('error' in bundle) {
      notify({ text: t('bundle.refused', { reason: t(`bundle.reasons.${bundle.error}`), detail: bundle.detail ?? bundle.name }), tone: 'error' });
      continue;
    }
    notify({ text: t('bundle.receiving', { name: bundle.name }) });
    summary = (await mergeBundle(api, t, notify, bundle.name, bundle.dataBase64)) ?? summary;
  }
  return summary;
}

async function mergeBundle(api: AppApi, t: TFunction, notify: Notify, name: string, dataBase64: string): Promise<BundleSummary | null> {
  const result = await api.importBundle({ dataBase64 });
  if (!result.ok) {
    notify({ text: bundleErrorText(t, result.error), tone: 'error' });
    return null;
  }
  window.dispatchEvent(new CustomEvent(LIBRARY_CHANGED));
  notify({ text: t('bundle.received', { name }) });
  return result.value;
}

/** Fired on the window when articles arrived from elsewhere: lists read themselves again. */
export const LIBRARY_CHANGED = 'newsdesk:library-changed';
