import { describe, expect, it } from 'vitest';
import { bodyToPlainText, plainTextToBody, type BodyDoc } from '../../shared/model/body';
import { mergeBodies, mergedBody, mergedField } from '../../shared/review/mergeBodies';
import { seededRandom } from '../helpers/crashProtocol';

// Merging two versions of a body by hand (a sync conflict): block by block, three-way when the
// common version is known.

const body = (...lines: string[]) => plainTextToBody(lines.join('\n'));
const lines = (doc: BodyDoc) => bodyToPlainText(doc).split('\n').filter(Boolean);

const COMMON = ['Sáng 29/11, cầu Cần Thơ thông xe trở lại.', 'Xe tải trên 10 tấn vẫn phải đi đường vòng.', 'Ông Trần Việt Trường cho biết sẽ theo dõi thêm.', 'Người dân phấn khởi.'];

describe('three-way, with the common version', () => {
  it('takes a change made on one side only, from either side, without asking', () => {
    const mine = body('Sáng 29/11, cầu Cần Thơ chính thức thông xe trở lại.', ...COMMON.slice(1));
    const theirs = body(...COMMON.slice(0, 3), 'Người dân rất phấn khởi.', 'Giao thông qua cầu đã ổn định.');
    const merge = mergeBodies(mine, theirs, body(...COMMON));
    expect(merge.choices).toBe(0);
    expect(merge.taken).toBe(2);
    expect(lines(mergedBody(merge, []))).toEqual([
      'Sáng 29/11, cầu Cần Thơ chính thức thông xe trở lại.',
      COMMON[1],
      COMMON[2],
      'Người dân rất phấn khởi.',
      'Giao thông qua cầu đã ổn định.',
    ]);
  });

  it('takes a paragraph deleted on one side as deleted, and the same change made on both once', () => {
    const mine = body(COMMON[0]!, COMMON[2]!, COMMON[3]!, 'Đoạn thêm giống nhau.');
    const theirs = body(...COMMON, 'Đoạn thêm giống nhau.');
    const merge = mergeBodies(mine, theirs, body(...COMMON));
    expect(merge.choices).toBe(0);
    expect(merge.taken).toBe(2);
    expect(lines(mergedBody(merge, []))).toEqual([COMMON[0], COMMON[2], COMMON[3], 'Đoạn thêm giống nhau.']);
  });

  it('asks where both changed the same paragraph: this one, the other, or both (this one first), nothing lost by default', () => {
    const mine = body(COMMON[0]!, 'Xe tải trên 10 tấn phải đi qua cầu Cần Thơ 2.', ...COMMON.slice(2));
    const theirs = body(COMMON[0]!, 'Xe trên 10 tấn chưa được qua cầu.', ...COMMON.slice(2, 3), 'Người dân phấn khởi đón tin vui.');
    const merge = mergeBodies(mine, theirs, body(...COMMON));
    expect(merge.choices).toBe(1);
    // (The last paragraph, changed by the other alone, is taken; the second is asked.)
    expect(merge.taken).toBe(1);
    expect(merge.parts.filter((part) => part.kind === 'choice')).toHaveLength(1);
    const rest = [COMMON[2], 'Người dân phấn khởi đón tin vui.'];
    expect(lines(mergedBody(merge, ['mine']))).toEqual([COMMON[0], 'Xe tải trên 10 tấn phải đi qua cầu Cần Thơ 2.', ...rest]);
    expect(lines(mergedBody(merge, ['theirs']))).toEqual([COMMON[0], 'Xe trên 10 tấn chưa được qua cầu.', ...rest]);
    const both = [COMMON[0], 'Xe tải trên 10 tấn phải đi qua cầu Cần Thơ 2.', 'Xe trên 10 tấn chưa được qua cầu.', ...rest];
    expect(lines(mergedBody(merge, ['both']))).toEqual(both);
    expect(lines(mergedBody(merge, []))).toEqual(both);
  });

  it('counts bold on a name as a change of that paragraph', () => {
    const common = body(...COMMON);
    const bold: BodyDoc = structuredClone(common);
    bold.content[2] = { type: 'paragraph', content: [{ type: 'text', text: 'Ông ' }, { type: 'text', text: 'Trần Việt Trường', marks: [{ type: 'bold' }] }, { type: 'text', text: ' cho biết sẽ theo dõi thêm.' }] };
    const merge = mergeBodies(common, bold, common);
    expect(merge.choices).toBe(0);
    expect(mergedBody(merge, [])).toEqual(bold);
  });

  it('on random edits: nothing changed on one side gives the other exactly, with nothing to choose; "both" keeps every paragraph either side added', () => {
    const random = seededRandom(15);
    const pick = (n: number) => Math.floor(random() * n);
    const edit = (from: string[], tag: string): string[] => {
      const out = [...from];
      for (let i = 0, n = 1 + pick(4); i < n; i++) {
        const at = pick(out.length + 1);
        const kind = pick(3);
        if (kind === 0 || out.length === 0) out.splice(at, 0, `Đoạn mới ${tag}${i} về Ninh Kiều.`);
        else if (kind === 1) out.splice(Math.min(at, out.length - 1), 1);
        else out[Math.min(at, out.length - 1)] = `Đoạn sửa ${tag}${i}: ${out[Math.min(at, out.length - 1)]}`;
      }
      return out;
    };
    for (let round = 0; round < 200; round++) {
      const common = Array.from({ length: 2 + pick(8) }, (_, i) => `Đoạn gốc ${round}.${i} ở Cái Răng.`);
      const mine = edit(common, 'A');
      const theirs = edit(common, 'B');
      const alone = mergeBodies(body(...mine), body(...common), body(...common));
      expect(alone.choices).toBe(0);
      expect(lines(mergedBody(alone, []))).toEqual(mine);
      const other = mergeBodies(body(...common), body(...theirs), body(...common));
      expect(lines(mergedBody(other, []))).toEqual(theirs);

      const merge = mergeBodies(body(...mine), body(...theirs), body(...common));
      const kept = lines(mergedBody(merge, []));
      for (const line of [...mine, ...theirs].filter((text) => !common.includes(text))) expect(kept).toContain(line);
    }
  });
});

