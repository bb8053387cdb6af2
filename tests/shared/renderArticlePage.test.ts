import { describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '../../shared/model/article';
import { newArticle } from '../../shared/model/articleUpdates';
import { defaultSettings } from '../../shared/model/settings';
import { responsiveImages } from '../../shared/publish/images';
import { renderArticlePage, siteAddress, type PageContext } from '../../shared/publish/renderArticlePage';

/** Every image a 4000×3000 camera photo, its derivatives in assets/. */
const context = (settings = defaultSettings()): PageContext => ({
  settings,
  links: null,
  images: responsiveImages(() => ({ width: 4000, height: 3000, fallback: 'jpg' }), (name) => `assets/${name}`, (name) => siteAddress(settings, `assets/${name}`) || null),
  fontUrl: (f) => `fonts/${f}`,
});

function article(overrides: Partial<Article> = {}): Article {
  const created = newArticle(
    {
      id: 'a1',
      slug: 'bai-mau',
      fields: {
        headline: 'Bình Thủy đẩy mạnh việc học tập',
        sapo: 'Sapo <b>không</b> phải HTML',
        byline: 'Minh Anh',
        section: 'thoi-su',
        tags: ['giáo dục'],
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Trang', marks: [{ type: 'link', attrs: { href: 'https://cantho.gov.vn/?a=1&b="2"' } }, { type: 'bold' }] }] },
          ],
        },
      },
    },
    { at: '2026-11-27T01:00:00.000Z', by: 'Minh Anh' },
  );
  return articleSchema.parse({ ...created, updatedAt: '2026-11-27T01:15:00.000Z', ...overrides });
}

describe('the article page', () => {
  it('escapes every text', () => {
    const html = renderArticlePage({ article: article(), context: context() });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Sapo &lt;b&gt;không&lt;/b&gt; phải HTML');
    expect(html).toContain('<a href="https://cantho.gov.vn/?a=1&amp;b=&quot;2&quot;"><strong>Trang</strong></a>');
  });

  it('is a Vietnamese page with its date in Vietnam time and NewsArticle data', () => {
    const html = renderArticlePage({ article: article(), context: context() });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<time datetime="2026-11-27T08:15:00+07:00">Thứ Sáu, 27/11/2026 - 08:15</time>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: 'Bình Thủy đẩy mạnh việc học tập', articleSection: 'Thời sự', keywords: 'giáo dục', datePublished: '2026-11-27T08:15:00+07:00' });
  });

  it('has a canonical URL, Open Graph and Twitter tags when the site address is set', () => {
    const settings = { ...defaultSettings(), baseUrl: 'https://baocantho.example/' };
    const html = renderArticlePage({ article: article({ featuredImage: { assetId: `${'ab'.repeat(32)}.jpg`, caption: 'Trong ảnh: cầu', credit: 'Ảnh: A', alt: 'Cầu' } }), context: context(settings) });
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(html).toContain('<link rel="canonical" href="https://baocantho.example/bai-mau.html">');
    expect(html).toContain('<meta property="og:url" content="https://baocantho.example/bai-mau.html">');
    // Shared: the 1200 px JPEG derivative, with its size and description.
    expect(html).toContain(`<meta property="og:image" content="https://baocantho.example/assets/${'ab'.repeat(32)}-1200.jpg">`);
    expect(html).toContain('<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="900">\n<meta property="og:image:alt" content="Cầu">');
    expect(ld.image).toEqual([`https://baocantho.example/assets/${'ab'.repeat(32)}-1200.jpg`]);
    // The featured photo is the largest paint: asked for first, never lazy, sized.
    const featured = /<figure class="featured">(.*?)<\/figure>/s.exec(html)![1]!;
    expect(featured).toMatch(/^<picture><source type="image\/webp" srcset="[^"]*-480\.webp 480w, [^"]*-1600\.webp 1600w" sizes="[^"]+"><img src="assets\/[0-9a-f]{64}-800\.jpg" srcset="[^"]+" sizes="[^"]+" width="1600" height="1200" alt="Cầu" fetchpriority="high"><\/picture>/);
    expect(featured).not.toContain('loading=');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<figcaption>Trong ảnh: cầu <span class="credit">Ảnh: A</span></figcaption>');
  });

  it('offers reader feedback without any script: a mailto link with the headline, or a plain form', () => {
    const mail = renderArticlePage({ article: article(), context: context({ ...defaultSettings(), feedbackEmail: 'toasoan@bao.vn' }) });
    expect(mail).toContain(`href="mailto:toasoan@bao.vn?subject=${encodeURIComponent('Phản hồi: Bình Thủy đẩy mạnh việc học tập')}"`);
    const form = renderArticlePage({ article: article(), context: context({ ...defaultSettings(), feedbackFormAction: 'https://bao.vn/phan-hoi' }) });
    expect(form).toContain('<form method="post" action="https://bao.vn/phan-hoi">');
    expect(form.match(/<script/g)).toHaveLength(1); // only the JSON-LD data block
  });

  it('bundles a font whose subsets cover every Vietnamese letter', () => {
    const html = renderArticlePage({ article: article(), context: context() });
    const ranges = [...html.matchAll(/unicode-range:([^}]+)\}/g)].map((m) => m[1]!);
    const covered = (code: number) =>
      ranges.some((range) =>
        range.split(',').some((part) => {
          const [from, to = from] = part.replace('U+', '').split('-');
          return code >= parseInt(from!, 16) && code <= parseInt(to!, 16);
        }),
      );
    for (const char of 'ỳỵỷỹỸằẵặđĐơƯăâêôẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ') expect(covered(char.codePointAt(0)!), char).toBe(true);
  });

  it('preloads font files and draws them without a reflow; inlined fonts need no preload', () => {
    // A site's pages: every face preloaded as the font request itself asks (CORS, so the preload
    // is used), and font-display optional (no swap after the first paint: no layout shift).
    const site = renderArticlePage({ article: article(), context: context() });
    const faces = [...site.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
    const preloads = [...site.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((m) => m[1]);
    expect(faces.length).toBeGreaterThanOrEqual(6);
    expect(preloads.sort()).toEqual(faces.map((face) => /src:url\(([^)]+)\)/.exec(face)![1]).sort());
    expect(faces.every((face) => face.includes('font-display:optional'))).toBe(true);
    expect(site.indexOf('rel="preload"')).toBeLessThan(site.indexOf('@font-face'));
    // The preview and a standalone file carry their fonts in the page: nothing to preload, swap as before.
    const inline = renderArticlePage({ article: article(), context: { ...context(), fontUrl: (f) => `data:font/woff2;base64,${f}` } });
    expect(inline).not.toContain('rel="preload"');
    expect([...inline.matchAll(/font-display:(\w+)/g)].map((m) => m[1])).toEqual(faces.map(() => 'swap'));
  });

  it('cannot be broken out of its JSON-LD block', () => {
    const html = renderArticlePage({ article: article({ headline: '</script><script>alert(1)</script>' }), context: context() });
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
