import { ASSET, type RoundTripCase } from './case';

const SHA = ASSET.slice(0, 64);

export const cases: RoundTripCase[] = [
  {
    name: 'a photo with alt text, caption and credit',
    editorHtml: `<figure data-asset-id="${ASSET}" class="figure"><img src="assets/${ASSET}" alt="Cầu Cần Thơ nhìn từ bờ sông"><figcaption><span class="caption">Trong ảnh: cầu Cần Thơ lúc bình minh</span> <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>`,
    stored: [{ type: 'figure', attrs: { assetId: ASSET, alt: 'Cầu Cần Thơ nhìn từ bờ sông', caption: 'Trong ảnh: cầu Cần Thơ lúc bình minh', credit: 'Ảnh: Minh Anh' } }],
    // Every width as WebP and JPEG, the column's sizes, the size against layout shift, loaded when scrolled to.
    page: `<figure><picture><source type="image/webp" srcset="assets/${SHA}-480.webp 480w, assets/${SHA}-800.webp 800w, assets/${SHA}-1200.webp 1200w, assets/${SHA}-1600.webp 1600w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px"><img src="assets/${SHA}-800.jpg" srcset="assets/${SHA}-480.jpg 480w, assets/${SHA}-800.jpg 800w, assets/${SHA}-1200.jpg 1200w, assets/${SHA}-1600.jpg 1600w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px" width="1600" height="1200" alt="Cầu Cần Thơ nhìn từ bờ sông" loading="lazy" decoding="async"></picture><figcaption>Trong ảnh: cầu Cần Thơ lúc bình minh <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>`,
  },
  {
    name: 'a photo with no caption yet',
    editorHtml: `<figure data-asset-id="${ASSET}" class="figure"><img src="assets/${ASSET}" alt=""><figcaption><span class="caption"></span> <span class="credit"></span></figcaption></figure>`,
    stored: [{ type: 'figure', attrs: { assetId: ASSET, alt: '', caption: '', credit: '' } }],
    page: `<figure><picture><source type="image/webp" srcset="assets/${SHA}-480.webp 480w, assets/${SHA}-800.webp 800w, assets/${SHA}-1200.webp 1200w, assets/${SHA}-1600.webp 1600w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px"><img src="assets/${SHA}-800.jpg" srcset="assets/${SHA}-480.jpg 480w, assets/${SHA}-800.jpg 800w, assets/${SHA}-1200.jpg 1200w, assets/${SHA}-1600.jpg 1600w" sizes="(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px" width="1600" height="1200" alt="" loading="lazy" decoding="async"></picture></figure>`,
  },
];
