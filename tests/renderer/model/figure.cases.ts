import { ASSET, type RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a photo with alt text, caption and credit',
    editorHtml: `<figure data-asset-id="${ASSET}" class="figure"><img src="assets/${ASSET}" alt="Cầu Cần Thơ nhìn từ bờ sông"><figcaption><span class="caption">Trong ảnh: cầu Cần Thơ lúc bình minh</span> <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>`,
    stored: [{ type: 'figure', attrs: { assetId: ASSET, alt: 'Cầu Cần Thơ nhìn từ bờ sông', caption: 'Trong ảnh: cầu Cần Thơ lúc bình minh', credit: 'Ảnh: Minh Anh' } }],
    page: `<figure><img src="assets/${ASSET}" alt="Cầu Cần Thơ nhìn từ bờ sông" loading="lazy"><figcaption>Trong ảnh: cầu Cần Thơ lúc bình minh <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>`,
  },
  {
    name: 'a photo with no caption yet',
    editorHtml: `<figure data-asset-id="${ASSET}" class="figure"><img src="assets/${ASSET}" alt=""><figcaption><span class="caption"></span> <span class="credit"></span></figcaption></figure>`,
    stored: [{ type: 'figure', attrs: { assetId: ASSET, alt: '', caption: '', credit: '' } }],
    page: `<figure><img src="assets/${ASSET}" alt="" loading="lazy"></figure>`,
  },
];
