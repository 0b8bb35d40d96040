import { browser } from './browser.ts';

/**
 * CLDR's Windows → IANA zone table, packaged as data by build.mjs (from
 * src/calendar/windows-zones-data.ts) and read at each iCal sync. Undefined when it cannot
 * be read: Windows zone names then fall back to the feed's own VTIMEZONE.
 */
export async function loadWindowsZones(): Promise<string | undefined> {
  try {
    const response = await fetch(browser.runtime.getURL('windows-zones.txt'));
    const table = await response.text();
    return table.includes('|') ? table : undefined;
  } catch {
    return undefined;
  }
}
