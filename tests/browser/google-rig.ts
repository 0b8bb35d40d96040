// The Google set-up every Google browser test file needs: the fake Calendar API and OAuth
// server on ports the system chose, a test build pointed at them (isolated-build.ts), the
// extension launched on it, and an extension page to send messages from.
import type { Page } from 'playwright-core';
import { GOOGLE_SCOPES } from '../../src/calendar/google-calendar.ts';
import { FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import { FakeGoogleOAuth } from '../fakes/google-oauth.ts';
import { launchExtension } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { isolatedTestBuild, TEST_CLIENT_ID } from './isolated-build.ts';

export interface GoogleRig {
  api: FakeGoogleCalendarApi;
  oauth: FakeGoogleOAuth;
  session: ExtensionSession;
  /** An extension page (runs none of our code) to send messages from. */
  messenger: Page;
  /** The fake OAuth server's origin: its consent page opens there. */
  authOrigin: string;
  close(): Promise<void>;
}

/** `calendars` fills the fake API before the extension starts. */
export async function startGoogleRig(calendars: (api: FakeGoogleCalendarApi) => void, locale = 'en-US'): Promise<GoogleRig> {
  const api = await new FakeGoogleCalendarApi().listen(0);
  const oauth = await new FakeGoogleOAuth({ clientId: TEST_CLIENT_ID, requiredScopes: GOOGLE_SCOPES, onToken: (t) => api.validTokens.add(t) }).listen(0);
  const build = await isolatedTestBuild({ authUrl: oauth.authorizeUrl, apiBase: api.baseUrl });
  calendars(api);
  const session = await launchExtension({ locale, distDir: build.distDir });
  const messenger = await session.openPage('manifest.json');
  return {
    api,
    oauth,
    session,
    messenger,
    authOrigin: new URL(oauth.authorizeUrl).origin,
    close: async () => {
      await session.close();
      await api.close();
      await oauth.close();
      await build.remove();
    },
  };
}
