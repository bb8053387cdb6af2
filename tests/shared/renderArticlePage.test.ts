import { describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '../../shared/model/article';
import { defaultSettings } from '../../shared/model/settings';
import { renderArticlePage } from '../../shared/publish/renderArticlePage';

function article(overrides: Partial<Article> = {}): Article {
  return articleSchema.parse({
    schemaVersion: 1,
    id: 'a1',
    slug: 'bai-mau',
    headline: 'Bình Thủy đẩy mạnh việc học tập',
    sapo: 'Sapo <b>không</b> phải HTML',
    byline: 'Minh Anh',
    section: 'thoi-su',
    tags: ['giáo dục'],
    featuredImage: null,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Trang', marks: [{ type: 'link', attrs: { href: 'https://cantho.gov.vn/?a=1&b="2"' } }, { type: 'bold' }] }] },
      ],
    },
    status: 'draft',
    assignee: '',
    dueAt: null,
    createdAt: '2026-11-27T01:00:00.000Z',
    updatedAt: '2026-11-27T01:15:00.000Z',
    publishedAt: null,
    trashedAt: null,
    revision: 1,
    comments: [],
    history: [],
    ...overrides,
  });
}

describe('the article page', () => {
  it('escapes every text', () => {
    const html = renderArticlePage({ article: article(), settings: defaultSettings() });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Sapo &lt;b&gt;không&lt;/b&gt; phải HTML');
    expect(html).toContain('<strong><a href="https://cantho.gov.vn/?a=1&amp;b=&quot;2&quot;">Trang</a></strong>');
  });

  it('is a Vietnamese page with its date in Vietnam time and NewsArticle data', () => {
    const html = renderArticlePage({ article: article(), settings: defaultSettings() });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<time datetime="2026-11-27T08:15:00+07:00">Thứ Sáu, 27/11/2026 - 08:15</time>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: 'Bình Thủy đẩy mạnh việc học tập', articleSection: 'Thời sự', keywords: 'giáo dục' });
  });

  it('cannot be broken out of its JSON-LD block', () => {
    const html = renderArticlePage({ article: article({ headline: '</script><script>alert(1)</script>' }), settings: defaultSettings() });
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
