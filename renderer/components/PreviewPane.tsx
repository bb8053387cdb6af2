import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVIEW_ROUTE } from '../../shared/api/methods';

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
  const [shell, setShell] = useState<Document | null>(null);
  const [scale, setScale] = useState(1);

  // The frame holds the preview's own document (PREVIEW_ROUTE, served with a policy that allows the
  // page's inline stylesheet there and nowhere else in the app). Once it has loaded, each version of
  // the page is written into it: no reload, so the reader stays where they were.
  const onLoad = () => {
    const document = frame.current?.contentDocument;
    if (document?.body?.hasAttribute('data-preview-shell')) setShell(document);
  };

  useEffect(() => {
    const view = frame.current?.contentWindow;
    if (!shell || !view) return;
    const scrollY = view.scrollY;
    shell.open();
    shell.write(html);
    shell.close();
    view.scrollTo(0, scrollY);
  }, [html, shell]);

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
          src={PREVIEW_ROUTE}
          onLoad={onLoad}
          title={t('preview.title')}
          // Scripts never run; same origin only so the app can write the page in and keep its scroll position.
          sandbox="allow-same-origin"
          style={{ width: WIDTHS[width], height: `${100 / scale}%`, transform: `scale(${scale})` }}
          data-testid="preview-frame"
          data-width={width}
        />
      </div>
    </section>
  );
}
