import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { ApiFailure } from '../../electron/library/errors';
import type { CallContext } from '../../shared/api/contract';
import type { Profile } from '../../shared/review/people';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { electronTransport, webTransport } from '../helpers/transports';
import { moveTo } from '../helpers/workflow';

let dir: string;
let library: LibraryService;
let counter = 0;

const PROFILES: Profile[] = [
  { id: 'thu-ha', name: 'Thu Hà', initials: 'TH', role: 'chief_editor' },
  { id: 'quoc-huy', name: 'Quốc Huy', initials: 'QH', role: 'section_editor' },
  { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' },
  { id: 'bao-ngoc', name: 'Bảo Ngọc', initials: 'BN', role: 'reporter' },
];
const as = (profileId: string): CallContext => ({ profileId });
const CHIEF = as('thu-ha');
const EDITOR = as('quoc-huy');
const REPORTER = as('minh-anh');
const OTHER_REPORTER = as('bao-ngoc');

beforeEach(async () => {
  dir = await makeTempDir();
  library = await LibraryService.open({ dataDir: join(dir, 'library'), newId: () => `a-${++counter}` });
  await library.saveSettings({ changes: { profiles: PROFILES } }, {});
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).code;
}

const draft = async (context: CallContext) => {
  const created = await library.createArticle({ headline: 'Ngập nặng trên đường Nguyễn Văn Cừ sau mưa lớn', byline: 'Minh Anh' }, context);
  return created;
};

describe('who may do what, enforced by the service', () => {
  it('refuses a reporter publishing or approving, and changes nothing; an editor may', async () => {
    const article = await draft(REPORTER);
    // No one publishes a draft: the workflow has no such move.
    expect(await refused(library.setStatus({ id: article.id, baseRevision: article.revision, status: 'published' }, CHIEF))).toBe('invalid_input');
    expect(await library.getArticle({ id: article.id })).toMatchObject({ status: 'draft', revision: article.revision });
    // A reporter still hands their work in.
    const submitted = await library.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' }, REPORTER);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: submitted.revision, status: 'approved' }, OTHER_REPORTER))).toBe('forbidden');
    const approved = await library.setStatus({ id: article.id, baseRevision: submitted.revision, status: 'approved', note: 'Tốt, đăng sáng mai.' }, EDITOR);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: approved.revision, status: 'published' }, REPORTER))).toBe('forbidden');
    expect(await library.getArticle({ id: article.id })).toMatchObject({ status: 'approved', revision: approved.revision });
    const published = await library.setStatus({ id: article.id, baseRevision: approved.revision, status: 'published' }, EDITOR);
    expect(published.status).toBe('published');
    // Taking it off the site is publishing too.
    expect(await refused(library.setStatus({ id: article.id, baseRevision: published.revision, status: 'approved' }, REPORTER))).toBe('forbidden');
    // The history says who did each step, by name and profile.
    expect(published.history.map((event) => [event.kind, event.to, event.by, event.profileId, event.note])).toEqual([
      ['created', 'draft', 'Minh Anh', 'minh-anh', undefined],
      ['status', 'submitted', 'Minh Anh', 'minh-anh', undefined],
      ['status', 'approved', 'Quốc Huy', 'quoc-huy', 'Tốt, đăng sáng mai.'],
      ['status', 'published', 'Quốc Huy', 'quoc-huy', undefined],
    ]);
    expect((await library.listRevisions({ id: article.id })).entries[0]).toMatchObject({ kind: 'status', by: 'Quốc Huy' });
  });

  it('refuses a call that names no profile (or an unknown one) once the library has profiles', async () => {
    const article = await draft(CHIEF);
    const submitted = await library.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' }, CHIEF);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: submitted.revision, status: 'approved' }, {}))).toBe('forbidden');
    expect(await refused(library.setStatus({ id: article.id, baseRevision: submitted.revision, status: 'approved' }, as('nobody')))).toBe('forbidden');
  });

  it('lets the author change their own byline and editors anyone’s, but not another reporter', async () => {
    const article = await draft(REPORTER);
    const own = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { byline: 'Minh Anh - Quốc Huy' } }, REPORTER);
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: own.revision, changes: { byline: 'Bảo Ngọc' } }, OTHER_REPORTER))).toBe('forbidden');
    // The rest of the other reporter's edit is fine.
    const edited = await library.saveArticle({ id: article.id, baseRevision: own.revision, changes: { sapo: 'Mưa lớn kéo dài.' } }, OTHER_REPORTER);
    const corrected = await library.saveArticle({ id: article.id, baseRevision: edited.revision, changes: { byline: 'Minh Anh' } }, EDITOR);
    expect(corrected.byline).toBe('Minh Anh');
  });

  it('lets a reporter put only their own article in the trash', async () => {
    const mine = await draft(REPORTER);
    const theirs = await draft(OTHER_REPORTER);
    expect((await library.trashArticle({ id: mine.id }, REPORTER)).trashedAt).not.toBeNull();
    expect(await refused(library.trashArticle({ id: theirs.id }, REPORTER))).toBe('forbidden');
    expect((await library.trashArticle({ id: theirs.id }, EDITOR)).trashedAt).not.toBeNull();
  });

  it('lets only those who may publish change what is live, or take it off the site by the trash', async () => {
    const article = await draft(REPORTER);
    const published = await moveTo(library, await library.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' }, REPORTER), 'published', EDITOR);
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: published.revision, changes: { headline: 'Tít khác' } }, REPORTER))).toBe('forbidden');
    expect(await refused(library.trashArticle({ id: article.id }, REPORTER))).toBe('forbidden');
    expect(await refused(library.restoreRevision({ id: article.id, baseRevision: published.revision, revision: 1 }, REPORTER))).toBe('forbidden');
    expect(await library.getArticle({ id: article.id })).toMatchObject({ revision: published.revision, status: 'published', trashedAt: null });
    const corrected = await library.saveArticle({ id: article.id, baseRevision: published.revision, changes: { sapo: 'Đính chính: mưa kéo dài ba giờ.' } }, EDITOR);
    expect(corrected.status).toBe('published');
  });

  it('leaves roles and the policy to the chief editor; anyone may add a profile', async () => {
    const settings = await library.getSettings({});
    const newcomer: Profile = { id: 'lan-chi', name: 'Lan Chi', initials: 'LC', role: 'reporter' };
    expect((await library.saveSettings({ changes: { profiles: [...settings.profiles, newcomer] } }, REPORTER)).profiles).toHaveLength(5);
    // …but not an editor, and not someone else's name.
    expect(await refused(library.saveSettings({ changes: { profiles: [...settings.profiles, newcomer, { id: 'boss', name: 'Sếp', initials: 'S', role: 'chief_editor' }] } }, REPORTER))).toBe('forbidden');
    const renamed = [...settings.profiles, newcomer].map((p) => (p.id === 'thu-ha' ? { ...p, name: 'Ai đó' } : p));
    expect(await refused(library.saveSettings({ changes: { profiles: renamed } }, REPORTER))).toBe('forbidden');
    const promoted = PROFILES.map((p) => (p.id === 'minh-anh' ? { ...p, role: 'chief_editor' as const } : p));
    expect(await refused(library.saveSettings({ changes: { profiles: [...promoted, newcomer] } }, REPORTER))).toBe('forbidden');
    expect(await refused(library.saveSettings({ changes: { profiles: PROFILES } }, EDITOR))).toBe('forbidden');
    expect(await refused(library.saveSettings({ changes: { policy: { ...settings.policy, publish: ['reporter'] } } }, EDITOR))).toBe('forbidden');
    expect((await library.saveSettings({ changes: { policy: { ...settings.policy, publish: ['chief_editor'] } } }, CHIEF)).policy.publish).toEqual(['chief_editor']);
    const article = await draft(EDITOR);
    const approved = await moveTo(library, article, 'approved', EDITOR);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: approved.revision, status: 'published' }, EDITOR))).toBe('forbidden');
  });
});

