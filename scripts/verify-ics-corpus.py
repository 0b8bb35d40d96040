#!/usr/bin/env python3
"""
Independent check of the real-world iCal corpus's golden files (issue 11, point 4).

    python3 scripts/verify-ics-corpus.py            summary and every disagreement
    python3 scripts/verify-ics-corpus.py -v         also every agreeing file
    python3 scripts/verify-ics-corpus.py --held-out DIR OURS.json
                                                    files outside the corpus (OURS.json is
                                                    scripts/ics-held-out.ts's output for DIR)

The golden files (tests/fixtures/ics-corpus/golden) hold the busy instants the extension
computes (TypeScript, ical.js for recurrence rules, the runtime's ICU tzdata through Intl).
This script computes the same instants with nothing in common with it: its own line
reader, python's dateutil.rrule for recurrence rules and zoneinfo with the system's tzdata
(/usr/share/zoneinfo). Only the data table of Windows zone names (CLDR windowsZones, and
Windows' display names, in src/calendar/windows-zones-data.ts) is shared, as data.

What it reads, following RFC 5545: VEVENTs by UID; RECURRENCE-ID overrides (RANGE=
THISANDFUTURE shifts the later instances); the copy with the higher SEQUENCE, then the
later DTSTAMP, wins; RRULE / EXRULE / RDATE / EXDATE; DTSTART is always an instance;
DTEND − DTSTART, else DURATION (its weeks and days on the calendar), is each instance's
length; busy time is timed, not TRANSPARENT, not CANCELLED, longer than zero and
overlapping [now, now + days). TZIDs: an IANA name (any case, /prefix/ paths), a Windows
name (CLDR), the VTIMEZONE's X-LIC-LOCATION, else the VTIMEZONE's own observances (before
the first onset its first TZOFFSETFROM), else a Windows display name ("(UTC-05:00) Eastern Time (US & Canada)", keyed
as the table's display rows); a TZID nothing defines, and floating times, use X-WR-TIMEZONE,
else Europe/Rome (FLOATING_ZONE of tests/unit/ics-corpus-run.ts).

Not run by the unit suite (it needs python3 and dateutil); run it after any change to a
golden file. Where it disagrees with a golden file, the file was read by hand against RFC
5545 and tzdata and the decision is written in MANIFEST.json ("notes").
"""
import datetime as dt
import json
import os
import re
import signal
import sys
from zoneinfo import ZoneInfo, available_timezones

from dateutil import rrule as du

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CORPUS = os.path.join(ROOT, 'tests', 'fixtures', 'ics-corpus')
FLOATING_ZONE = 'Europe/Rome'
UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1)

IANA = {name.lower(): name for name in available_timezones()}
IANA['utc'] = 'UTC'


def windows_tables():
    """Windows name → IANA, and Windows display name key → IANA (rows '~key|Windows name')."""
    text = open(os.path.join(ROOT, 'src', 'calendar', 'windows-zones-data.ts'), encoding='utf-8').read()
    data = re.search(r"WINDOWS_ZONES = '([^']*)'", text).group(1)
    names, displays = {}, {}
    full = lambda short: (short[:-1] if short.endswith('!') else short + ' Standard Time').lower()
    for row in data.split(';'):
        name, value = row.split('|')
        if name.startswith('~'):
            displays[name[1:]] = value
        else:
            names[full(name)] = value
    return names, {key: names[full(windows)] for key, windows in displays.items()}


WINDOWS, DISPLAYS = windows_tables()


def display_key(name):
    """'(UTC-05:00) Eastern Time (US & Canada)' → 'eastern time us and canada': the offset,
    '&' or 'and', punctuation and case taken out (they changed across Windows versions)."""
    m = re.match(r'\((?:utc|gmt)[^)]{0,7}\)(.+)$', name, re.IGNORECASE)
    if not m:
        return None
    words = re.findall(r'[a-z0-9]+', m.group(1).lower().replace('&', ' and '))
    return ' '.join(words)


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    if data.startswith(b'\xff\xfe') or data.startswith(b'\xfe\xff'):
        return data.decode('utf-16')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('cp1252', errors='replace')


