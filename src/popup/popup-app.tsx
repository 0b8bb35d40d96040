import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../core/types.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { pickInterviews } from '../core/pick-interviews.ts';
import { allInterviews } from '../core/stored-state.ts';
import type { ManualEntry } from '../core/manual-interview.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { send } from '../platform/messages.ts';
import { openOptionsPage } from '../platform/runtime.ts';
import { dismissStorageProblems, watchStorageProblems } from '../platform/storage.ts';
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

export function PopupApp() {
  const loaded = useStoredState();
  const now = useNow(1000);
  const [i18n, setI18n] = useState<I18n | undefined>(undefined);
  /** The manual-entry form, open for a new entry (null) or for editing one; closed when undefined. */
  const [editing, setEditing] = useState<ManualEntry | null | undefined>(undefined);
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
  const picked = pickInterviews(Object.values(allInterviews(state)), state.marks, now, state.settings);
  const editManual = (interviewId: string) => {
    const entry = state.manual[interviewId.replace(/^manual:/, '')];
    if (entry) setEditing(entry);
  };
  const saveManual = async (entry: ManualEntry): Promise<string | undefined> => {
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
      <h1 class="brand">
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
            <section class="demo-banner" aria-label={t('popupDemoBadge')}>
              <span class="pill">{t('popupDemoBadge')}</span>
              <span class="demo-text">{t('popupDemoExplain')}</span>
              <button type="button" class="link-button" onClick={() => { void send('restart-demo', {}); }}>{t('popupRestartDemo')}</button>
            </section>
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
          {picked.current
            ? <InterviewCard key={picked.current.id} interview={picked.current} marks={state.marks[picked.current.id]} settings={state.settings} now={now} onEdit={editManual} onGone={() => setChanged(true)} />
            : <p class="empty">{t('popupNothing')}</p>}
          <InterviewList title={t('popupUpcoming')} interviews={picked.upcoming} now={now} onEdit={editManual} onGone={() => setChanged(true)} />
          <InterviewList title={t('popupRecent')} interviews={picked.recent} now={now} recent onEdit={editManual} onGone={() => setChanged(true)} />
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
