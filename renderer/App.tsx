import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsdeskBridge } from '../shared/api/bridge';
import type { BundleSummary, StorageProblem } from '../shared/api/contract';
import { receiveArticles, receiveOpenedBundles, sendArticles } from './api/bundles';
import { BundleSummaryDialog } from './components/BundleSummaryDialog';
import { AboutDialog } from './components/AboutDialog';
import { CommandPalette } from './components/CommandPalette';
import { ariaKeyShortcut, formatShortcut } from '../shared/commandPalette';
import { commandSpecs, matchesAccelerator, type CommandId } from '../shared/commands';
import { defaultSettings, type InterfaceLanguage, type Settings } from '../shared/model/settings';
import { DEFAULT_POLICY } from '../shared/review/people';
import { ApiContext, errorText, useApi } from './api/ApiContext';
import type { Connection } from './api/connect';
import { firstSettings } from './api/earlySettings';
import { CommandContext, CommandRegistry, useCommand, useCommands } from './commands';
import { currentProfileId, onProfileChange } from './api/profile';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { LibraryView } from './components/LibraryView';
import { ProblemsBanner } from './components/ProblemsBanner';
import { ProfileGate } from './components/ProfileGate';
import { ProfileSwitcher } from './components/ProfileSwitcher';
import { StatusToast } from './components/StatusToast';
import { TokenMissing } from './components/TokenMissing';
import { SyncIndicator } from './components/sync/SyncIndicator';
import { SyncStatusProvider } from './components/sync/syncStatus';
import { NoticeContext, useNotify, type Notice } from './hooks/useNotice';
import { useHashRoute } from './hooks/useHashRoute';
import { useLatest } from './hooks/useLatest';
import { SettingsContext } from './hooks/useSettings';
import { ProfileContext, type ProfileState } from './hooks/useProfile';
import { applyLanguage } from './i18n';
import { chooseFile } from './api/files';
import { DOCUMENT_TYPES, UnsupportedDocumentError } from './import/documentTypes';
import { notesText } from './editor/canonicalNotes';

// The library is what opens first: the editor (Tiptap, ProseMirror, the spellchecker), the
// comparison, Settings, the site export and the Word import are read when first wanted, so that
// the library's first rows do not wait for them.
const EditorView = lazy(() => import('./components/EditorView').then((m) => ({ default: m.EditorView })));
const CompareView = lazy(() => import('./components/CompareView').then((m) => ({ default: m.CompareView })));
const RevisionView = lazy(() => import('./components/RevisionView').then((m) => ({ default: m.RevisionView })));
const SettingsView = lazy(() => import('./components/SettingsView').then((m) => ({ default: m.SettingsView })));
const SyncConflictView = lazy(() => import('./components/SyncConflictView').then((m) => ({ default: m.SyncConflictView })));
const SiteExportView = lazy(() => import('./components/SiteExportView').then((m) => ({ default: m.SiteExportView })));

export function App({ connection }: { connection: Connection }) {
  if (connection.kind === 'no-token') return <TokenMissing />;
  return <Workspace connection={connection} />;
}

