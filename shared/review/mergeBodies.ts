import { diffArrays } from 'diff';
import { diff3Merge } from 'node-diff3';
import type { Block, BodyDoc } from '../model/body';

/**
 * Merging two versions of an article's body by hand (a sync conflict, issue 15), block by block
 * (paragraphs, headings, quotes, lists, photos, tables: the body's top-level blocks).
 *
 * With the version both grew from (`common`), a three-way merge (node-diff3): a block changed,
 * added or removed in one version only is taken from it without asking; only where both changed
 * the same place differently is there a choice to make. Without it, every place where the two
 * differ is a choice (nothing tells which side changed it).
 */

export type MergePart = { kind: 'same'; blocks: Block[] } | { kind: 'choice'; mine: Block[]; theirs: Block[] };

export interface BodyMerge {
  parts: MergePart[];
  /** Places changed in one version only, taken from it (three-way merge only). */
  taken: number;
  /** Places where the two differ and the user chooses (`parts` of kind 'choice'). */
  choices: number;
}

/** What is kept at a place of choice: one version's blocks, or both (this one's first). */
export const MERGE_CHOICES = ['mine', 'theirs', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];
/** Until the user chooses: both, so that nothing is lost. */
export const UNCHOSEN: MergeChoice = 'both';

const keyOf = (block: Block) => JSON.stringify(block);

export function mergeBodies(mine: BodyDoc, theirs: BodyDoc, common: BodyDoc | null): BodyMerge {
  const blocks = new Map<string, Block>();
  const keys = (doc: BodyDoc) =>
    doc.content.map((block) => {
      const key = keyOf(block);
      blocks.set(key, block);
      return key;
    });
  const [a, b] = [keys(mine), keys(theirs)];
  const back = (list: string[]) => list.map((key) => blocks.get(key)!);
  const parts: MergePart[] = [];
  const same = (list: Block[]) => {
    if (!list.length) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'same') last.blocks.push(...list);
    else parts.push({ kind: 'same', blocks: [...list] });
  };
  let taken = 0;
  if (common) {
    const o = keys(common);
    const asked: Array<[start: number, end: number]> = [];
    for (const region of diff3Merge(a, o, b, { excludeFalseConflicts: true })) {
      if (region.ok) same(back(region.ok));
      else if (region.conflict) {
        parts.push({ kind: 'choice', mine: back(region.conflict.a), theirs: back(region.conflict.b) });
        asked.push([region.conflict.oIndex, region.conflict.oIndex + region.conflict.o.length]);
      }
    }
    // The changes either side made that were not asked about (the same change made on both counts once).
    const changes = new Set([...changesFrom(o, a), ...changesFrom(o, b)].filter(([start, end]) => !asked.some(([from, to]) => start <= to && from <= end)).map((change) => JSON.stringify(change)));
    taken = changes.size;
  } else {
    let pending: { mine: Block[]; theirs: Block[] } | null = null;
    for (const change of diffArrays(a, b)) {
      if (!change.added && !change.removed) {
        if (pending) parts.push({ kind: 'choice', ...pending });
        pending = null;
        same(back(change.value));
        continue;
      }
      pending ??= { mine: [], theirs: [] };
      (change.removed ? pending.mine : pending.theirs).push(...back(change.value));
    }
    if (pending) parts.push({ kind: 'choice', ...pending });
  }
  return { parts, taken, choices: parts.filter((part) => part.kind === 'choice').length };
}

/** The merged body, with `choices[i]` at the i-th place of choice ('both' where none is given: nothing lost). */
export function mergedBody(merge: BodyMerge, choices: readonly (MergeChoice | undefined)[]): BodyDoc {
  const content: Block[] = [];
  let index = 0;
  for (const part of merge.parts) {
    if (part.kind === 'same') {
      content.push(...part.blocks);
      continue;
    }
    const choice = choices[index++] ?? UNCHOSEN;
    if (choice !== 'theirs') content.push(...part.mine);
    if (choice !== 'mine') content.push(...part.theirs);
  }
  return { type: 'doc', content };
}

/**
 * A field (headline, sapo) for the merge to start from: the other version's where only it changed
 * since the common version, this one's otherwise (changed here, changed in both, or no common one).
 */
export function mergedField(mine: string, theirs: string, common: string | null): string {
  return common !== null && mine === common && theirs !== common ? theirs : mine;
}

/** Each place `changed` differs from `base`: the range of `base` replaced, and what replaced it. */
function changesFrom(base: string[], changed: string[]): Array<[start: number, end: number, added: string[]]> {
  const out: Array<[number, number, string[]]> = [];
  let at = 0;
  let current: [number, number, string[]] | null = null;
  for (const change of diffArrays(base, changed)) {
    if (!change.added && !change.removed) {
      if (current) out.push(current);
      current = null;
      at += change.value.length;
      continue;
    }
    current ??= [at, at, []];
    if (change.removed) {
      current[1] += change.value.length;
      at += change.value.length;
    } else current[2].push(...change.value);
  }
  if (current) out.push(current);
  return out;
}
