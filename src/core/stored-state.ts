/**
 * The shape of everything the extension keeps in `chrome.storage.local` (StoredState), its
 * schema version and migrations, and `loadState`, which turns whatever storage holds into a
 * valid state (repairing field by field, setting aside what cannot be read). Storage is the
 * only truth: no context keeps state in memory between events.
 */
import { languageSettings, mailProviders, type Interview, type Marks } from './types.ts';
import type { Settings } from './settings.ts';
import { defaultSettings } from './settings.ts';
import { normalizeTemplates } from './normalize-templates.ts';
import { isRecord } from './is-record.ts';
import { foldForMatch } from './text.ts';
import type { ManualEntry } from './manual-interview.ts';
import { manualToInterview } from './manual-interview.ts';

/** Where interviews come from now. The demo is the default until a real source is connected. */
export type SourceState =
  | { kind: 'demo'; anchor: number }
  /** No calendar: the demo was stopped (or ended when the user added an interview). */
  | { kind: 'none' }
  /** `selfEmail` is the primary calendar's id (the account's address), for detection. */
  | { kind: 'google'; calendarIds: string[]; selfEmail?: string }
  /** A secret iCal address: a secret, stored only here, never logged or shown unmasked. */
  | { kind: 'ical'; url: string };

/** Why an iCal sync left a component of the feed out (src/calendar/ical-feed.ts). */
export const icalSkipReasons = ['no-start', 'bad-rule', 'too-many', 'bad-zone', 'duplicate'] as const;
export type IcalSkipReason = (typeof icalSkipReasons)[number];

/** What the last full iCal read found: shown in the options page. */
export interface IcalReport {
  /** VEVENTs in the feed. */
  events: number;
  skipped: Partial<Record<IcalSkipReason, number>>;
}

/** What an iCal sync remembers between runs (the validators of the last response). */
export interface IcalCursor {
  etag?: string;
  lastModified?: string;
  /** When the feed was last parsed (epoch ms). */
  expandedAt?: number;
  report?: IcalReport;
}

/** A busy interval, kept only as start/end (for proposing free slots). Epoch ms. */
export interface BusyInterval {
  start: number;
  end: number;
}