describe('the library views of a profile', () => {
  it('lists what is assigned to me, and what is past its deadline and not finished', async () => {
    const now = Date.now();
    const iso = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    const mine = await library.createArticle({ headline: 'Bài của tôi' }, EDITOR);
    // A deadline an hour ago, written in another time zone's clock, is past all the same.
    const anHourAgoInSydney = new Date(now - 3_600_000 + 10 * 3_600_000).toISOString().replace('Z', '+10:00');
    await library.saveArticle({ id: mine.id, baseRevision: mine.revision, changes: { assignee: 'minh-anh', dueAt: anHourAgoInSydney } }, EDITOR);
    const later = await library.createArticle({ headline: 'Hạn ngày mai' }, EDITOR);
    await library.saveArticle({ id: later.id, baseRevision: later.revision, changes: { assignee: 'minh-anh', dueAt: iso(24) } }, EDITOR);
    const theirs = await library.createArticle({ headline: 'Bài của Bảo Ngọc' }, EDITOR);
    const late = await library.saveArticle({ id: theirs.id, baseRevision: theirs.revision, changes: { assignee: 'bao-ngoc', dueAt: iso(-1) } }, EDITOR);
    const headlines = async (view: 'mine' | 'overdue', context: CallContext) => (await library.listArticles({ view }, context)).items.map((s) => s.headline).sort();
    expect(await headlines('mine', REPORTER)).toEqual(['Bài của tôi', 'Hạn ngày mai']);
    expect(await headlines('mine', {})).toEqual([]);
    expect(await headlines('overdue', REPORTER)).toEqual(['Bài của Bảo Ngọc', 'Bài của tôi']);
    // Spiked, it is no longer overdue.
    await library.setStatus({ id: theirs.id, baseRevision: late.revision, status: 'spiked' }, EDITOR);
    expect(await headlines('overdue', REPORTER)).toEqual(['Bài của tôi']);
  });
});

describe.each(['ipc', 'web'] as const)('the profile through the %s transport', (name) => {
  it('reaches the service with each call', async () => {
    const transport = name === 'ipc' ? electronTransport(library) : await webTransport(library, join(dir, 'static'));
    try {
      const created = await transport.api.createArticle({ headline: 'Tin qua cầu nối' }, REPORTER);
      if (!created.ok) throw new Error(created.error.message);
      expect(created.value.history[0]).toMatchObject({ by: 'Minh Anh', profileId: 'minh-anh' });
      const submitted = await transport.api.setStatus({ id: created.value.id, baseRevision: created.value.revision, status: 'submitted' }, REPORTER);
      if (!submitted.ok) throw new Error(submitted.error.message);
      const refusedCall = await transport.api.setStatus({ id: created.value.id, baseRevision: submitted.value.revision, status: 'approved' }, REPORTER);
      expect(refusedCall).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      if ('host' in transport) await transport.host.close();
    }
  });
});