function Workspace({ connection }: { connection: Exclude<Connection, { kind: 'no-token' }> }) {
  const registry = useMemo(() => new CommandRegistry(), []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const closeNotice = useCallback(() => setNotice(null), []);

  // Menu items (Electron) and keyboard shortcuts (web host) run the registered commands. A
  // command's other keys (Ctrl+K for the palette) are heard here under both: the menu shows one
  // shortcut per item, and the editor, where it binds the same keys, takes them first.
  useEffect(() => {
    const bridge = connection.bridge;
    const isMac = navigator.platform.startsWith('Mac');
    const onKeyDown = (event: KeyboardEvent) => {
      for (const spec of Object.values(commandSpecs)) {
        if (spec.scope === 'editor' || !registry.has(spec.id)) continue;
        const primary = !bridge && spec.accelerator !== undefined && matchesAccelerator(spec.accelerator, event, isMac);
        const other = !event.defaultPrevented && (spec.alternateAccelerators ?? []).some((keys) => matchesAccelerator(keys, event, isMac));
        if (primary || other) {
          event.preventDefault();
          void registry.run(spec.id);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = bridge?.onDidRequestCommand((id) => void registry.run(id));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu?.();
    };
  }, [connection, registry]);

  return (
    <ApiContext.Provider value={connection.api}>
      <CommandContext.Provider value={registry}>
        <NoticeContext.Provider value={setNotice}>
          <Shell bridge={connection.bridge} />
          <StatusToast notice={notice} onClose={closeNotice} />
        </NoticeContext.Provider>
      </CommandContext.Provider>
    </ApiContext.Provider>
  );
}

/** What the header's pieces see before the library's settings arrive (no view is shown meanwhile). */
const BEFORE_SETTINGS = defaultSettings();

function Shell({ bridge }: { bridge: NewsdeskBridge | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const [route, navigate] = useHashRoute();
  // Null until the library's own settings have arrived: no view works on the defaults meanwhile
  // (Settings would show them, and saving would write them over the newsroom's).
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<StorageProblem[]>([]);
  const notify = useNotify();

  const latestT = useLatest(t);

  // The profile this window works as: chosen here (or in another tab of this browser, which
  // shares it), and one of the library's profiles; until then the gate asks who is working.
  const [profileId, setProfileId] = useState(currentProfileId);
  useEffect(() => onProfileChange(setProfileId), []);
  useEffect(() => {
    const onStorage = () => setProfileId(currentProfileId());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const profile = settings?.profiles.find((p) => p.id === profileId) ?? null;
  const policy = settings?.policy ?? DEFAULT_POLICY;
  const profileState = useMemo<ProfileState>(() => ({ profile, policy }), [profile, policy]);

  // Once per connection: the library's settings (and its language) and any files moved aside.
  useEffect(() => {
    void firstSettings(api).then(async (result) => {
      if (!result.ok) return notify({ text: errorText(latestT.current, result.error), tone: 'error' });
      setSettings(result.value);
      await applyLanguage(result.value.interfaceLanguage);
    });
  }, [api, notify, latestT]);

  // Files moved aside or repaired: found when the library opens, and when an article is first
  // read (so asked again on every move between views). Those dismissed stay dismissed.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void api.getAppInfo({}).then((result) => result.ok && setProblems(result.value.problems));
  }, [api, route]);
  const shownProblems = problems.filter((problem) => !dismissed.has(problem.movedTo));

  const changeLanguage = useCallback(
    async (language: InterfaceLanguage) => {
      await applyLanguage(language);
      const result = await api.saveSettings({ changes: { interfaceLanguage: language } });
      if (result.ok) setSettings(result.value);
      else notify({ text: errorText(t, result.error), tone: 'error' });
    },
    [api, notify, t],
  );

  const newArticle = useCallback(async () => {
    // Nothing is written before someone has said who they are (a shortcut or menu item behind the gate).
    if (!profile) return;
    const result = await api.createArticle({});
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    navigate({ view: 'editor', id: result.value.id });
  }, [api, navigate, notify, t, profile]);

  const importFile = useCallback(async () => {
    if (!profile) return;
    const file = await chooseFile(DOCUMENT_TYPES);
    if (!file) return;
    notify({ text: t('import.importing', { name: file.name }) });
    try {
      const { importDocument } = await import('./import/importDocument');
      const imported = await importDocument(file, api);
      const { headline, sapo, byline, featuredImage, body } = imported;
      const result = await api.createArticle({ headline, sapo, byline, featuredImage, body });
      if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
      navigate({ view: 'editor', id: result.value.id });
      const converted = imported.converted ? ` ${t('import.converted', { encoding: imported.converted === 'tcvn3' ? 'TCVN3' : 'VNI' })}` : '';
      const skipped = imported.skippedImages ? ` ${t('import.skippedImages', { count: imported.skippedImages })}` : '';
      const changed = imported.notes.length ? ` ${notesText(t, imported.notes)}` : '';
      const featured = imported.featuredImage ? ` ${t('import.featured')}` : '';
      const bylineRead = imported.byline ? ` ${t('import.byline', { byline: imported.byline })}` : '';
      notify({ text: `${t('import.done', { name: file.name, count: imported.images })}${featured}${bylineRead}${converted}${skipped}${changed}` });
    } catch (error) {
      notify({
        text: error instanceof UnsupportedDocumentError ? t('import.unsupported') : t('import.failed', { name: file.name, detail: error instanceof Error ? error.message : String(error) }),
        tone: 'error',
      });
    }
  }, [api, navigate, notify, t, profile]);

  useCommand('article.new', newArticle);
  useCommand('article.import', importFile);
  // Sending from the library or an article is theirs to say which; elsewhere it is the whole library.
  useCommand('bundle.send', () => (profile ? sendArticles(api, t, notify) : undefined));
  const [received, setReceived] = useState<BundleSummary | null>(null);
  useCommand('bundle.receive', async () => {
    if (!profile) return;
    const summary = await receiveArticles(api, t, notify);
    if (summary) setReceived(summary);
  });
  // `.newsdesk` files double-clicked in the system (Electron): received once a profile is chosen.
  useEffect(() => {
    if (!bridge || !profile) return;
    // Taken files leave the main process's list: each is received once, whatever renders meanwhile.
    const take = async () => {
      const bundles = await bridge.takeOpenedBundles();
      const summary = bundles.length ? await receiveOpenedBundles(api, t, notify, bundles) : null;
      if (summary) setReceived(summary);
    };
    void take();
    return bridge.onDidOpenBundles(() => void take());
  }, [api, bridge, notify, profile, t]);
  useCommand('view.library', () => navigate({ view: 'library' }));
  useCommand('view.publish', () => navigate({ view: 'publish' }));
  useCommand('view.settings', () => navigate({ view: 'settings' }));
  useCommand('ui.language.vi', () => changeLanguage('vi'));
  useCommand('ui.language.en', () => changeLanguage('en'));
  const [aboutOpen, setAboutOpen] = useState(false);
  useCommand('app.about', () => setAboutOpen(true));
  // The command palette: opened over the view (not over another dialog); where the focus was is
  // where it goes back to, with the text selected there (the article body's selection lives in the
  // page's one selection, which the palette's field takes), and where the chosen command then acts.
  const [palette, setPalette] = useState<{ returnTo: Element | null; selection: SavedSelection | null } | null>(null);
  const registry = useCommands();
  useCommand('app.commandPalette', () => {
    if (!profile || document.querySelector('dialog[open]')) return;
    setPalette({ returnTo: document.activeElement, selection: saveSelection(document.activeElement) });
  });
  const closePalette = (chosen: CommandId | null) => {
    setPalette(null);
    if (palette?.returnTo instanceof HTMLElement && palette.returnTo.isConnected) {
      palette.returnTo.focus({ preventScroll: true });
      restoreSelection(palette.selection);
    }
    if (chosen) void registry.run(chosen);
  };

  // Move focus to the new view's main region so keyboard and screen-reader users follow along.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);

  return (
    <SettingsContext.Provider value={settings ?? BEFORE_SETTINGS}>
      <ProfileContext.Provider value={profileState}>
        <SyncStatusProvider>
        <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
          {t('app.skipToContent')}
        </button>
        <header className="topbar">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <nav aria-label={t('app.mainNav')}>
            <a href="#/" aria-current={route.view === 'library' ? 'page' : undefined}>
              {t('commands.library')}
            </a>
            <a href="#/publish" aria-current={route.view === 'publish' ? 'page' : undefined}>
              {t('commands.publish')}
            </a>
            <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>
              {t('commands.settings')}
            </a>
          </nav>
          <SyncIndicator />
          <div className="topbar-tools">
            <CommandButton id="article.import" />
            <CommandButton id="bundle.receive" />
            <CommandButton id="article.new" className="primary" />
            <LanguageSwitcher onChange={(language) => void changeLanguage(language)} />
            <ProfileSwitcher onSaved={setSettings} />
            {/* About, as an icon: the top bar keeps to one row at 1366 px. */}
            <button type="button" className="icon-button" onClick={() => setAboutOpen(true)} aria-label={t('commands.about')} title={t('menu.about')}>
              <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
                <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                <circle cx="10" cy="5.8" r="1.3" fill="currentColor" />
                <path d="M10 9v6" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
              </svg>
            </button>
          </div>
        </header>
        <ProblemsBanner problems={shownProblems} onDismiss={() => setDismissed(new Set(problems.map((problem) => problem.movedTo)))} />
        <main id="main" tabIndex={-1}>
          <Suspense
            fallback={
              <p role="status" className="muted">
                {t('app.loadingView')}
              </p>
            }
          >
            {!settings ? (
              <p role="status" className="muted">
                {t('app.loading')}
              </p>
            ) : !profile ? null : route.view === 'library' ? (
              <LibraryView />
            ) : route.view === 'settings' ? (
              <SettingsView onSaved={setSettings} />
            ) : route.view === 'publish' ? (
              <SiteExportView key={route.run ? 'run' : 'view'} runNow={route.run === true} />
            ) : route.view === 'revision' ? (
              <RevisionView key={`${route.id}/${route.revision}`} id={route.id} revision={route.revision} />
            ) : route.view === 'conflict' ? (
              <SyncConflictView key={route.id} id={route.id} />
            ) : route.view === 'compare' ? (
              <CompareView key={`${route.id}/${route.from}/${route.to}`} id={route.id} from={route.from} to={route.to} />
            ) : (
              <EditorView key={route.id} id={route.id} />
            )}
          </Suspense>
        </main>
        {settings && <ProfileGate onSaved={setSettings} />}
        {received && <BundleSummaryDialog summary={received} onClose={() => setReceived(null)} />}
        {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
        {palette && <CommandPalette onClose={closePalette} />}
        </SyncStatusProvider>
      </ProfileContext.Provider>
    </SettingsContext.Provider>
  );
}

interface SavedSelection {
  anchor: Node;
  anchorOffset: number;
  focus: Node;
  focusOffset: number;
}

/** The page's selection, if it is inside `within` (a text field keeps its own; this is for editable text). */
function saveSelection(within: Element | null): SavedSelection | null {
  const selection = window.getSelection();
  if (!within || !selection?.anchorNode || !selection.focusNode || !within.contains(selection.anchorNode)) return null;
  return { anchor: selection.anchorNode, anchorOffset: selection.anchorOffset, focus: selection.focusNode, focusOffset: selection.focusOffset };
}

function restoreSelection(saved: SavedSelection | null): void {
  if (!saved?.anchor.isConnected || !saved.focus.isConnected) return;
  try {
    window.getSelection()?.setBaseAndExtent(saved.anchor, saved.anchorOffset, saved.focus, saved.focusOffset);
  } catch {
    // The text changed meanwhile: the focus alone goes back.
  }
}

/** A toolbar button for a registered command: same label and shortcut as its menu item. */
function CommandButton({ id, className }: { id: CommandId; className?: string }) {
  const { t } = useTranslation();
  const registry = useCommands();
  const spec = commandSpecs[id];
  const isMac = navigator.platform.startsWith('Mac');
  return (
    <button
      type="button"
      className={className}
      onClick={() => void registry.run(id)}
      aria-keyshortcuts={spec.accelerator && ariaKeyShortcut(spec.accelerator, isMac)}
      title={spec.accelerator && formatShortcut(spec.accelerator, isMac)}
    >
      {t(spec.labelKey)}
    </button>
  );
}