/** Why a sync failed, in words the UI can translate. */
export const syncErrorCodes = [
  'offline', // network error, DNS, dropped connection
  'auth', // 401 after one token refresh, or sign-in cancelled/failed
  'forbidden', // 403 that is not a rate limit (calendar not shared, API disabled)
  'rate-limited', // 403 rateLimitExceeded / userRateLimitExceeded, 429
  'server', // 5xx
  'not-found', // 404 (calendar or feed gone)
  'bad-request', // 400 again after one full resync: Google refuses the request itself
  'too-large', // iCal feed over the size limit
  'not-ical', // the address did not return iCalendar data
  'malformed', // unparsable content
  'http', // any other HTTP status
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** How the last syncs of the connected source went; timestamps, never counters in memory. */
export interface SyncStatus {
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** The last attempt's failure; absent once a sync succeeds. */
  error?: { code: SyncErrorCode; at: number; status?: number };
  /** No automatic sync before this instant (Retry-After, exponential backoff). */
  backoffUntil?: number;
  /** The server itself asked for this pause (Retry-After): it binds the user's "Sync now" too. */
  serverAskedUntil?: number;
  /** Failures in a row since the last success. */
  failures: number;
}

/**
 * One watched Google calendar's own health: a calendar that fails never freezes or delays
 * another. Transient failures (rate limits, server errors, the network) back off
 * exponentially; a permanent one (gone, no longer shared, a request Google refuses even after
 * a full resync) stops this calendar's polling until the user says "Try again" or stops
 * watching it.
 */
export interface CalendarHealth {
  /** The calendar's name as the user knows it (calendar list, else the calendar's own title). */
  name?: string;
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** The last attempt's failure; absent once a read succeeds. */
  error?: { code: SyncErrorCode; at: number; status?: number; reason?: string };
  /** Set with a permanent error: no automatic read until the user acts. */
  stopped?: boolean;
  /** No automatic read before this instant (exponential backoff, Retry-After). */
  backoffUntil?: number;
  /** Google itself asked for this pause (Retry-After): it binds "Try again" too. */
  serverAskedUntil?: number;
  /** Transient failures in a row since the last success (permanent ones never count here). */
  failures: number;
}

/**
 * Where each watched Google calendar's sync stands. Sync tokens are cursors, not credentials
 * (they are useless without an OAuth token), so they may live in storage.
 */
export interface GoogleCursor {
  /** calendarId → nextSyncToken of its last complete sync. */
  syncTokens: Record<string, string>;
  /** calendarId → when its last full sync finished (the window slides, so it is redone daily). */
  fullSyncAt: Record<string, number>;
  /** calendarId → keys (`google:<eventId>`) of the interviews and busy intervals it holds. */
  items: Record<string, string[]>;
  /**
   * calendarId → keys this calendar rules out whatever the others hold: events whose copy on
   * it says the user declined, and (primary calendar only) events deleted or cancelled there.
   */
  vetoes: Record<string, string[]>;
}

export function emptyGoogleCursor(): GoogleCursor {
  return { syncTokens: {}, fullSyncAt: {}, items: {}, vetoes: {} };
}

/** Everything the extension keeps in `storage.local`. */
export interface StoredState {
  schemaVersion: number;
  settings: Settings;
  interviews: Record<string, Interview>;
  marks: Record<string, Marks>;
  source: SourceState;
  /** interviewId → reminderKey of the last reminder notified, so none is shown twice. */
  notified: Record<string, string>;
  /** Busy time of the coming two weeks, by `${source}:${eventId}`: start/end only. */
  busy: Record<string, BusyInterval>;
  sync: SyncStatus;
  /** Google only: calendarId → that calendar's own sync health. */
  calendarHealth: Record<string, CalendarHealth>;
  googleCursor: GoogleCursor;
  /** Interviews typed in by hand, by entry id, exactly as typed. */
  manual: Record<string, ManualEntry>;
  icalCursor: IcalCursor;
  /** The last interview removed ("Not an interview", or a typed-in one deleted), kept for undo. */
  removed?: RemovedInterview;
  /**
   * eventId → what the user saw when they said "Not an interview" (title, start), so the
   * options page can list the choice by name once the event is no longer among the interviews.
   * Older choices have none and are listed by id.
   */
  overrideNames?: Record<string, OverrideName>;
}

export interface OverrideName {
  title: string;
  start: number;
}

/** The keys of StoredState in `storage.local`. */
export const STORED_KEYS = ['schemaVersion', 'settings', 'interviews', 'marks', 'source', 'notified', 'busy', 'sync', 'calendarHealth', 'googleCursor', 'manual', 'icalCursor', 'removed', 'overrideNames'] as const;
type StoredKey = (typeof STORED_KEYS)[number];
/** Fails to compile, naming the key, when StoredState gains a key that is not read back. */
type Unread = Exclude<keyof StoredState, StoredKey>;
const everyKeyIsRead: [Unread] extends [never] ? true : Unread = true;
void everyKeyIsRead;

/** What undoing a removal puts back. */
export interface RemovedInterview {
  interview: Interview;
  marks?: Marks;
  /** The typed-in entry, when it was one. */
  manual?: ManualEntry;
  /** When it was removed (epoch ms). */
  at: number;
}

export const SCHEMA_VERSION = 6;

type Raw = Record<string, unknown>;

/**
 * Ordered migrations: `migrations[n]` turns a schema-n object into schema n+1. Each is pure and
 * tested. Version 0 is "nothing stored yet / written before versioning".
 */
export const migrations: ReadonlyArray<(raw: Raw) => Raw> = [
  (raw) => ({ ...raw, schemaVersion: 1 }),
  // 2: a source can be Google; busy time, sync status and the Google cursor start empty.
  // (The cursor is spelled out: a migration keeps producing the shape of its own version.)
  (raw) => ({ ...raw, schemaVersion: 2, busy: {}, sync: { failures: 0 }, googleCursor: { syncTokens: {}, fullSyncAt: {}, items: {} } }),
  // 3: interviews can be typed in by hand, or come from a secret iCal address.
  (raw) => ({ ...raw, schemaVersion: 3, manual: {}, icalCursor: {} }),
  // 4: each Google calendar has its own health, and calendars can rule events out (vetoes).
  (raw) => migrateToCalendarHealth(raw),
  // 5: the outcome model. A snooze held every later moment (`snoozedUntil`); it now holds one
  // moment and is dropped here rather than guessed; nothing else changes meaning.
  (raw) => ({ ...raw, schemaVersion: 5, marks: isRecord(raw.marks) ? Object.fromEntries(Object.entries(raw.marks).map(([id, m]) => [id, isRecord(m) ? withoutKey(m, 'snoozedUntil') : m])) : raw.marks }),
  // 6: the default keywords issue 12 added reach the users' saved keyword lists.
  (raw) => ({ ...raw, schemaVersion: 6, settings: withKeywordsOf6(raw.settings) }),
];

/**
 * The default keywords schema 6 brings (issue 12). Frozen here: a later change to the defaults
 * needs a migration of its own, and a unit test holds the defaults to that.
 */
export const KEYWORDS_ADDED_IN_6: readonly string[] = [
  'recruiter screen', 'tech screen', 'technical screen', 'hr screen', 'pre-screen', 'prescreen', 'final round',
  'colloqui', 'videocolloquio', 'chiamata conoscitiva',
];

/**
 * Adds the schema-6 default keywords to a saved keyword list, after the user's own, keeping
 * every entry the user wrote and its order.
 *
 * What can be known of a deliberate deletion: storage keeps the list, not what the user
 * removed from it, and schema 5 was written both before and after these defaults existed. A
 * list holding at least half of them was saved after they were offered: the ones it lacks were
 * deleted, so nothing is added. A list holding fewer was saved before them (the few it holds
 * the user typed in): the user never saw the others, so they are added. The one case read
 * wrongly, someone who deleted most of the new defaults, gets them back and can delete them
 * again; the opposite mistake would leave interviews undetected without a word. The rules hold
 * no list of exclusions or look-alike words to migrate: those are built in (default-rules.ts).
 */
export function withKeywordsOf6(settings: unknown): unknown {
  if (!isRecord(settings) || !isRecord(settings.rules) || !Array.isArray(settings.rules.keywords)) return settings;
  const keywords: unknown[] = settings.rules.keywords;
  const held = new Set(keywords.filter((item): item is string => typeof item === 'string').map((keyword) => foldForMatch(keyword.trim())));
  const missing = KEYWORDS_ADDED_IN_6.filter((keyword) => !held.has(keyword));
  if (KEYWORDS_ADDED_IN_6.length - missing.length >= KEYWORDS_ADDED_IN_6.length / 2) return settings;
  return { ...settings, rules: { ...settings.rules, keywords: [...keywords, ...missing] } };
}

/**
 * Schema 3 kept one status for all Google calendars: its error named no calendar and its
 * backoff could have been inflated by a calendar that was simply gone. Each watched calendar
 * starts from the last success that status knew; the unattributable error and backoff are
 * dropped, so every calendar is read at once and reports its own state.
 */
function migrateToCalendarHealth(raw: Raw): Raw {
  const next: Raw = { ...raw, schemaVersion: 4, calendarHealth: {} };
  const source = isRecord(raw.source) ? raw.source : {};
  if (source.kind === 'google') {
    const sync = isRecord(raw.sync) ? raw.sync : {};
    const calendarHealth: Record<string, CalendarHealth> = {};
    for (const id of stringArray(source.calendarIds)) {
      calendarHealth[id] = isFiniteNumber(sync.lastSuccessAt) ? { lastSuccessAt: sync.lastSuccessAt, failures: 0 } : { failures: 0 };
    }
    const { error: _error, backoffUntil: _backoff, serverAskedUntil: _asked, ...rest } = sync;
    next.calendarHealth = calendarHealth;
    next.sync = { ...rest, failures: 0 };
  }
  if (isRecord(raw.googleCursor)) next.googleCursor = { ...raw.googleCursor, vetoes: {} };
  return next;
}

function withoutKey(record: Raw, key: string): Raw {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads settings back from storage: every leaf of the defaults is taken from `raw` only when it
 * has the same type, so a corrupt or hand-edited value falls back to its default alone.
 */
export function normalizeSettings(raw: unknown): Settings {
  const merged = mergeLike(defaultSettings, raw) as Settings;
  // Enumerated settings: a string outside the offered choices falls back to the default.
  if (!(languageSettings as readonly string[]).includes(merged.language)) merged.language = defaultSettings.language;
  if (!(mailProviders as readonly string[]).includes(merged.mailProvider)) merged.mailProvider = defaultSettings.mailProvider;
  // The user's templates are a nested open map that the generic merge cannot describe.
  merged.templates = normalizeTemplates(isRecord(raw) ? raw.templates : undefined);
  return merged;
}

function mergeLike(template: unknown, raw: unknown): unknown {
  if (Array.isArray(template)) {
    // Always a copy: handing out the defaults' own array would let one caller change them for all.
    // Items must have the type of the defaults' items (strings for an empty default list).
    const itemType = template.length > 0 ? typeof template[0] : 'string';
    const valid = Array.isArray(raw) && raw.every((item) => typeof item === itemType && (itemType !== 'number' || Number.isFinite(item)));
    return valid ? [...raw] : [...template];
  }
  if (isRecord(template)) {
    if (!isRecord(raw)) return structuredClone(template);
    // Empty templates (e.g. overrides) are open maps: keep string entries as they are.
    if (Object.keys(template).length === 0) {
      return Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string'));
    }
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, mergeLike(value, raw[key])]));
  }
  if (typeof template === 'number') return isFiniteNumber(raw) ? raw : template;
  return typeof raw === typeof template ? raw : template;
}

