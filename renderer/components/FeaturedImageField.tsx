import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { columnImageUrl } from '../publish/pageContext';
import type { Article } from '../../shared/model/article';
import { useImageImport } from '../hooks/useImageImport';

type FeaturedImage = NonNullable<Article['featuredImage']>;

/** The article's featured photo: the image, its caption ("Trong ảnh: …"), credit ("Ảnh: …") and alt text. */
export function FeaturedImageField({ value, onChange }: { value: FeaturedImage | null; onChange: (image: FeaturedImage | null) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const importImage = useImageImport();

  const choose = async () => {
    const assetId = await importImage();
    if (assetId) onChange({ assetId, caption: value?.caption ?? '', credit: value?.credit ?? '', alt: value?.alt ?? '' });
  };

  return (
    <fieldset className="featured-image">
      <legend>{t('image.featured')}</legend>
      {value ? (
        <div className="featured-image-body">
          <img src={columnImageUrl(value.assetId)} alt={value.alt} className="featured-preview" data-testid="featured-preview" />
          <div className="featured-fields">
            <div className="field">
              <label htmlFor={`${ids}-caption`}>{t('image.caption')}</label>
              <input id={`${ids}-caption`} data-featured-field="caption" value={value.caption} placeholder={t('image.captionPlaceholder')} maxLength={2000} onChange={(e) => onChange({ ...value, caption: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-credit`}>{t('image.credit')}</label>
              <input id={`${ids}-credit`} data-featured-field="credit" value={value.credit} placeholder={t('image.creditPlaceholder')} maxLength={200} onChange={(e) => onChange({ ...value, credit: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-alt`}>{t('image.alt')}</label>
              <input id={`${ids}-alt`} data-featured-field="alt" value={value.alt} maxLength={500} aria-describedby={`${ids}-alt-hint`} onChange={(e) => onChange({ ...value, alt: e.target.value })} />
              <small id={`${ids}-alt-hint`}>{t('image.altHint')}</small>
            </div>
            <div className="featured-actions">
              <button type="button" onClick={() => void choose()}>
                {t('image.replace')}
              </button>
              <button type="button" onClick={() => onChange(null)}>
                {t('image.remove')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void choose()} data-testid="choose-featured">
          {t('image.choose')}
        </button>
      )}
    </fieldset>
  );
}
