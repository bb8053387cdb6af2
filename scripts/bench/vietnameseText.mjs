// Realistic Vietnamese news text for benchmarks: sentences from a newsroom's everyday vocabulary,
// deterministic (seeded), so every run measures the same text.
const SYLLABLES = (
  'thành phố cần thơ ủy ban nhân dân quận bình thủy ninh kiều cái răng ô môn thốt nốt phong điền ' +
  'cờ đỏ vĩnh thạnh thới lai hội nghị tổng kết phong trào học tập suốt đời người dân tham gia ' +
  'đẩy mạnh phát triển kinh tế xã hội giáo dục y tế văn hóa thể thao giao thông đô thị nông nghiệp ' +
  'giá lúa tăng mạnh trong tuần qua theo sở nông nghiệp và phát triển nông thôn chủ tịch phó ' +
  'bí thư quận ủy thành ủy hội đồng nhân dân đại biểu cử tri kiến nghị giải quyết dự án công trình ' +
  'khởi công hoàn thành năm mới tháng trước sáng chiều tối ngày hôm nay ông bà anh chị em cho biết ' +
  'phóng viên báo ghi nhận tại hiện trường mưa lớn ngập nước triều cường sạt lở bờ sông hậu'
).split(' ');

export function seededRandom(seed = 20261127) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` syllables as paragraphs of 40–80 syllables, sentences capitalised. */
export function paragraphs(count, random = seededRandom(), words = SYLLABLES) {
  const out = [];
  let left = count;
  while (left > 0) {
    const size = Math.min(left, 40 + Math.floor(random() * 40));
    const picked = [];
    for (let i = 0; i < size; i++) picked.push(words[Math.floor(random() * words.length)]);
    let text = picked.join(' ');
    text = text.charAt(0).toUpperCase() + text.slice(1) + '.';
    out.push(text);
    left -= size;
  }
  return out;
}

export function bodyOf(texts) {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/**
 * The words of one topic: a few dozen of the vocabulary (as an article about floods uses other
 * words than one about rice prices), so that a search's words are in some articles, not all.
 */
export function topicWords(random, size = 50) {
  const words = [...new Set(SYLLABLES)];
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.slice(0, size);
}
