import { describe, expect, it } from 'vitest';
import { derivativeNames, derivativeWidths, embeddedImages, parseDerivativeName, recordingUrl, responsiveImages, widthUpTo } from '../../shared/publish/images';

const ASSET = `${'cd'.repeat(32)}.jpg`;
const SHA = 'cd'.repeat(32);

describe('derivative widths', () => {
  it.each([
    [300, [300]],
    [480, [480]],
    [481, [480, 481]],
    [1200, [480, 800, 1200]],
    [1500, [480, 800, 1200, 1500]],
    [1600, [480, 800, 1200, 1600]],
    [4000, [480, 800, 1200, 1600]],
  ])('a photo %i px wide is made at %j', (width, widths) => {
    expect(derivativeWidths({ width })).toEqual(widths);
  });

  it('picks the widest that fits, or the narrowest when none does', () => {
    expect(widthUpTo({ width: 4000, height: 3000, fallback: 'jpg' }, 800)).toBe(800);
    expect(widthUpTo({ width: 4000, height: 3000, fallback: 'jpg' }, 1000)).toBe(800);
    expect(widthUpTo({ width: 300, height: 200, fallback: 'jpg' }, 800)).toBe(300);
  });

  it('names every derivative by hash, width and format, and reads the names back', () => {
    expect(derivativeNames(ASSET, { width: 900, height: 600, fallback: 'png' })).toEqual([`${SHA}-480.webp`, `${SHA}-480.png`, `${SHA}-800.webp`, `${SHA}-800.png`, `${SHA}-900.webp`, `${SHA}-900.png`]);
    expect(parseDerivativeName(`${SHA}-800.webp`)).toEqual({ sha: SHA, width: 800, format: 'webp' });
    for (const bad of [`${SHA}.jpg`, `${SHA}-0.webp`, `${SHA}-800.svg`, `../${SHA}-800.webp`, `${SHA}-800.webp/..`, `${SHA.slice(1)}-800.webp`]) expect(parseDerivativeName(bad), bad).toBeNull();
  });
});

describe('page markup', () => {
  it('a body photo: WebP and fallback srcsets, the column sizes, width and height, loaded lazily', () => {
    const used = new Set<string>();
    const images = responsiveImages(() => ({ width: 1000, height: 750, fallback: 'jpg' }), recordingUrl('../assets/', used));
    const html = images.picture(ASSET, 'Ghe "hàng" & <sông>', 'body');
    expect(html).toBe(
      `<picture><source type="image/webp" srcset="../assets/${SHA}-480.webp 480w, ../assets/${SHA}-800.webp 800w, ../assets/${SHA}-1000.webp 1000w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px">` +
        `<img src="../assets/${SHA}-800.jpg" srcset="../assets/${SHA}-480.jpg 480w, ../assets/${SHA}-800.jpg 800w, ../assets/${SHA}-1000.jpg 1000w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px" width="1000" height="750" alt="Ghe &quot;hàng&quot; &amp; &lt;sông&gt;" loading="lazy" decoding="async"></picture>`,
    );
    // What the page refers to is what an export copies: six files.
    expect([...used].sort()).toEqual(derivativeNames(ASSET, { width: 1000, height: 750, fallback: 'jpg' }).sort());
  });

  it('the logo is sized for the masthead and loads at once', () => {
    const html = responsiveImages(() => ({ width: 900, height: 300, fallback: 'png' }), (name) => name).picture(ASSET, 'Báo Cần Thơ', 'logo');
    expect(html).toContain('sizes="168px"');
    expect(html).toContain(`src="${SHA}-480.png"`);
    expect(html).not.toMatch(/loading=|fetchpriority=/);
  });

  it('an image whose size is not known yet shows the column’s WebP; a single file embeds one image with its size', () => {
    expect(responsiveImages(() => null, (name) => `x/${name}`).picture(ASSET, '', 'body')).toBe(`<img src="x/${SHA}-800.webp" alt="" loading="lazy" decoding="async">`);
    const single = embeddedImages(new Map([[ASSET, { dataUri: 'data:image/webp;base64,AAAA', width: 800, height: 600 }]]));
    expect(single.picture(ASSET, 'Cầu', 'featured')).toBe('<img src="data:image/webp;base64,AAAA" width="800" height="600" alt="Cầu" fetchpriority="high">');
    expect(single.picture(`${'ef'.repeat(32)}.jpg`, 'Cầu', 'body')).toBe('');
  });
});