function isInterview(value: unknown): value is Interview {
  return isRecord(value)
    && typeof value.id === 'string'
    && typeof value.title === 'string'
    && isFiniteNumber(value.start)
    && isFiniteNumber(value.end)
    && isRecord(value.interviewer)
    && Array.isArray(value.phones)
    && isRecord(value.detectedBy);
}

const isTime = (value: unknown): value is { start: number; end: number } =>
  isRecord(value) && isFiniteNumber(value.start) && isFiniteNumber(value.end) && value.end > value.start;

/** One level of marks read back: every field must have its type, or it is dropped alone. */
function normalizeMarksSnapshot(value: Record<string, unknown>): Marks {
  const marks: Marks = { callAttempts: Array.isArray(value.callAttempts) ? value.callAttempts.filter(isFiniteNumber) : [] };
  for (const key of ['connectedAt', 'missedAt', 'calledBackAt', 'noShowAt', 'askedToCallAt', 'doneAt', 'forStart'] as const) {
    const at = value[key];
    if (isFiniteNumber(at)) marks[key] = at;
  }
  if (value.rescheduled === true) marks.rescheduled = true;
  if (isTime(value.movedTo)) marks.movedTo = { start: value.movedTo.start, end: value.movedTo.end };
  if (isTime(value.proposed)) marks.proposed = { start: value.proposed.start, end: value.proposed.end };
  if (Array.isArray(value.checklist)) marks.checklist = value.checklist.filter((item): item is string => typeof item === 'string').slice(0, 20);
  if (value.language === 'en' || value.language === 'it') marks.language = value.language;
  return marks;
}

