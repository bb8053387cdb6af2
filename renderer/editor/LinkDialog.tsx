import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';
import { isAllowedHref } from '../../shared/model/fields';

/** Adds https:// to a bare address such as "cantho.gov.vn"; leaves mailto:, tel: and http(s) alone. */
export function completeHref(input: string): string {
  const value = input.trim();
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  if (/^\+?[\d\s.-]{6,}$/.test(value)) return `tel:${value.replace(/[\s.-]/g, '')}`;
  return `https://${value}`;
}

export function LinkDialog({
  initial,
  onApply,
  onRemove,
  onClose,
}: {
  initial: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState(false);


  return (
    <dialog ref={dialog} className="link-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          const href = completeHref(value);
          if (!href) {
            onRemove();
            return close();
          }
          if (!isAllowedHref(href)) return setError(true);
          onApply(href);
          close();
        }}
      >
        <h2 id={`${ids}-title`}>{t('link.title')}</h2>
        <label htmlFor={`${ids}-href`}>{t('link.address')}</label>
        <input
          id={`${ids}-href`}
          type="text"
          inputMode="url"
          value={value}
          autoFocus
          aria-invalid={error}
          aria-describedby={`${ids}-hint`}
          onChange={(event) => {
            setValue(event.target.value);
            setError(false);
          }}
        />
        <small id={`${ids}-hint`} className={error ? 'error' : undefined}>
          {error ? t('link.invalid') : t('link.hint')}
        </small>
        <div className="dialog-actions">
          {initial && (
            <button
              type="button"
              onClick={() => {
                onRemove();
                close();
              }}
            >
              {t('link.remove')}
            </button>
          )}
          <button type="button" onClick={() => close()}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
