import { useEffect, useRef, useState } from 'preact/hooks';
import { isLocale, type Interview, type Marks, type TemplateKind } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import type { MarkAction, NewTime } from '../core/marks.ts';
import type { Slot } from '../core/propose-slots.ts';
import { availableActions, effectiveInterview, emptyMarks, offeredDrafts, voicemailOffered, waitingPhases, waitState } from '../core/outcome.ts';
import { effectiveTiming } from '../core/timing.ts';
import { interviewerPhones } from '../core/own-contacts.ts';
import { INTERVIEW_GONE, send } from '../platform/messages.ts';
import { uiLanguage } from '../platform/i18n.ts';
import { interviewLocale } from '../core/resolve-locale.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import type { UserMessage } from '../core/message-key.ts';
import { formatRelative, formatTime, formatDay, zoneCity } from '../ui/format.ts';
import { clockTimesDiffer } from '../core/zoned-time.ts';
import { safeHttpsHref, telHref } from '../ui/safe-href.ts';
import { WaitTimer } from './wait-timer.tsx';
import { Voicemail } from './voicemail.tsx';
import { EmailButtons } from './email-buttons.tsx';
import { MissedCallCard } from './missed-call-card.tsx';
import { GetReadyChecklist } from './get-ready-checklist.tsx';
import { SlotPicker } from './slot-picker.tsx';
import { UncheckedNote } from '../ui/unchecked-note.tsx';
import { NewTimeForm } from './new-time-form.tsx';
import { MINUTE } from '../core/units.ts';

interface Props {
  /** As the calendar has it; a time given with "They moved it" is applied here. */
  interview: Interview;
  marks: Marks | undefined;
  settings: Settings;
  now: number;
  onEdit: (interviewId: string) => void;
  /** "Not an interview" was done: the popup offers to undo it. */
  onRemoved: () => void;
  /** The worker no longer has this interview (the card was being replaced): the app says so. */
  onGone: () => void;
  /** Unique within the popup: several cards can show at once. */
  headingId: string;
  /** Moves the focus to this card's title when it first shows (opened from a list or a notification). */
  focusOnMount?: boolean;
}

/** Drafts that propose new times: the user sees and can change them first. */
const slotKinds: ReadonlySet<TemplateKind> = new Set(['reschedule', 'apology']);
/** The get-ready checklist shows from this long before the start. */
const CHECKLIST_LEAD = 60 * MINUTE;
/** Phases where "Call connected" is the answer to a question: it reads "We spoke". */
const spokeWording = new Set(['needs-outcome', 'called-back', 'no-show', 'asked-to-call', 'missed']);