function normalizeMarks(value: unknown): Marks | undefined {
  if (!isRecord(value)) return undefined;
  const marks = normalizeMarksSnapshot(value);
  const snoozed = value.snoozed;
  if (isRecord(snoozed) && typeof snoozed.key === 'string' && snoozed.key.length <= 100 && isFiniteNumber(snoozed.until)) marks.snoozed = { key: snoozed.key, until: snoozed.until };
  if (Array.isArray(value.history)) {
    const history = value.history.filter(isRecord).slice(-20).map(normalizeMarksSnapshot);
    if (history.length > 0) marks.history = history;
  }
  return marks;
}

/** A typed-in interview read back: every field must have its type, or the entry is set aside. */
function normalizeManualEntry(id: string, value: unknown): ManualEntry | undefined {
  if (!isRecord(value) || value.id !== id) return undefined;
  const text = ['company', 'role', 'date', 'time', 'timeZone', 'interviewerName', 'interviewerEmail', 'phone'] as const;
  if (!text.every((key) => typeof value[key] === 'string' && (value[key] as string).length <= 500)) return undefined;
  if (!isFiniteNumber(value.durationMinutes)) return undefined;
  return {
    id,
    company: value.company as string,
    role: value.role as string,
    date: value.date as string,
    time: value.time as string,
    timeZone: value.timeZone as string,
    durationMinutes: value.durationMinutes,
    interviewerName: value.interviewerName as string,
    interviewerEmail: value.interviewerEmail as string,
    phone: value.phone as string,
  };
}

