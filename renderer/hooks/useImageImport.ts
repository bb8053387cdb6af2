import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../api/ApiContext';
import { chooseFile, IMAGE_TYPES, readFileBase64 } from '../api/files';
import { announceImagesQueued } from '../components/ImageProgress';
import { useNotify } from './useNotice';

/** Lets the user pick an image and adds it to the library; resolves with its asset id (or null). */
export function useImageImport() {
  const api = useApi();
  const notify = useNotify();
  const { t } = useTranslation();
  return useCallback(
    async (file?: File | null): Promise<string | null> => {
      const chosen = file ?? (await chooseFile(IMAGE_TYPES));
      if (!chosen) return null;
      notify({ text: t('image.importing', { name: chosen.name }) });
      const result = await api.importAsset({ fileName: chosen.name, dataBase64: await readFileBase64(chosen) });
      if (!result.ok) {
        notify({ text: errorText(t, result.error), tone: 'error' });
        return null;
      }
      notify(null);
      announceImagesQueued();
      return result.value.assetId;
    },
    [api, notify, t],
  );
}
