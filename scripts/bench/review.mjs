// Review figures: the diff of two revisions of a 20,000-syllable article (p50), beside jsdiff's own
// word diff of the same two texts (the library call alone, on the whole body's text), and the
// pre-publish checklist on the same article (p50).
import { diffWordsWithSpace } from 'diff';
import { bundleForBench } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom } from './vietnameseText.mjs';

const RUNS = 30;
const SYLLABLES = 20_000;

const load = () =>
  bundleForBench('review', {
    'shared/review/diff': ['diffArticles'],
    'shared/review/checklist': ['runChecklist', 'checklistConfig', 'defaultChecklistSettings'],
    'shared/model/body': ['bodyToPlainText', 'bodyWordCount'],
    'shared/review/suggestions': ['bodyAsRejected', 'hasSuggestions'],
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(fn) {
  const times = [];
  fn(); // warm up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The later version: thirty edits scattered through the text, as an editor's pass makes them. */
function edited(texts, random) {
  const out = [...texts];
  const pick = () => Math.floor(random() * out.length);
  for (let i = 0; i < 20; i++) {
    const at = pick();
    const words = out[at].split(' ');
    const w = 1 + Math.floor(random() * (words.length - 2));
    words.splice(w, 1, 'hoà', 'thuận');
    out[at] = words.join(' ');
  }
  for (let i = 0; i < 2; i++) {
    const at = pick();
    const words = out[at].split(' ');
    const half = Math.floor(words.length / 2);
    out.splice(at, 1, words.slice(0, half).join(' '), words.slice(half).join(' '));
  }
  const merged = pick();
  out.splice(merged, 2, `${out[merged]} ${out[merged + 1] ?? ''}`.trim());
  const [moved] = out.splice(pick(), 1);
  out.splice(pick(), 0, moved);
  for (let i = 0; i < 3; i++) out.splice(pick(), 0, 'Phóng viên ghi nhận tại hiện trường sáng nay, mưa lớn kéo dài khiến nhiều tuyến đường ngập sâu.');
  for (let i = 0; i < 2; i++) out.splice(pick(), 1);
  return out;
}

/** The same body with a reviewer's pass in suggestion mode: a word suggested into 40 paragraphs, another suggested out of 20. */
function withSuggestions(body, random) {
  const content = body.content.map((block) => ({ ...block }));
  for (let i = 0; i < 60; i++) {
    const at = Math.floor(random() * content.length);
    const block = content[at];
    const text = block.content?.[0]?.text;
    if (block.type !== 'paragraph' || !text || block.content.length !== 1) continue;
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    if (cut < 0) continue;
    const mark = i < 40 ? { type: 'insertion', attrs: { id: `quoc-huy:${i + 1}` } } : { type: 'deletion', attrs: { id: `quoc-huy:${i + 1}` } };
    const middle = i < 40 ? { type: 'text', text: ' hoà thuận', marks: [mark] } : null;
    const [head, tail] = [text.slice(0, cut), text.slice(cut)];
    const tailWords = tail.trim().split(' ');
    block.content = middle
      ? [{ type: 'text', text: head }, middle, { type: 'text', text: tail }]
      : [{ type: 'text', text: `${head} ` }, { type: 'text', text: tailWords[0], marks: [mark] }, { type: 'text', text: ` ${tailWords.slice(1).join(' ')}` }];
  }
  return { ...body, content };
}

export async function runReviewBench() {
  const { diffArticles, runChecklist, checklistConfig, defaultChecklistSettings, bodyToPlainText, bodyWordCount, bodyAsRejected, hasSuggestions } = await load();
  const random = seededRandom(10);
  const texts = paragraphs(SYLLABLES, random);
  const fields = { headline: 'Cần Thơ khởi công cầu Trần Hoàng Na', sapo: 'Sáng 27/11, UBND TP Cần Thơ khởi công cầu Trần Hoàng Na.', byline: 'Minh Anh', section: 'thoi-su', tags: ['Cần Thơ'], slug: 'cau-tran-hoang-na', status: 'review', featuredImage: null };
  const before = { ...fields, body: bodyOf(texts) };
  const after = { ...fields, headline: `${fields.headline} hơn 1.000 tỉ đồng`, body: bodyOf(edited(texts, random)) };
  const diff = diffArticles(before, after);
  const diffMs = time(() => diffArticles(before, after));
  const [plainBefore, plainAfter] = [bodyToPlainText(before.body), bodyToPlainText(after.body)];
  const rawMs = time(() => diffWordsWithSpace(plainBefore, plainAfter));
  const config = checklistConfig(defaultChecklistSettings(), { headlineLimit: 100 });
  const context = { slugTaken: () => false };
  const findings = runChecklist({ id: 'a', ...after }, config, context).length;
  const checklistMs = time(() => runChecklist({ id: 'a', ...after }, config, context));
  // What every save pays to count words "as if suggestions were rejected": nothing to do without
  // suggestions (a walk of the JSON), the suggestion library's revert with 60 pending ones.
  const suggested = withSuggestions(after.body, random);
  const plainCheckMs = time(() => bodyAsRejected(after.body));
  const rejectedMs = time(() => bodyAsRejected(suggested));
  const countMs = time(() => bodyWordCount(after.body));
  return {
    syllables: bodyWordCount(after.body),
    blocks: after.body.content.length,
    changes: diff.stats.changes,
    diffMs,
    rawMs,
    checklistMs,
    findings,
    pending: hasSuggestions(suggested) ? 60 : 0,
    plainCheckMs,
    rejectedMs,
    countMs,
  };
}