/**
 * Every interview the product works with: the calendar source's, plus the ones typed in by
 * hand, which are kept as typed (`manual`) and converted on read so that no sync or source
 * switch can touch them.
 */
export function allInterviews(state: Pick<StoredState, 'interviews' | 'manual'>): Record<string, Interview> {
  const result: Record<string, Interview> = { ...state.interviews };
  for (const entry of Object.values(state.manual)) {
    const interview = manualToInterview(entry);
    if (interview) result[interview.id] = interview;
  }
  return result;
}

export interface LoadResult<State = StoredState> {
  state: State;
  /** What was unreadable and set aside; empty when everything was fine. */
  problems: string[];
  /** True when migrating or repairing changed what must be written back. */
  changed: boolean;
}

/** Keys the popup never reads: what was notified, busy time, the iCal cursor, the names of overridden events. */
const UNREAD_BY_POPUP = ['notified', 'busy', 'icalCursor', 'overrideNames'] as const;
type UnreadByPopup = (typeof UNREAD_BY_POPUP)[number];

/**
 * The stored state as the popup reads it: all but the keys it never reads, so that its bundle
 * need not carry their repair (its size budget, `npm run bench`) and opening it does not fetch
 * them. Each key it has is read exactly as `loadState` reads it, and the problems and
 * `changed` are the same (tests/unit/stored-state.test.ts).
 */
export type PopupState = Omit<StoredState, UnreadByPopup>;

/**
 * Keys a reconcile with no change to apply never reads: the calendar's busy time and sync
 * cursors (the bulk of what is stored for a large calendar: thousands of intervals and ids,
 * read on every wake-up before they were left out) and the names of overridden events.
 */
const UNREAD_BY_RECONCILE = ['busy', 'googleCursor', 'icalCursor', 'overrideNames'] as const;
type UnreadByReconcile = (typeof UNREAD_BY_RECONCILE)[number];

/**
 * The stored state as a reconcile with no change to apply reads it (a wake-up, an alarm, the
 * popup's `refresh`): what the notifications, alarms, badge and the demo depend on. Written
 * back key by key, it can only change the keys it has.
 */
export type ReconcileState = Omit<StoredState, UnreadByReconcile>;

/** Keys neither the options page nor a sync's request reads: the calendar's busy time
 * (thousands of intervals for a large calendar) and what was notified. */
const LEFT_OUT_WITHOUT_BUSY = ['notified', 'busy'] as const;
type LeftOutWithoutBusy = (typeof LEFT_OUT_WITHOUT_BUSY)[number];

/** The stored state without the busy time (nor what was notified): what the options page
 * shows and what a sync asks the calendar with. Each key is read exactly as `loadState`
 * reads it. */
export type StateWithoutBusy = Omit<StoredState, LeftOutWithoutBusy>;