/** One interview: everything the candidate needs now, in order of need, as the outcome model says. */
export function InterviewCard({ interview: calendarInterview, marks = emptyMarks(), settings, now, onEdit, onRemoved, onGone, headingId, focusOnMount = false }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState('');
  const [picking, setPicking] = useState<{ kind: TemplateKind; slots: Slot[] } | undefined>(undefined);
  const [askingTime, setAskingTime] = useState(false);
  // The buttons a mark removes may hold the focus: it moves to the card's title, so keyboard and
  // screen-reader users keep their place.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (focusOnMount) titleRef.current?.focus(); }, [focusOnMount]);
  // The button is removed when the mark reaches storage and the card re-renders, which may
  // come before or after the worker's reply, and after other re-renders (the popup's own
  // refresh, the clock): so after every render, once the pressed button is gone and the focus
  // went with it, the focus moves to the title.
  const pressedButton = useRef<Element | null>(null);
  useEffect(() => {
    const pressed = pressedButton.current;
    if (pressed === null || pressed.isConnected) return;
    pressedButton.current = null;
    if (document.activeElement === null || document.activeElement === document.body) titleRef.current?.focus();
  });
  const interview = effectiveInterview(calendarInterview, marks);
  const state = waitState(calendarInterview, marks, now, settings);
  const actions = availableActions(calendarInterview, marks, now, settings);
  const offered = offeredDrafts(calendarInterview, marks, now, settings);
  const timing = effectiveTiming(settings.timing);
  const waiting = waitingPhases.has(state.phase);
  // Never the candidate's own number (an interview stored before the profile phone was typed
  // in may hold it): the same numbers the actions and drafts go by.
  const phones = interviewerPhones(interview, settings);
  const videoHref = safeHttpsHref(interview.videoUrl);
  const untilStart = interview.start - now;

  // An error shown in this card would vanish with it when the card is replaced: "gone" is
  // told by the app, above whichever card is current.
  const fail = (reason: UserMessage) => (reason.key === INTERVIEW_GONE ? onGone() : setError(errorText(t, reason)));
  const mark = (action: MarkAction, newTime?: NewTime) => {
    setError('');
    pressedButton.current = action === 'called' ? null : document.activeElement;
    send('mark', { interviewId: calendarInterview.id, action, newTime }).then((result) => {
      if (!result.ok) {
        pressedButton.current = null;
        fail(result.error);
      }
    });
  };
  const openDraft = (kind: TemplateKind, slots?: Slot[]) => {
    setError('');
    send('open-draft', { interviewId: calendarInterview.id, kind, slots }).then((result) => {
      if (result.ok) window.close();
      else fail(result.error);
    }, () => fail({ key: 'errorUnexpected' }));
  };
  const chooseDraft = (kind: TemplateKind) => {
    if (!slotKinds.has(kind)) {
      openDraft(kind);
      return;
    }
    setError('');
    send('proposed-slots', { interviewId: calendarInterview.id }).then((result) => {
      if (result.ok) setPicking({ kind, slots: result.value.slots });
      else fail(result.error);
    }, () => fail({ key: 'errorUnexpected' }));
  };
  const toggle = (item: string, checked: boolean) => {
    send('checklist', { interviewId: calendarInterview.id, item, checked }).then((result) => { if (!result.ok) fail(result.error); }, () => fail({ key: 'errorUnexpected' }));
  };

  // Company and role only when the title does not already say them.
  const subtitle = [interview.company, interview.role].filter((part) => part && !interview.title.toLowerCase().includes(part.toLowerCase())).join(' · ');
  const started = interview.start <= now;
  const when = started ? t('relTimeStarted', [formatRelative(i18n, interview.start, now)]) : formatRelative(i18n, interview.start, now);
  const eventZone = interview.timeZone;
  const showBothZones = eventZone !== undefined && clockTimesDiffer(interview.start, eventZone, i18n.timeZone);
  // The recruiter's language, not the popup's: detected from the invite, changeable here.
  const draftLocale = interviewLocale(interview, marks, settings.language, uiLanguage());
  const chooseLanguage = (language: string) => {
    void send('interview-language', { interviewId: interview.id, language: isLocale(language) ? language : 'en' }).then((result) => { if (!result.ok) fail(result.error); });
  };
  const has = (action: MarkAction) => actions.includes(action);
  const button = (action: MarkAction, label: string, primary = false) => (
    <button type="button" class={primary ? 'button primary' : 'button'} onClick={() => (action === 'moved' ? setAskingTime(true) : mark(action))}>{label}</button>
  );
  const connectedLabel = spokeWording.has(state.phase) ? t('buttonMark_spoke') : t('buttonMark_connected');
  const lastMark = marks.history !== undefined && marks.history.length > 0;

  const emails = picking
    ? <SlotPicker proposed={picking.slots} durationMinutes={Math.max(15, Math.round((interview.end - interview.start) / MINUTE))} eventZone={eventZone}
        onOpen={(slots) => openDraft(picking.kind, slots)} onCancel={() => { setPicking(undefined); titleRef.current?.focus(); }} />
    : <EmailButtons interview={interview} offered={offered} onDraft={chooseDraft} idBase={headingId} />;
  // During a wait, the email the phase calls for (the follow-up, the reschedule request) comes
  // right under the timer, within the first screen of a 600 px popup.
  const emailsEarly = waiting && offered.primary !== undefined;

  return (
    <article class={`card phase-${state.phase}`} aria-labelledby={headingId}>
      <p class="eyebrow">{started ? t('popupNow') : t('popupNext')}</p>
      <h2 id={headingId} class="title" tabIndex={-1} ref={titleRef}>{interview.title || t('untitledInterview')}</h2>
      <UncheckedNote interviewId={interview.id} now={now} />
      {subtitle && <p class="subtitle">{subtitle}</p>}
      <p class="when">
        <time dateTime={new Date(interview.start).toISOString()}>
          {showBothZones && eventZone
            ? `${formatDay(i18n, interview.start)} · ${t('popupBothZones', [formatTime(i18n, interview.start), formatTime(i18n, interview.start, eventZone), zoneCity(eventZone, i18n.locale)])}`
            : t('popupStartsAt', [formatDay(i18n, interview.start), formatTime(i18n, interview.start)])}
        </time>
        {!waiting && <>{' · '}<span>{when}</span></>}
      </p>
      <p class="why">
        {interview.source !== 'manual' && t('popupWhy', [t(`why_${interview.detectedBy.rule}`, [interview.detectedBy.matched ?? ''])])}
        {interview.source === 'manual' && (
          // Several cards can each have one: the accessible name says which interview it edits.
          <button type="button" class="link-button" aria-label={t('manualEditNamed', [interview.title || t('untitledInterview')])} onClick={() => onEdit(calendarInterview.id)}>{t('manualEditButton')}</button>
        )}
      </p>

      {state.phase === 'missed' || state.phase === 'called-back'
        ? <MissedCallCard phone={phones[0]} calledBack={state.phase === 'called-back'} />
        : <WaitTimer interview={interview} state={state} timing={timing} now={now} />}
      {marks.rescheduled && (waiting || state.phase === 'no-show') && <p class="hint">{t('rescheduledNote')}</p>}
      {emailsEarly && emails}

      {state.phase === 'needs-outcome' && (
        <section class="question" aria-labelledby={`${headingId}-question`}>
          <h3 id={`${headingId}-question`} class="section-title">{t('askOutcomeTitle')}</h3>
          <div class="actions">
            {button('connected', t('buttonMark_spoke'), true)}
            {button('no-show', t('buttonMark_no_show'), true)}
          </div>
        </section>
      )}

      {interview.interviewer.name || interview.interviewer.email ? (
        <p class="interviewer">
          <span class="label">{t('interviewerLabel')}</span>{' '}
          {interview.interviewer.name}
          {interview.interviewer.name && interview.interviewer.email ? ' · ' : ''}
          {interview.interviewer.email && <span class="email">{interview.interviewer.email}</span>}
        </p>
      ) : null}

      {phones.length > 0 && (
        <div class="phone">
          <span class="label">{t('phoneLabel')}</span>
          {/* Every distinct number, the person's own first (the extractor's order), each with
              where it came from so the candidate can check it against the invite. */}
          <ul class="phones">
            {phones.map((phone) => {
              const href = telHref(phone.dial, phone.ext);
              return (
                <li key={phone.dial + (phone.ext ?? '')}>
                  {href ? <a href={href} class="tel">{phone.display}</a> : <span>{phone.display}</span>}
                  <span class="muted"> · {t(`phoneFrom_${phone.kind ?? phone.origin}`)}</span>
                  {phone.pin && <span class="muted"> · {t('phonePin', [phone.pin])}</span>}
                  {phone.passcode && <span class="muted"> · {t('phonePasscode', [phone.passcode])}</span>}
                </li>
              );
            })}
          </ul>
          {waiting && phones[0] && <p class="hint">{t(interview.source === 'manual' ? 'phoneCheckTyped' : 'phoneCheck', [phones[0].display, phones[0].ext ? `${phones[0].dial};ext=${phones[0].ext}` : phones[0].dial])}</p>}
        </div>
      )}
      {videoHref && <p><a href={videoHref} target="_blank" rel="noopener noreferrer" class="video">{t('videoLink')}</a></p>}

      {state.phase === 'upcoming' && untilStart <= CHECKLIST_LEAD && (
        <GetReadyChecklist interview={interview} phone={phones[0]} checked={marks.checklist ?? []} onToggle={toggle} />
      )}

      {askingTime ? (
        <NewTimeForm initial={marks.proposed ?? { start: interview.start, end: interview.end }} now={now}
          onSave={(time) => { setAskingTime(false); mark('moved', time); }} onCancel={() => { setAskingTime(false); titleRef.current?.focus(); }} />
      ) : (
        <div class="actions" role="group" aria-label={t('actionsGroup')}>
          {state.phase !== 'needs-outcome' && has('connected') && button('connected', connectedLabel, state.phase === 'waiting' || state.phase === 'called-back' || state.phase === 'asked-to-call')}
          {has('called') && button('called', `${t('buttonMark_called')}${marks.callAttempts.length > 0 ? ` (${marks.callAttempts.length})` : ''}`)}
          {has('called-back') && button('called-back', t('buttonMark_called_back'))}
          {has('missed') && button('missed', t('buttonMark_missed'))}
          {state.phase !== 'needs-outcome' && has('no-show') && button('no-show', t('buttonMark_no_show'))}
          {has('asked-to-call') && button('asked-to-call', t('buttonMark_asked_to_call'))}
          {has('moved') && button('moved', t('buttonMark_moved'))}
          {has('done') && button('done', t('buttonMark_done'))}
          {lastMark && <button type="button" class="link-button" onClick={() => mark('undo')}>{t('undoLastMark')}</button>}
        </div>
      )}

      {phones.length > 0 && voicemailOffered(calendarInterview, marks, now, settings) && <Voicemail interview={interview} marks={marks} now={now} language={draftLocale} />}

      {offered.primary === 'confirmation' && <p class="hint">{t('confirmHint')}</p>}
      {!emailsEarly && emails}
      <p class="hint draft-language">
        <label for={`${headingId}-language`}>{t('draftLanguageLabel')}</label>{' '}
        <select id={`${headingId}-language`} value={draftLocale} onChange={(e) => chooseLanguage(e.currentTarget.value)}>
          <option value="en">English</option>
          <option value="it">Italiano</option>
        </select>
      </p>
      {error && <p class="error" role="alert">{error}</p>}

      {/* A typed-in interview is deleted from its edit form, where the user sees what goes. */}
      {interview.source !== 'manual' && (
        <p class="card-footer">
          <button type="button" class="link-button" onClick={() => {
            void send('not-interview', { interviewId: calendarInterview.id }).then((result) => { if (!result.ok) fail(result.error); else onRemoved(); });
          }}>{t('notInterview')}</button>
        </p>
      )}
    </article>
  );
}
