import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BodyDoc } from '../../shared/model/body';
import { LibraryService } from '../../electron/library/LibraryService';
import { defaultChecklistSettings } from '../../shared/review/checklist';
import { moveTo } from './workflow';

/** How far back the seeded library's clock starts: its minutes (one per call) then end well before now. */
const SEED_HOURS_AGO = 24;

/**
 * A library of `count` published articles that together use every block type, short and long
 * headlines, quotes, tables, photos with captions, Vietnamese and English, through the real API.
 * Its times start a day before it is seeded, a minute per call: every article is in the news
 * sitemap's two days, and none comes near that window's edge while the tests run (with fixed
 * dates, an article leaving the window between two exports made the second one write a file).
 */
export async function seedLibrary(dataDir: string, count = 52): Promise<void> {
  const start = Math.floor((Date.now() - SEED_HOURS_AGO * 3_600_000) / 60_000) * 60_000;
  const library = await LibraryService.open({ dataDir, now: () => new Date(start + counter++ * 60_000) });
  let counter = 0;
  try {
    await library.saveSettings({
      changes: {
        paperName: 'Báo Cần Thơ Mới',
        // This newsroom runs unsigned items (a byline left empty is a reminder, not a stop): the
        // site's pages must hold up without one.
        checklist: { ...defaultChecklistSettings(), severities: { byline: 'warning' } },
        tagline: 'Tin tức Cần Thơ mỗi ngày',
        baseUrl: 'https://baocantho.example',
        feedbackEmail: 'toasoan@baocantho.example',
        // The form (rather than the mail link) is the riskier markup: it is what the gates check.
        feedbackFormAction: 'https://baocantho.example/phan-hoi',
        websiteLinks: [
          { name: 'Cổng thông tin thành phố', url: 'https://cantho.gov.vn' },
          { name: 'Báo Nhân Dân', url: 'https://nhandan.vn' },
        ],
        footerText: 'Báo Cần Thơ Mới - Giấy phép số 00/GP-BTTTT. Địa chỉ: Ninh Kiều, Cần Thơ.',
      },
    });
    const png = await readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
    const { assetId } = await library.importAsset({ fileName: 'cau.png', dataBase64: png.toString('base64') });
    const sections = ['thoi-su', 'kinh-te', 'xa-hoi', 'giao-duc', 'van-hoa-giai-tri', 'the-thao'];
    const tagPool = ['Cần Thơ', 'Giáo dục', 'Giao thông', 'Nông nghiệp', 'Du lịch', 'Bóng đá', 'Sức khỏe'];
    for (let i = 0; i < count; i++) {
      const english = i % 7 === 3;
      // Text that must be escaped everywhere (HTML, JSON-LD, sitemap, RSS).
      const awkward = i % 9 === 4;
      const long = i % 5 === 0;
      const headline = english
        ? `Mekong Delta city opens river festival, edition ${i}`
        : long
          ? `Thành phố Cần Thơ triển khai đồng bộ nhiều giải pháp nâng cao chất lượng giáo dục, y tế và đời sống người dân vùng ven (số ${i})`
          : `Bình Thủy đẩy mạnh học tập suốt đời - bài ${i}`;
      const created = await library.createArticle({ headline: awkward ? `Giá "lúa" & <gạo> 'tăng' </script> ${i}` : headline, section: sections[i % sections.length] });
      const body: BodyDoc = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: english ? 'The city opened its annual festival on Friday.' : 'Sáng 27/11, UBND quận tổ chức hội nghị tổng kết phong trào học tập.' }] },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: english ? 'Boats and lanterns' : 'Kết quả nổi bật' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Theo ' },
              { type: 'text', text: 'Sở Giáo dục', marks: [{ type: 'bold' }] },
              { type: 'text', text: ', tỷ lệ đạt ' },
              { type: 'text', text: '95', marks: [{ type: 'italic' }] },
              { type: 'text', text: '% (CO' },
              { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
              { type: 'text', text: ', m' },
              { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
              { type: 'text', text: '). Xem ' },
              { type: 'text', text: 'cổng thông tin', marks: [{ type: 'link', attrs: { href: 'https://cantho.gov.vn' } }] },
              { type: 'text', text: '.' },
            ],
          },
          ...(i % 2 === 0
            ? ([
                { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Học tập là việc cả đời”, ông Nguyễn Văn Đức nói.' }] }] },
                { type: 'pullQuote', attrs: { cite: 'Ông Nguyễn Văn Đức' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mỗi người dân là một công dân học tập.' }] }] },
              ] as BodyDoc['content'])
            : []),
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Các mô hình' }] },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tủ sách cộng đồng' }] }] },
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Lớp học tiếng Anh miễn phí' }] }] },
            ],
          },
          { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bước ba' }] }] }] },
          ...(i % 3 === 0
            ? ([
                { type: 'figure', attrs: { assetId, alt: 'Cầu Cần Thơ nhìn từ bờ sông', caption: 'Trong ảnh: cầu Cần Thơ lúc bình minh', credit: 'Ảnh: Minh Anh' } },
                {
                  type: 'table',
                  content: [
                    { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quận' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Số lớp' }] }] }] },
                    { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ninh Kiều' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '42' }] }] }] },
                  ],
                },
              ] as BodyDoc['content'])
            : []),
          { type: 'horizontalRule' },
          { type: 'paragraph', content: [{ type: 'text', text: 'Dòng một' }, { type: 'hardBreak' }, { type: 'text', text: 'dòng hai.' }] },
        ],
      };
      const saved = await library.saveArticle({
        id: created.id,
        baseRevision: created.revision,
        changes: {
          sapo: english ? 'Thousands of visitors came to see the lantern parade.' : 'Quận Bình Thủy triển khai nhiều mô hình học tập suốt đời cho người dân.',
          byline: i % 4 === 0 ? '' : 'Minh Anh - Quốc Huy',
          tags: awkward ? ['C++', 'C', 'R&D <2026>'] : [tagPool[i % tagPool.length]!, tagPool[(i * 3 + 1) % tagPool.length]!],
          featuredImage: i % 2 === 0 ? { assetId, caption: 'Trong ảnh: cầu Cần Thơ', credit: 'Ảnh: Quốc Huy', alt: 'Cầu dây văng bắc qua sông Hậu' } : null,
          body,
        },
      });
      await moveTo(library, saved, i === count - 1 ? 'review' : 'published');
    }
  } finally {
    await library.dispose();
  }
}