function keysWithout<Unread extends StoredKey>(unread: readonly Unread[]): Exclude<StoredKey, Unread>[] {
  return STORED_KEYS.filter((key): key is Exclude<StoredKey, Unread> => !(unread as readonly StoredKey[]).includes(key));
}

/** The keys of `storage.local` each of them reads. */
export const POPUP_KEYS = /* @__PURE__ */ keysWithout(UNREAD_BY_POPUP);
export const RECONCILE_KEYS = /* @__PURE__ */ keysWithout(UNREAD_BY_RECONCILE);
export const WITHOUT_BUSY_KEYS = /* @__PURE__ */ keysWithout(LEFT_OUT_WITHOUT_BUSY);

/** Turns whatever storage holds into a valid `StoredState`, migrating and repairing as needed. */
export function loadState(raw: unknown, now: number): LoadResult {
  const [data, { state, problems, changed }] = readWithoutBusy(raw, now);
  // All but the busy time, then it (storage keeps no order of keys).
  return { state: { ...state, notified: normalizeNotified(data.notified), busy: normalizeBusy(data.busy) }, problems, changed };
}

/** `loadState` without the busy time and what was notified (see StateWithoutBusy). */
export function loadStateWithoutBusy(raw: unknown, now: number): LoadResult<StateWithoutBusy> {
  return readWithoutBusy(raw, now)[1];
}

/** The popup's keys, then the iCal cursor and the names of overridden events. */
function readWithoutBusy(raw: unknown, now: number): [data: Raw, loaded: LoadResult<StateWithoutBusy>] {
  const [data, { state, problems, changed }] = readStored(raw, now);
  return [data, { state: { ...state, icalCursor: normalizeIcalCursor(data.icalCursor), ...normalizeOverrideNames(data.overrideNames) }, problems, changed }];
}

/** `loadState` without the keys the popup never reads (see PopupState). */
export function loadPopupState(raw: unknown, now: number): LoadResult<PopupState> {
  return readStored(raw, now)[1];
}

/** `loadState` without the keys a reconcile with no change to apply never reads (see ReconcileState). */
export function loadReconcileState(raw: unknown, now: number): LoadResult<ReconcileState> {
  const [data, { state, problems, changed }] = readStored(raw, now);
  const { googleCursor: _unread, ...read } = state;
  return { state: { ...read, notified: normalizeNotified(data.notified) }, problems, changed };
}

/** Migrates, reports what is set aside, and repairs every key the popup reads; `data` is the migrated object. */
function readStored(raw: unknown, now: number): [data: Raw, loaded: LoadResult<PopupState>] {
  const problems: string[] = [];
  let data: Raw = isRecord(raw) ? raw : {};
  let version = isFiniteNumber(data.schemaVersion) ? data.schemaVersion : 0;
  const changed = version !== SCHEMA_VERSION;
  if (version > SCHEMA_VERSION) {
    problems.push(`storage was written by a newer version (schema ${version}); reading what is compatible`);
    version = SCHEMA_VERSION;
  }
  for (let v = version; v < SCHEMA_VERSION; v += 1) {
    const step = migrations[v];
    if (step) data = step(data);
  }

  // A whole key that is not what it should be is set aside and reported, not replaced silently.
  for (const key of ['settings', 'interviews', 'marks', 'notified', 'busy', 'manual', 'sync', 'calendarHealth', 'googleCursor', 'icalCursor'] as const) {
    if (data[key] !== undefined && !isRecord(data[key])) problems.push(`set aside unreadable ${key}`);
  }
  if (data.source !== undefined && normalizeSource(data.source, now).kind !== (isRecord(data.source) ? data.source.kind : undefined)) {
    problems.push('set aside an unreadable calendar source; back to the demo');
  }

  const interviews: Record<string, Interview> = {};
  if (isRecord(data.interviews)) {
    for (const [id, value] of Object.entries(data.interviews)) {
      if (isInterview(value) && value.id === id) interviews[id] = value;
      else problems.push(`set aside an unreadable interview (${id.slice(0, 40)})`);
    }
  }
  const marks: Record<string, Marks> = {};
  if (isRecord(data.marks)) {
    for (const [id, value] of Object.entries(data.marks)) {
      const m = normalizeMarks(value);
      if (m) marks[id] = m;
      else problems.push(`set aside unreadable marks (${id.slice(0, 40)})`);
    }
  }
  const source = normalizeSource(data.source, now);
  const manual: Record<string, ManualEntry> = {};
  if (isRecord(data.manual)) {
    for (const [id, value] of Object.entries(data.manual)) {
      const entry = normalizeManualEntry(id, value);
      if (entry) manual[id] = entry;
      else problems.push(`set aside an unreadable typed-in interview (${id.slice(0, 40)})`);
    }
  }

  return [
    data,
    {
      state: {
        schemaVersion: SCHEMA_VERSION,
        settings: normalizeSettings(data.settings),
        interviews,
        marks,
        source,
        sync: normalizeSync(data.sync),
        calendarHealth: normalizeHealth(data.calendarHealth),
        googleCursor: normalizeCursor(data.googleCursor),
        manual,
        ...normalizeRemoved(data.removed),
      },
      problems,
      changed: changed || problems.length > 0 || !isRecord(data.source),
    },
  ];
}

