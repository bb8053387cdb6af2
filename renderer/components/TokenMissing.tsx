import { useTranslation } from 'react-i18next';

/** Shown when the web host's page is opened without this launch's token. */
export function TokenMissing() {
  const { t } = useTranslation();
  return (
    <main className="token-missing">
      <h1>{t('token.title')}</h1>
      <p>{t('token.body')}</p>
    </main>
  );
}
