import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';
import { columnImageUrl } from '../publish/pageContext';
import type { FigureAttrs } from './model/blocks/figure';

/** Caption, credit and alt text of a photo in the body, asked when it is inserted or edited. */
export function FigureDialog({ initial, onSave, onClose }: { initial: FigureAttrs; onSave: (attrs: FigureAttrs) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [attrs, setAttrs] = useState(initial);
  const field = (key: 'caption' | 'credit' | 'alt', label: string, placeholder?: string, max = 2000) => (
    <>
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} value={attrs[key]} placeholder={placeholder} maxLength={max} onChange={(e) => setAttrs({ ...attrs, [key]: e.target.value })} />
    </>
  );
  return (
    <dialog ref={dialog} className="link-dialog figure-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(attrs);
          close();
        }}
      >
        <h2 id={`${ids}-title`}>{t('image.figureTitle')}</h2>
        <img src={columnImageUrl(attrs.assetId)} alt="" className="figure-dialog-preview" />
        {/* eslint-disable-next-line i18next/no-literal-string -- the photo's field, not text */}
        {field('caption', t('image.caption'), t('image.captionPlaceholder'))}
        {/* eslint-disable-next-line i18next/no-literal-string -- the photo's field, not text */}
        {field('credit', t('image.credit'), t('image.creditPlaceholder'), 200)}
        {/* eslint-disable-next-line i18next/no-literal-string -- the photo's field, not text */}
        {field('alt', t('image.alt'), undefined, 500)}
        <small>{t('image.altHint')}</small>
        <div className="dialog-actions">
          <button type="button" onClick={() => close()}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('image.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