const stringArray = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** An unreadable source restarts the demo from now: better than showing nothing. */
function normalizeSource(raw: unknown, now: number): SourceState {
  if (isRecord(raw) && raw.kind === 'demo' && isFiniteNumber(raw.anchor)) return { kind: 'demo', anchor: raw.anchor };
  if (isRecord(raw) && raw.kind === 'none') return { kind: 'none' };
  if (isRecord(raw) && raw.kind === 'google') {
    const calendarIds = stringArray(raw.calendarIds).filter((id) => id !== '');
    if (calendarIds.length > 0) {
      return typeof raw.selfEmail === 'string' && raw.selfEmail !== ''
        ? { kind: 'google', calendarIds, selfEmail: raw.selfEmail }
        : { kind: 'google', calendarIds };
    }
  }
  if (isRecord(raw) && raw.kind === 'ical' && typeof raw.url === 'string' && /^https:\/\/|^http:\/\/127\.0\.0\.1[:/]/.test(raw.url) && raw.url.length <= 2000) {
    return { kind: 'ical', url: raw.url };
  }
  return { kind: 'demo', anchor: now };
}

function normalizeOverrideNames(raw: unknown): { overrideNames?: Record<string, OverrideName> } {
  if (!isRecord(raw)) return {};
  const names: Record<string, OverrideName> = {};
  for (const [eventId, value] of Object.entries(raw)) {
    if (isRecord(value) && typeof value.title === 'string' && isFiniteNumber(value.start)) names[eventId] = { title: value.title.slice(0, MAX_NAME), start: value.start };
  }
  return { overrideNames: names };
}

function normalizeRemoved(raw: unknown): { removed?: RemovedInterview } {
  if (!isRecord(raw) || !isInterview(raw.interview) || !isFiniteNumber(raw.at)) return {};
  const removed: RemovedInterview = { interview: raw.interview, at: raw.at };
  const marks = normalizeMarks(raw.marks);
  if (marks) removed.marks = marks;
  const entryId = isRecord(raw.manual) && typeof raw.manual.id === 'string' ? raw.manual.id : undefined;
  const manual = entryId === undefined ? undefined : normalizeManualEntry(entryId, raw.manual);
  if (manual) removed.manual = manual;
  return { removed };
}

function normalizeNotified(raw: unknown): Record<string, string> {
  const notified: Record<string, string> = {};
  if (isRecord(raw)) {
    for (const [id, value] of Object.entries(raw)) if (typeof value === 'string') notified[id] = value;
  }
  return notified;
}

