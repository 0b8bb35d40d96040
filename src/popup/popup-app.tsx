import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../core/types.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { pickInterviews } from '../core/pick-interviews.ts';
import { allInterviews } from '../core/stored-state.ts';
import type { ManualEntry } from '../core/manual-interview.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import type { UserMessage } from '../core/message-key.ts';
import { send } from '../platform/messages.ts';
import { openOptionsPage } from '../platform/runtime.ts';
import { dismissStorageProblems, readPopupState, watchStorageProblems } from '../platform/storage.ts';
import { I18nContext, makeI18n } from '../ui/i18n.ts';
import type { I18n } from '../ui/i18n.ts';
import { useNow } from '../ui/use-now.ts';
import { useStoredState } from '../ui/use-stored-state.ts';
import { InterviewCard } from './interview-card.tsx';
import { InterviewList } from './interview-list.tsx';
import { SyncStatus } from './sync-status.tsx';
import { ManualForm } from './manual-form.tsx';
import { UncheckedContext, uncheckedInterviews } from '../ui/unchecked-note.tsx';
import { CalendarTrouble } from '../ui/calendar-trouble.tsx';
import { ProfilePrompt } from './profile-prompt.tsx';
import { MINUTE } from '../core/units.ts';

/** How long "Removed. Undo" stays offered. */
const UNDO_WINDOW = 10 * MINUTE;