describe('two-way, without the common version', () => {
  it('keeps what both have and asks at every place they differ', () => {
    const mine = body(COMMON[0]!, 'Đoạn của máy A.', COMMON[2]!);
    const theirs = body(COMMON[0]!, COMMON[2]!, 'Đoạn của máy B.');
    const merge = mergeBodies(mine, theirs, null);
    expect(merge.taken).toBe(0);
    expect(merge.choices).toBe(2);
    expect(lines(mergedBody(merge, []))).toEqual([COMMON[0], 'Đoạn của máy A.', COMMON[2], 'Đoạn của máy B.']);
    expect(lines(mergedBody(merge, ['theirs', 'mine']))).toEqual([COMMON[0], COMMON[2]]);
    expect(lines(mergedBody(merge, ['mine', 'theirs']))).toEqual([COMMON[0], 'Đoạn của máy A.', COMMON[2], 'Đoạn của máy B.']);
  });

  it('an empty body on one side: one choice, the whole other body', () => {
    const merge = mergeBodies(body(), body(...COMMON), null);
    expect(merge.choices).toBe(1);
    expect(lines(mergedBody(merge, ['mine']))).toEqual([]);
    expect(lines(mergedBody(merge, []))).toEqual(COMMON);
  });
});

describe('headline and sapo to start from', () => {
  it("takes the other version's only where it alone changed", () => {
    expect(mergedField('Tít gốc', 'Tít mới', 'Tít gốc')).toBe('Tít mới');
    expect(mergedField('Tít của tôi', 'Tít gốc', 'Tít gốc')).toBe('Tít của tôi');
    expect(mergedField('Tít của tôi', 'Tít của họ', 'Tít gốc')).toBe('Tít của tôi');
    expect(mergedField('Tít của tôi', 'Tít của họ', null)).toBe('Tít của tôi');
  });
});
