import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/text/dates';
import { useApi } from '../api/ApiContext';
import { loadLicenses, type Licenses } from '../about/licenses';
import { useModalDialog } from '../hooks/useModalDialog';
import { useSettings } from '../hooks/useSettings';

interface AppFacts {
  appVersion: string;
  dataDir: string;
}

/**
 * About Newsdesk (Help → About, or the top bar): the version and data folder as the main process
 * reports them (getAppInfo), the build's date, and every shipped package with its licence, each
 * opening onto its full text. Esc or Close closes it.
 */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { timeZone } = useSettings();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [facts, setFacts] = useState<AppFacts | null>(null);
  const [licenses, setLicenses] = useState<Licenses | 'unavailable' | null>(null);

  useEffect(() => {
    let live = true;
    void api.getAppInfo({}).then((result) => {
      if (live && result.ok) setFacts({ appVersion: result.value.appVersion, dataDir: result.value.dataDir });
    });
    void loadLicenses().then((loaded) => {
      if (live) setLicenses(loaded ?? 'unavailable');
    });
    return () => {
      live = false;
    };
  }, [api]);

  const language = i18n.language === 'en' ? 'en' : 'vi';
  const builtAt = licenses && licenses !== 'unavailable' ? licenses.builtAt : null;

  return (
    <dialog ref={dialog} className="about-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} data-testid="about">
      <h2 id={`${ids}-title`}>{t('about.title')}</h2>
      <p className="muted">{t('about.summary')}</p>
      <dl className="about-facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{facts ? facts.appVersion : t('about.loading')}</dd>
        <dt>{t('about.buildDate')}</dt>
        <dd data-testid="about-built">
          {builtAt ? <time dateTime={builtAt}>{formatDateTime(builtAt, timeZone, language)}</time> : licenses ? t('about.unknown') : t('about.loading')}
        </dd>
        <dt>{t('about.dataDir')}</dt>
        <dd data-testid="about-data-dir">{facts ? <code>{facts.dataDir}</code> : t('about.loading')}</dd>
      </dl>
      <section className="about-licenses" aria-labelledby={`${ids}-licenses`}>
        <h3 id={`${ids}-licenses`}>{t('about.licensesTitle')}</h3>
        {licenses === null ? (
          <p role="status">{t('about.licensesLoading')}</p>
        ) : licenses === 'unavailable' ? (
          <p>{t('about.licensesUnavailable')}</p>
        ) : (
          <>
            <p>{t('about.licensesIntro', { count: licenses.packages.length })}</p>
            <ul data-testid="about-license-list">
              {licenses.packages.map((pkg) => (
                <li key={`${pkg.name}@${pkg.version}`}>
                  <details>
                    <summary>
                      <span className="about-package">{pkg.name}</span>
                      <span className="about-package-version">{pkg.version}</span>
                      <span className="about-license-id">{pkg.license}</span>
                    </summary>
                    {pkg.licenseText ? (
                      <pre className="about-license-text">{pkg.licenseText}</pre>
                    ) : (
                      <p className="muted">{t('about.noLicenseText', { license: pkg.license })}</p>
                    )}
                  </details>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <p className="dialog-actions">
        <button type="button" className="primary" onClick={close} autoFocus>
          {t('about.close')}
        </button>
      </p>
    </dialog>
  );
}