def content_lines(text):
    lines = []
    for raw in re.split(r'\r\n|\n|\r', text):
        if raw[:1] in (' ', '\t') and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def parse_line(line):
    """name, {PARAM: value}, value; quotes respected. A quoted TZID that swallowed the
    value ("W. Europe Standard Time:2020…") is split at its last colon."""
    i, n = 0, len(line)
    while i < n and line[i] not in ';:':
        i += 1
    name = line[:i].strip().upper()
    params = {}
    while i < n and line[i] == ';':
        i += 1
        j = i
        while j < n and line[j] not in '=;:':
            j += 1
        key = line[i:j].strip().upper()
        i = j
        value = ''
        if i < n and line[i] == '=':
            i += 1
            if i < n and line[i] == '"':
                k = line.find('"', i + 1)
                if k == -1:
                    k = n
                value = line[i + 1:k]
                i = min(k + 1, n)
            else:
                j = i
                while j < n and line[j] not in ';:':
                    j += 1
                value = line[i:j]
                i = j
        params[key] = value
    if i >= n:
        # The value went into a quoted parameter: TZID="Zone:20200609T090000".
        for key, value in params.items():
            if ':' in value:
                params[key], rest = value.rsplit(':', 1)
                return name, params, rest
        return name, params, ''
    return name, params, line[i + 1:]


def components(lines):
    """Nested components as (name, props, children); props = [(name, params, value)]."""
    root = ('ROOT', [], [])
    stack = [root]
    for line in lines:
        name, params, value = parse_line(line)
        if name == 'BEGIN':
            comp = (value.strip().upper(), [], [])
            stack[-1][2].append(comp)
            stack.append(comp)
        elif name == 'END':
            if len(stack) > 1:
                stack.pop()
        else:
            stack[-1][1].append((name, params, value))
    return root


def first(comp, name):
    for prop in comp[1]:
        if prop[0] == name:
            return prop
    return None


def every(comp, name):
    return [prop for prop in comp[1] if prop[0] == name]