export function PopupApp() {
  const loaded = useStoredState(readPopupState);
  const now = useNow(1000);
  const [i18n, setI18n] = useState<I18n | undefined>(undefined);
  /** The manual-entry form, open for a new entry (null) or for editing one; closed when undefined. */
  const [editing, setEditing] = useState<ManualEntry | null | undefined>(undefined);
  /** The interview whose card was asked for: from a list row, or `?interview=` (a notification's "Open"). */
  const [selected, setSelected] = useState<string | undefined>(() => new URLSearchParams(location.search).get('interview') ?? undefined);
  const language = loaded?.state.settings.language;
  const locale: Locale | undefined = language === undefined ? undefined : resolveLocale(language, uiLanguage());

  useEffect(() => {
    if (locale === undefined) return;
    let alive = true;
    loadTranslator(locale).then((t) => {
      if (alive) {
        document.documentElement.lang = locale;
        setI18n(makeI18n(locale, t));
      }
    }, (error: unknown) => console.error(error));
    return () => { alive = false; };
  }, [locale]);

  /** A button acted on an interview that had just been replaced: nothing was done, and we say so. */
  const [changed, setChanged] = useState(false);
  const changedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (changed) changedRef.current?.focus();
  }, [changed]);

  // When the focused control disappears (the add form saved or cancelled, a card gone after
  // "Mark as done"), the focus would fall to the page: it goes to the view's first heading.
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const remember = (event: FocusEvent) => { lastFocused.current = event.target as Element; };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);
  useEffect(() => {
    const last = lastFocused.current;
    if (last === null || last.isConnected) return;
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    lastFocused.current = null;
    (document.getElementById('current-title') ?? document.getElementById('popup-title'))?.focus();
  });

  const [storedProblems, setStoredProblems] = useState<string[]>([]);
  useEffect(() => watchStorageProblems(setStoredProblems), []);

  useEffect(() => {
    // Opening the popup is a good moment to bring the interviews up to date.
    void send('refresh', {});
  }, []);

  useEffect(() => {
    if (loaded && i18n) document.getElementById('app')?.setAttribute('aria-busy', 'false');
  }, [loaded, i18n]);

  if (!loaded || !i18n) return <p class="muted">…</p>;
  const { state, problems } = loaded;
  const { t } = i18n;
  const all = allInterviews(state);
  const picked = pickInterviews(Object.values(all), state.marks, now, state.settings);
  // One card per interview that needs the user; the one asked for (a list row, a notification's
  // "Open") comes first, or the next interview when nothing needs the user now.
  const chosen = selected === undefined ? undefined : all[selected];
  const cards = [...(chosen ? [chosen] : []), ...(picked.live.length > 0 ? picked.live : picked.current ? [picked.current] : [])]
    .filter((interview, index, list) => list.findIndex((other) => other.id === interview.id) === index);
  const listed = (list: typeof picked.upcoming) => list.filter((interview) => !cards.includes(interview));
  const open = (interviewId: string) => setSelected(interviewId);
  const editManual = (interviewId: string) => {
    const entry = state.manual[interviewId.replace(/^manual:/, '')];
    if (entry) setEditing(entry);
  };
  const saveManual = async (entry: ManualEntry): Promise<UserMessage | undefined> => {
    const result = await send('save-manual', { entry });
    if (!result.ok) return result.error;
    setEditing(undefined);
    return undefined;
  };
  const deleteManual = (entryId: string) => {
    void send('delete-manual', { entryId }).then((result) => { if (result.ok) setEditing(undefined); });
  };

  const header = (
    <header class="topbar">
      <h1 class="brand" id="popup-title" tabIndex={-1}>
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        {t('extName')}
      </h1>
      <button type="button" class="icon-button" onClick={() => openOptionsPage()} aria-label={t('popupSettings')} title={t('popupSettings')}>⚙</button>
    </header>
  );
  const allProblems = [...new Set([...problems, ...storedProblems])];

  return (
    <I18nContext.Provider value={i18n}>
      <UncheckedContext.Provider value={uncheckedInterviews(state, now)}>
      {header}
      {editing !== undefined ? (
        <ManualForm initial={editing ?? undefined} now={now} onSave={saveManual} onCancel={() => setEditing(undefined)}
          onDelete={editing ? () => deleteManual(editing.id) : undefined} />
      ) : (
        <>
          {state.source.kind === 'demo' && (
            <section class={picked.live.length > 0 ? 'demo-banner compact' : 'demo-banner'} aria-label={t('popupDemoBadge')}>
              {/* During a live wait the banner keeps to one short line, in either language. */}
              <span class="pill">{picked.live.length > 0 ? t('popupDemoShort') : t('popupDemoBadge')}</span>
              {picked.live.length === 0 && <span class="demo-text">{t('popupDemoExplain')}</span>}
              <span class="demo-actions">
                <button type="button" class="link-button" onClick={() => { void send('restart-demo', {}); }}>{t('popupRestartDemo')}</button>
                <button type="button" class="link-button" onClick={() => { void send('stop-demo', {}); }}>{t('popupStopDemo')}</button>
              </span>
            </section>
          )}
          {state.source.kind === 'none' && (
            <p class="demo-banner compact">
              <button type="button" class="link-button" onClick={() => { void send('restart-demo', {}); }}>{t('popupStartDemo')}</button>
            </p>
          )}
          {allProblems.length > 0 && (
            <div class="notice" role="alert">
              <p>{t('storageProblem', [allProblems.join('; ')])}</p>
              <button type="button" class="link-button" onClick={() => { void dismissStorageProblems(); }}>{t('dismiss')}</button>
            </div>
          )}
          {changed && (
            // Focused when it appears (tabIndex -1), so that a keyboard or screen-reader user
            // whose button just disappeared learns why, and continues from here.
            <div class="notice changed" role="status" tabIndex={-1} ref={changedRef}>
              <p>{t('popupInterviewChanged')}</p>
              <button type="button" class="link-button" onClick={() => setChanged(false)}>{t('dismiss')}</button>
            </div>
          )}
          <CalendarTrouble state={state} now={now} />
          <ProfilePrompt settings={state.settings} />
          {state.removed && now - state.removed.at < UNDO_WINDOW && (
            <div class="notice" role="status">
              <p>{t('removedNotice', [state.removed.interview.title || t('untitledInterview')])}</p>
              <button type="button" class="link-button" onClick={() => { void send('undo-remove', {}); }}>{t('undoMark')}</button>
              <button type="button" class="link-button" onClick={() => { void send('forget-removed', {}); }}>{t('dismiss')}</button>
            </div>
          )}
          {cards.length > 0
            ? cards.map((interview, index) => (
              <InterviewCard key={interview.id} interview={interview} marks={state.marks[interview.id]} settings={state.settings} now={now}
                onEdit={editManual} onRemoved={() => setSelected(undefined)} onGone={() => setChanged(true)} headingId={index === 0 ? 'current-title' : `card-${index}-title`}
                focusOnMount={index === 0 && selected !== undefined && chosen !== undefined} />
            ))
            : <p class="empty">{t('popupNothing')}</p>}
          <InterviewList title={t('popupUpcoming')} interviews={listed(picked.upcoming)} marks={state.marks} now={now} onOpen={open} />
          <InterviewList title={t('popupRecent')} interviews={listed(picked.recent)} marks={state.marks} now={now} recent onOpen={open} />
          <p class="add-row">
            <button type="button" class="button" onClick={() => setEditing(null)}>+ {t('addInterview')}</button>
          </p>
          <SyncStatus state={state} now={now} />
        </>
      )}
      </UncheckedContext.Provider>
    </I18nContext.Provider>
  );
}