function normalizeBusy(raw: unknown): Record<string, BusyInterval> {
  const busy: Record<string, BusyInterval> = {};
  if (!isRecord(raw)) return busy;
  for (const [key, value] of Object.entries(raw)) {
    if (isRecord(value) && isFiniteNumber(value.start) && isFiniteNumber(value.end) && value.end >= value.start) busy[key] = { start: value.start, end: value.end };
  }
  return busy;
}

function normalizeSync(raw: unknown): SyncStatus {
  if (!isRecord(raw)) return { failures: 0 };
  const status: SyncStatus = { failures: isFiniteNumber(raw.failures) && raw.failures >= 0 ? Math.floor(raw.failures) : 0 };
  if (isFiniteNumber(raw.lastSuccessAt)) status.lastSuccessAt = raw.lastSuccessAt;
  if (isFiniteNumber(raw.lastAttemptAt)) status.lastAttemptAt = raw.lastAttemptAt;
  if (isFiniteNumber(raw.backoffUntil)) status.backoffUntil = raw.backoffUntil;
  if (isFiniteNumber(raw.serverAskedUntil)) status.serverAskedUntil = raw.serverAskedUntil;
  const error = raw.error;
  if (isRecord(error) && typeof error.code === 'string' && (syncErrorCodes as readonly string[]).includes(error.code) && isFiniteNumber(error.at)) {
    status.error = { code: error.code as SyncErrorCode, at: error.at };
    if (isFiniteNumber(error.status)) status.error.status = error.status;
  }
  return status;
}

const MAX_NAME = 200;

function normalizeHealth(raw: unknown): Record<string, CalendarHealth> {
  const result: Record<string, CalendarHealth> = {};
  if (!isRecord(raw)) return result;
  for (const [id, value] of Object.entries(raw)) {
    if (!isRecord(value) || id === '') continue;
    const health: CalendarHealth = { ...normalizeSync(value) };
    if (typeof value.name === 'string' && value.name !== '') health.name = value.name.slice(0, MAX_NAME);
    if (value.stopped === true) health.stopped = true;
    const error = isRecord(value.error) ? value.error : undefined;
    if (health.error && typeof error?.reason === 'string') health.error.reason = error.reason.slice(0, 100);
    result[id] = health;
  }
  return result;
}

function normalizeIcalCursor(raw: unknown): IcalCursor {
  const cursor: IcalCursor = {};
  if (!isRecord(raw)) return cursor;
  if (typeof raw.etag === 'string' && raw.etag.length <= 500) cursor.etag = raw.etag;
  if (typeof raw.lastModified === 'string' && raw.lastModified.length <= 100) cursor.lastModified = raw.lastModified;
  if (isFiniteNumber(raw.expandedAt)) cursor.expandedAt = raw.expandedAt;
  const report = raw.report;
  if (isRecord(report) && isFiniteNumber(report.events) && report.events >= 0) {
    cursor.report = { events: report.events, skipped: {} };
    const skipped = isRecord(report.skipped) ? report.skipped : {};
    for (const reason of icalSkipReasons) {
      const count = skipped[reason];
      if (isFiniteNumber(count) && count > 0) cursor.report.skipped[reason] = count;
    }
  }
  return cursor;
}

function normalizeCursor(raw: unknown): GoogleCursor {
  const cursor = emptyGoogleCursor();
  if (!isRecord(raw)) return cursor;
  if (isRecord(raw.syncTokens)) {
    for (const [id, token] of Object.entries(raw.syncTokens)) if (typeof token === 'string' && token !== '') cursor.syncTokens[id] = token;
  }
  if (isRecord(raw.fullSyncAt)) {
    for (const [id, at] of Object.entries(raw.fullSyncAt)) if (isFiniteNumber(at)) cursor.fullSyncAt[id] = at;
  }
  if (isRecord(raw.items)) {
    for (const [id, keys] of Object.entries(raw.items)) cursor.items[id] = stringArray(keys);
  }
  if (isRecord(raw.vetoes)) {
    for (const [id, keys] of Object.entries(raw.vetoes)) cursor.vetoes[id] = stringArray(keys);
  }
  return cursor;
}
