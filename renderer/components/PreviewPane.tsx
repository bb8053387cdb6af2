import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTHS = { desktop: 1280, tablet: 768, phone: 390 } as const;
type Width = keyof typeof WIDTHS;

/**
 * The article as the site will show it: the export's own HTML in a sandboxed frame (no scripts),
 * at desktop, tablet or phone width, scaled to fit; its scroll position survives updates. Also
 * opens over the whole window.
 */
export function PreviewPane({ html, withSuggestions, onWithSuggestions }: { html: string; withSuggestions?: boolean; onWithSuggestions?: (on: boolean) => void }) {
  const { t } = useTranslation();
  const [width, setWidth] = useState<Width>('desktop');
  const [full, setFull] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const scroll = useRef(0);
  const [scale, setScale] = useState(1);

  // Remember where the reader was before the document is replaced, and go back there after.
  useEffect(() => {
    const current = frame.current;
    if (!current) return;
    scroll.current = current.contentWindow?.scrollY ?? scroll.current;
    const restore = () => current.contentWindow?.scrollTo(0, scroll.current);
    current.addEventListener('load', restore, { once: true });
    current.srcdoc = html;
    return () => current.removeEventListener('load', restore);
  }, [html]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setScale(Math.min(1, element.clientWidth / WIDTHS[width])));
    observer.observe(element);
    return () => observer.disconnect();
  }, [width, full]);

  useEffect(() => {
    if (!full) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setFull(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [full]);

  return (
    <section className={full ? 'preview preview-full' : 'preview'} aria-label={t('preview.title')}>
      <div className="preview-bar">
        <div role="group" aria-label={t('preview.widths')} className="segmented">
          {(Object.keys(WIDTHS) as Width[]).map((value) => (
            <button key={value} type="button" aria-pressed={width === value} onClick={() => setWidth(value)}>
              {t(`preview.${value}`)}
            </button>
          ))}
        </div>
        {onWithSuggestions && (
          <div role="group" aria-label={t('preview.versions')} className="segmented">
            <button type="button" aria-pressed={!withSuggestions} onClick={() => onWithSuggestions(false)} data-testid="preview-final">
              {t('preview.final')}
            </button>
            <button type="button" aria-pressed={Boolean(withSuggestions)} onClick={() => onWithSuggestions(true)} data-testid="preview-suggestions">
              {t('preview.withSuggestions')}
            </button>
          </div>
        )}
        <button type="button" onClick={() => setFull((open) => !open)} aria-pressed={full}>
          {full ? t('preview.close') : t('preview.fullWindow')}
        </button>
      </div>
      <div className="preview-box" ref={box}>
        <iframe
          ref={frame}
          title={t('preview.title')}
          // Scripts never run; same origin only so the scroll position can be kept across updates.
          sandbox="allow-same-origin"
          style={{ width: WIDTHS[width], height: `${100 / scale}%`, transform: `scale(${scale})` }}
          data-testid="preview-frame"
          data-width={width}
        />
      </div>
    </section>
  );
}
