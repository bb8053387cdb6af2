import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonText } from '../../electron/library/atomicFile';
import { LIBRARY_SCHEMA_VERSION } from '../../electron/library/libraryFile';
import { summarize, type Article, type ArticleStatus } from '../../shared/model/article';
import { newArticle } from '../../shared/model/articleUpdates';
import { defaultSettings } from '../../shared/model/settings';
import type { Profile } from '../../shared/review/people';

/** The people a seeded library has: the chief editor the e2e tests act as (CHIEF_EDITOR), a reporter and a section editor. */
export const SEEDED_PROFILES: Profile[] = [
  { id: 'thu-ha', name: 'Thu Hà', initials: 'TH', role: 'chief_editor' },
  { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' },
  { id: 'quoc-huy', name: 'Quốc Huy', initials: 'QH', role: 'section_editor' },
];

const PLACES = ['Ninh Kiều', 'Bình Thủy', 'Cái Răng', 'Ô Môn', 'Thốt Nốt', 'Phong Điền', 'Cờ Đỏ', 'Vĩnh Thạnh'];
const TOPICS = ['đẩy mạnh học tập suốt đời', 'khởi công cầu mới', 'giá lúa tăng mạnh', 'chống ngập mùa triều cường', 'đón khách du lịch', 'sửa chữa trường học', 'tiêm chủng mở rộng', 'giải bóng đá thiếu niên'];
const STATUSES: ArticleStatus[] = ['draft', 'submitted', 'review', 'changes_requested', 'approved', 'published', 'draft', 'submitted'];
const TAGS = ['Cần Thơ', 'Giáo dục', 'Giao thông', 'Nông nghiệp', 'Du lịch', 'Bóng đá', 'Sức khỏe', 'Đô thị'];

export interface SeedOptions {
  /** Changes to the n-th article (0-based) before it is written: a phrase in its body, a headline… */
  tweak?: (article: Article, n: number) => Article;
  /** The moment the library was "now" for: articles were saved during the 400 days before it. */
  now?: Date;
}

/**
 * A library of `count` articles written straight to disk, as the service would have written them
 * (the bench's way: fast, no flushes), for tests that need a large library. Headlines, sections,
 * statuses, assignees, deadlines and tags vary with the article's number, so filters and orders
 * have something to do; article n's headline starts "Tin số n:".
 */
export async function seedManyArticles(dataDir: string, count: number, { tweak, now = new Date() }: SeedOptions = {}): Promise<void> {
  await mkdir(join(dataDir, 'articles'), { recursive: true });
  const settings = { ...defaultSettings(), profiles: SEEDED_PROFILES };
  const catalog = [];
  for (let start = 0; start < count; start += 500) {
    const writes: Promise<void>[] = [];
    for (let n = start; n < Math.min(count, start + 500); n++) {
      const at = new Date(now.getTime() - ((n * 7919) % (400 * 1440)) * 60_000).toISOString();
      const section = settings.sections[n % settings.sections.length]!.slug;
      let article = newArticle(
        {
          id: `seed${String(n).padStart(6, '0')}`,
          slug: `tin-so-${n}`,
          fields: {
            headline: `Tin số ${n}: ${PLACES[n % PLACES.length]} ${TOPICS[(n >> 3) % TOPICS.length]}`,
            sapo: `Sapo của tin số ${n}.`,
            byline: 'Phóng viên',
            section,
            tags: [TAGS[n % TAGS.length]!],
            assignee: n % 3 === 0 ? '' : SEEDED_PROFILES[1 + (n % 2)]!.id,
            dueAt: n % 5 === 0 ? new Date(now.getTime() + ((n % 11) - 5) * 86_400_000).toISOString() : null,
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Nội dung của tin số ${n} về quận ${PLACES[n % PLACES.length]}.` }] }] },
          },
        },
        { at, by: 'Phóng viên' },
      );
      const status = STATUSES[n % STATUSES.length]!;
      article = { ...article, status, publishedAt: status === 'published' ? at : null };
      if (tweak) article = tweak(article, n);
      catalog.push(summarize(article));
      writes.push(writeFile(join(dataDir, 'articles', `${article.id}.json`), jsonText(article)));
    }
    await Promise.all(writes);
  }
  await writeFile(join(dataDir, 'library.json'), jsonText({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings, catalog }));
}