def wall_of(value):
    m = re.match(r'^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)(Z)?)?', value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m.group(4) is None:
        return dt.datetime(y, mo, d), 'date'
    return dt.datetime(y, mo, d, int(m.group(4)), int(m.group(5)), int(m.group(6))), 'utc' if m.group(7) else 'local'


def offset_of(value):
    m = re.match(r'^([+-])(\d\d)(\d\d)(\d\d)?$', value.strip())
    if not m:
        return None
    seconds = int(m.group(2)) * 3600 + int(m.group(3)) * 60 + int(m.group(4) or 0)
    return dt.timedelta(seconds=-seconds if m.group(1) == '-' else seconds)


def iana_name(name):
    if not name:
        return None
    parts = [p for p in name.split('/') if p]
    for take in range(min(3, len(parts)), 0, -1):
        candidate = '/'.join(parts[-take:]).lower()
        if candidate in IANA:
            return IANA[candidate]
    return None


class IanaZone:
    def __init__(self, name):
        self.zone = ZoneInfo(name)

    def to_utc(self, wall):
        # fold=0: a repeated time is its first occurrence, a skipped one is read with the
        # offset from before the gap (PEP 495), as RFC 5545 §3.3.5 asks.
        return wall.replace(tzinfo=self.zone).astimezone(UTC).replace(tzinfo=None)

    def to_wall(self, utc):
        return utc.replace(tzinfo=UTC).astimezone(self.zone).replace(tzinfo=None)


class BlockZone:
    """A VTIMEZONE's own observances: onsets from DTSTART, RRULE (dateutil) and RDATE."""

    def __init__(self, comp):
        self.changes = []  # (utc onset, offset to)
        self.initial = None
        starts = []
        for obs in comp[2]:
            if obs[0] not in ('STANDARD', 'DAYLIGHT'):
                continue
            start = wall_of(first(obs, 'DTSTART')[2])[0] if first(obs, 'DTSTART') else None
            frm = offset_of(first(obs, 'TZOFFSETFROM')[2]) if first(obs, 'TZOFFSETFROM') else None
            to = offset_of(first(obs, 'TZOFFSETTO')[2]) if first(obs, 'TZOFFSETTO') else None
            if start is None or to is None:
                continue
            frm = frm if frm is not None else to
            starts.append((start - frm, frm))
            onsets = [start]
            for prop in every(obs, 'RRULE'):
                text, until = split_until(prop[2])
                rule = du.rrulestr(text, dtstart=start)
                limit = dt.datetime(2040, 1, 1)
                if until is not None:
                    # UNTIL in UTC: the onset's UTC instant must not pass it.
                    limit = min(limit, until[0] + frm if until[1] == 'utc' else until[0])
                onsets += rule.between(start, limit, inc=True)
            for prop in every(obs, 'RDATE'):
                for item in prop[2].split(','):
                    parsed = wall_of(item.split('/')[0])
                    if parsed:
                        onsets.append(parsed[0])
            self.changes += [(onset - frm, to) for onset in onsets]
        self.changes.sort()
        if starts:
            self.initial = min(starts)[1]

    def offset_at(self, utc):
        offset = self.initial
        for onset, to in self.changes:
            if onset <= utc:
                offset = to
            else:
                break
        return offset

    def to_wall(self, utc):
        return utc + self.offset_at(utc)

    def to_utc(self, wall):
        candidates = sorted({wall - o for o in {to for _, to in self.changes} | {self.initial}})
        valid = [u for u in candidates if self.offset_at(u) == wall - u]
        if valid:
            return min(valid)
        # In a gap: the offset from before it.
        return wall - self.offset_at(wall - dt.timedelta(days=1))


def split_until(text):
    # Spaces inside a rule (Exchange's "BYDAY=MO, TU, WE") carry nothing: dropped.
    parts = [p for p in re.sub(r'\s+', '', text).split(';') if p]
    until = None
    kept = []
    for part in parts:
        key, _, value = part.partition('=')
        if key.strip().upper() == 'UNTIL':
            until = wall_of(value)
        else:
            kept.append(part.strip())
    return ';'.join(kept), until


class Calendar:
    def __init__(self, root):
        cal = next((c for c in root[2] if c[0] == 'VCALENDAR'), root)
        self.events = [c for c in cal[2] if c[0] == 'VEVENT']
        self.blocks = {}
        for c in cal[2]:
            if c[0] == 'VTIMEZONE' and first(c, 'TZID'):
                self.blocks.setdefault(first(c, 'TZID')[2].strip().strip('"').strip().lower(), c)
        wr = first(cal, 'X-WR-TIMEZONE')
        named = self.named(wr[2].strip()) if wr else None
        self.floating = IanaZone(named or FLOATING_ZONE)
        self.cache = {}

    @staticmethod
    def named(name):
        name = name.strip().strip('"').strip()
        iana = iana_name(name)
        if iana is None and name.lower() in WINDOWS:
            iana = WINDOWS[name.lower()]
        return iana

    def zone(self, tzid):
        if tzid is None:
            return self.floating
        if tzid not in self.cache:
            named = self.named(tzid)
            if named:
                zone = IanaZone(named)
            else:
                block = self.blocks.get(tzid.strip().strip('"').strip().lower())
                location = first(block, 'X-LIC-LOCATION') if block else None
                if location and self.named(location[2]):
                    zone = IanaZone(self.named(location[2]))
                elif block:
                    zone = BlockZone(block)
                elif displayed := DISPLAYS.get(display_key(tzid.strip().strip('"').strip()) or ''):
                    zone = IanaZone(displayed)
                else:
                    zone = self.floating
            self.cache[tzid] = zone
        return self.cache[tzid]

    def instant(self, prop):
        """(utc naive datetime, wall, kind) of a DATE / DATE-TIME property."""
        parsed = wall_of(prop[2])
        if parsed is None:
            return None
        wall, kind = parsed
        if prop[1].get('VALUE', '').upper() == 'DATE' or kind == 'date':
            return None, wall, 'date'
        if kind == 'utc':
            return wall, wall, 'utc'
        return self.zone(prop[1].get('TZID')).to_utc(wall), wall, 'local'


def iso(utc):
    return utc.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (utc.microsecond // 1000)


def duration_of(text):
    """(days, the rest) of a DURATION, each signed: RFC 5545 §3.3.6 counts weeks and days on
    the calendar, hours, minutes and seconds exactly."""
    m = re.match(r'^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$', text.strip())
    if not m:
        return None
    sign = -1 if m.group(1) == '-' else 1
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in m.groups()[1:])
    return sign * dt.timedelta(weeks=weeks, days=days), sign * dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def length_of(cal, event, start_utc):
    end = first(event, 'DTEND')
    if end is not None:
        parsed = cal.instant(end)
        if parsed and parsed[2] != 'date':
            return max(dt.timedelta(0), parsed[0] - start_utc)
        return dt.timedelta(0)  # a DATE end of a timed start: no length
    duration = first(event, 'DURATION')
    if duration is not None:
        value = duration_of(duration[2])
        if value is None:
            return dt.timedelta(0)
        days, rest = value
        start = first(event, 'DTSTART')
        if days and cal.instant(start)[2] == 'local':
            zone = cal.zone(start[1].get('TZID'))
            end = zone.to_utc(zone.to_wall(start_utc) + days) + rest
        else:
            end = start_utc + days + rest
        return max(dt.timedelta(0), end - start_utc)
    return dt.timedelta(0)


def status(event):
    prop = first(event, 'STATUS')
    return prop[2].strip().upper() if prop else ''


def opaque(event):
    prop = first(event, 'TRANSP')
    return not (prop and prop[2].strip().upper() == 'TRANSPARENT')


def newer(a, b):
    def key(event):
        seq = first(event, 'SEQUENCE')
        stamp = first(event, 'DTSTAMP')
        try:
            number = int(seq[2].strip()) if seq else 0
        except ValueError:
            number = 0
        return number, stamp[2].strip() if stamp else ''
    return key(a) > key(b)


def occurrences(cal, master, start_utc, start_wall, kind, upto):
    """UTC instants of the series up to `upto` (DTSTART included), minus EXDATE/EXRULE."""
    zone = (lambda wall: wall) if kind == 'utc' else (lambda wall: cal.zone(first(master, 'DTSTART')[1].get('TZID')).to_utc(wall))
    found = {start_utc}
    limit_wall = upto + dt.timedelta(days=2)

    def expand(prop):
        text, until = split_until(prop[2])
        rule = du.rrulestr(text, dtstart=start_wall, forceset=False, ignoretz=True)
        out = []
        for wall in rule.xafter(start_wall, inc=True) if hasattr(rule, 'xafter') else rule:
            if wall > limit_wall:
                break
            utc = zone(wall)
            if until is not None:
                if until[1] == 'utc' and utc > until[0]:
                    break
                if until[1] == 'local' and wall > until[0]:
                    break
                if until[1] == 'date' and wall.date() > until[0].date():
                    break
            out.append(utc)
        return out

    for prop in every(master, 'RRULE'):
        found.update(expand(prop))
    for prop in every(master, 'RDATE'):
        if prop[1].get('VALUE', '').upper() == 'DATE':
            continue
        for item in prop[2].split(','):
            parsed = cal.instant((prop[0], prop[1], item.split('/')[0]))
            if parsed and parsed[2] != 'date':
                found.add(parsed[0])
    excluded = set()
    excluded_days = set()
    for prop in every(master, 'EXDATE'):
        for item in prop[2].split(','):
            parsed = cal.instant((prop[0], prop[1], item))
            if parsed is None:
                continue
            if parsed[2] == 'date':
                excluded_days.add(parsed[1].date())
            else:
                excluded.add(parsed[0])
    for prop in every(master, 'EXRULE'):
        excluded.update(expand(prop))
    # An all-day EXDATE removes the occurrences on that local day.
    def local_day(utc):
        return (utc - start_utc + start_wall).date() if kind != 'utc' else utc.date()
    return sorted(u for u in found if u not in excluded and local_day(u) not in excluded_days)


def busy_instants(path, now, days):
    cal = Calendar(components(content_lines(decode(open(path, 'rb').read()))))
    start_window = now
    end_window = now + dt.timedelta(days=days)
    masters, overrides = {}, {}
    for event in cal.events:
        uid_prop = first(event, 'UID')
        uid = uid_prop[2].strip() if uid_prop and uid_prop[2].strip() else None
        if first(event, 'DTSTART') is None:
            continue
        key = uid or f'?{id(event)}'
        rid = first(event, 'RECURRENCE-ID')
        if rid is not None:
            parsed = cal.instant(rid)
            if parsed is None or parsed[2] == 'date':
                continue
            slot = overrides.setdefault(key, {})
            if parsed[0] not in slot or newer(event, slot[parsed[0]]):
                slot[parsed[0]] = event
            continue
        if key not in masters or newer(event, masters[key]):
            masters[key] = event
    result = {}

    def record(event, ident, start, length):
        end = start + length
        if status(event) == 'CANCELLED' or not opaque(event) or end <= start:
            return
        if end > start_window and start < end_window:
            result[ident] = (iso(start), iso(end))

    for key, master in masters.items():
        parsed = cal.instant(first(master, 'DTSTART'))
        own = overrides.pop(key, {})
        if parsed is None or parsed[2] == 'date':
            for rid, event in own.items():
                record_override(cal, record, key, rid, event)
            continue
        start_utc, start_wall, kind = parsed
        length = length_of(cal, master, start_utc)
        repeats = every(master, 'RRULE') or every(master, 'RDATE')
        if not repeats:
            record(master, f'ical:{key}', start_utc, length)
            for rid, event in own.items():
                record_override(cal, record, key, rid, event)
            continue
        future = []
        for rid, event in own.items():
            rng = first(event, 'RECURRENCE-ID')[1].get('RANGE', '').upper()
            ev_start = cal.instant(first(event, 'DTSTART'))
            if rng == 'THISANDFUTURE' and ev_start and ev_start[2] != 'date':
                future.append((rid, event, ev_start[0] - rid, length_of(cal, event, ev_start[0])))
        future.sort(key=lambda change: change[0])
        reach = max([abs(change[2]) for change in future], default=dt.timedelta(0))
        if status(master) != 'CANCELLED':
            for occ in occurrences(cal, master, start_utc, start_wall, kind, end_window + reach):
                if occ in own:
                    continue
                change = None
                for candidate in future:
                    if candidate[0] <= occ:
                        change = candidate
                ident = f'ical:{key}@{iso(occ)}'
                if change:
                    record(change[1], ident, occ + change[2], change[3])
                else:
                    # DTEND's length is the master's; a DURATION's days are where each falls.
                    record(master, ident, occ, length if first(master, 'DTEND') is not None else length_of(cal, master, occ))
        for rid, event in own.items():
            record_override(cal, record, key, rid, event)
    for key, own in overrides.items():
        for rid, event in own.items():
            record_override(cal, record, key, rid, event)
    return result


def record_override(cal, record, key, rid, event):
    parsed = cal.instant(first(event, 'DTSTART'))
    if parsed is None or parsed[2] == 'date':
        return
    record(event, f'ical:{key}@{iso(rid)}', parsed[0], length_of(cal, event, parsed[0]))


def compare(path, windows, label='golden'):
    """Recomputes the busy instants of the file at `path` in each window and compares them with
    the window's `instants` (the golden file's, or the parser's output for --held-out).
    Returns (problems, instants compared, agreeing, disagreeing)."""
    problems = []
    count = agree = disagree = 0
    for window in windows:
        if window.get('error'):
            problems.append(f"{window['now']}: the parser refused the feed ({window['error']})")
            continue
        now = dt.datetime.strptime(window['now'][:19], '%Y-%m-%dT%H:%M:%S')
        try:
            signal.alarm(VERIFIER_SECONDS)
            expected = busy_instants(path, now, window['days'])
        except (Exception, VerifierTimeout) as error:  # noqa: BLE001 — reported, decided by hand
            problems.append(f"{window['now']}: verifier failed: {error!r}")
            continue
        finally:
            signal.alarm(0)
        got = {i['id']: (i['start'], i['end']) for i in window['instants']}
        # Events without UID get an id derived from their content: compared by instant.
        anonymous_expected = sorted(v for k, v in expected.items() if k.startswith('ical:?'))
        anonymous_got = sorted(v for k, v in got.items() if k not in expected)
        for ident in sorted(set(expected) | set(got)):
            if ident.startswith('ical:?') or (ident in got and ident not in expected and anonymous_expected):
                continue
            count += 1
            if expected.get(ident) == got.get(ident):
                agree += 1
            else:
                disagree += 1
                problems.append(f"{window['now']}: {ident}: {label} {got.get(ident)}, verifier {expected.get(ident)}")
        if anonymous_expected:
            count += len(anonymous_expected)
            if anonymous_expected == anonymous_got:
                agree += len(anonymous_expected)
            else:
                disagree += len(anonymous_expected)
                problems.append(f"{window['now']}: events without UID: {label} {anonymous_got}, verifier {anonymous_expected}")
    return problems, count, agree, disagree


class VerifierTimeout(Exception):
    pass


def _timeout(*_):
    raise VerifierTimeout('over the time limit')


# dateutil expands a SECONDLY or MINUTELY rule from its DTSTART: years of them take minutes.
VERIFIER_SECONDS = 20
signal.signal(signal.SIGALRM, _timeout)


def held_out(folder, ours_file):
    """Files outside the corpus (scripts/ics-held-out.ts wrote what the parser reads in them):
    every disagreement is listed, to be read by hand."""
    agree_files = disagree_files = agree = disagree = 0
    for result in json.load(open(ours_file, encoding='utf-8')):
        problems, _, file_agree, file_disagree = compare(os.path.join(folder, result['file']), result['windows'], 'parser')
        agree += file_agree
        disagree += file_disagree
        if problems:
            disagree_files += 1
            print(f"DISAGREE {result['file']}")
            for problem in problems[:10]:
                print(f'    {problem}')
            if len(problems) > 10:
                print(f'    … and {len(problems) - 10} more')
        else:
            agree_files += 1
    print(f'{agree_files} files agree, {disagree_files} disagree; {agree} instants agree, {disagree} disagree')
    return 0


def main():
    if '--held-out' in sys.argv:
        at = sys.argv.index('--held-out')
        return held_out(sys.argv[at + 1], sys.argv[at + 2])
    verbose = '-v' in sys.argv
    manifest = json.load(open(os.path.join(CORPUS, 'MANIFEST.json'), encoding='utf-8'))
    agree_files = disagree_files = agree = disagree = undecided = 0
    for entry in manifest:
        golden = json.load(open(os.path.join(CORPUS, 'golden', entry['file'][:-4] + '.json'), encoding='utf-8'))
        problems, count, file_agree, file_disagree = compare(os.path.join(CORPUS, entry['file']), golden['windows'])
        agree += file_agree
        disagree += file_disagree
        if problems:
            disagree_files += 1
            decided = 'decided by hand, see its notes in MANIFEST.json' if entry.get('notes') else 'NOT YET DECIDED'
            undecided += 0 if entry.get('notes') else 1
            print(f"DISAGREE {entry['file']} ({entry['exporter']}): {decided}")
            for problem in problems:
                print(f'    {problem}')
        else:
            agree_files += 1
            if verbose:
                print(f"agree    {entry['file']} ({entry['exporter']}): {count} instants")
    print(f'{agree_files} files agree, {disagree_files} disagree ({undecided} not decided by hand); {agree} instants agree, {disagree} disagree')
    return 1 if undecided else 0


if __name__ == '__main__':
    sys.exit(main())
