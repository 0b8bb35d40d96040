/**
 * Google sign-in. Chrome: `identity.getAuthToken` with the manifest's `oauth2` client
 * (Chrome keeps and refreshes the token itself). Elsewhere (Edge, Brave, Chromium, or Chrome
 * without a signed-in profile) getAuthToken fails, and `launchWebAuthFlow` runs Google's
 * OAuth implicit flow with the `https://<id>.chromiumapp.org/` redirect instead.
 *
 * Tokens are never written to storage. The one piece of module state in the worker is the
 * web flow's token, kept in memory only: when the worker restarts it is gone, and the next
 * sync gets another one without UI (`prompt=none`), which Google grants while the user's
 * session and consent last.
 *
 * The authorize endpoint is a build-time define: Google's in production, the fake OAuth
 * server's on 127.0.0.1 in `node build.mjs --test` builds only.
 */
import { MINUTE } from '../core/units.ts';
import type { ChromeManifest } from './browser.ts';
import { browser, identity } from './browser.ts';

/** The web flow's token. In memory on purpose: see above. */
let webToken: { token: string; expiresAt: number } | undefined;

/** Ask again this long before Google's stated expiry, so a request never starts with a dying token. */
const EXPIRY_MARGIN_MS = MINUTE;

export interface TokenRequest {
  interactive: boolean;
  scopes: readonly string[];
  /** The account to pre-select in the web flow (the connected address). */
  loginHint?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function manifestClientId(): string {
  return (browser.runtime.getManifest() as ChromeManifest).oauth2?.client_id ?? '';
}

/** The client for launchWebAuthFlow: a "Web application" client whose redirect URI is ours. */
function webClientId(): string {
  return __GOOGLE_WEB_CLIENT_ID__ || manifestClientId();
}

/** Which sign-in paths this build can use; the options page explains what is missing. */
export function googleSignInConfig(): { chromeClient: boolean; webClient: boolean; redirectUri: string } {
  return { chromeClient: manifestClientId() !== '', webClient: webClientId() !== '', redirectUri: identity().getRedirectURL() };
}

/** Messages with which getAuthToken says it cannot work in this browser at all. */
const GET_AUTH_TOKEN_UNUSABLE = /not signed in|not supported|unsupported|is not available|disabled/i;

async function chromeToken({ interactive, scopes }: TokenRequest): Promise<string | undefined> {
  const chromeIdentity = identity();
  if (manifestClientId() === '' || typeof chromeIdentity.getAuthToken !== 'function') return undefined;
  try {
    const { token } = await chromeIdentity.getAuthToken({ interactive: false, scopes: [...scopes] });
    if (token) return token;
  } catch (error) {
    // Chromium without a Google-signed-in profile says "The user is not signed in." and an
    // interactive call there never settles (docs/TESTING.md, "Sign-in"): go to the web flow instead.
    if (!interactive || GET_AUTH_TOKEN_UNUSABLE.test(messageOf(error))) return undefined;
    const { token } = await chromeIdentity.getAuthToken({ interactive: true, scopes: [...scopes] });
    if (token) return token;
  }
  return undefined;
}

async function webFlowToken({ interactive, scopes, loginHint }: TokenRequest): Promise<string> {
  const clientId = webClientId();
  if (clientId === '') throw new Error('This build has no Google OAuth client id (see docs/google-calendar-setup.md).');
  const state = crypto.randomUUID();
  const url = new URL(__GOOGLE_AUTH_URL__);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    redirect_uri: identity().getRedirectURL(),
    scope: scopes.join(' '),
    include_granted_scopes: 'true',
    state,
  }).toString();
  if (loginHint) url.searchParams.set('login_hint', loginHint);
  // Without UI Google must answer at once: a token, or error=interaction_required.
  if (!interactive) url.searchParams.set('prompt', 'none');
  const responseUrl = await identity().launchWebAuthFlow(interactive
    ? { url: url.href, interactive }
    // A page that wants UI must fail fast instead of waiting hidden forever.
    : { url: url.href, interactive, abortOnLoadForNonInteractive: true, timeoutMsForNonInteractive: 10_000 });
  if (!responseUrl) throw new Error('Sign-in was cancelled.');
  const answer = new URLSearchParams(new URL(responseUrl).hash.slice(1));
  if (answer.get('state') !== state) throw new Error('Sign-in answer did not match the request.');
  const error = answer.get('error');
  if (error) throw new Error(`Google sign-in: ${error}`);
  const token = answer.get('access_token');
  if (!token) throw new Error('Google sign-in gave no token.');
  const expiresIn = Number(answer.get('expires_in') ?? '3600');
  webToken = { token, expiresAt: Date.now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 - EXPIRY_MARGIN_MS };
  return token;
}

/** An access token for the Google APIs; with `interactive`, may show Google's consent UI. */
export async function getGoogleToken(request: TokenRequest): Promise<string> {
  if (webToken && webToken.expiresAt > Date.now()) return webToken.token;
  const fromChrome = await chromeToken(request);
  if (fromChrome) return fromChrome;
  return webFlowToken(request);
}

/** Forgets a token Google refused, wherever it came from, so the next request gets a new one. */
export async function dropGoogleToken(token: string): Promise<void> {
  if (webToken?.token === token) webToken = undefined;
  await identity().removeCachedAuthToken?.({ token }).catch(() => undefined);
}

/** Disconnect: forget every token this extension holds. */
export async function forgetGoogleTokens(): Promise<void> {
  webToken = undefined;
  await identity().clearAllCachedAuthTokens?.().catch(() => undefined);
}

/** Where the Calendar API lives for this build (Google's, or the fake's in test builds). */
export const googleApiBase: string = __GOOGLE_API_BASE__;
