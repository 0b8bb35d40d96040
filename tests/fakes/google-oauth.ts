/**
 * A fake of Google's OAuth 2.0 authorize endpoint for `chrome.identity.launchWebAuthFlow`
 * (implicit flow, `response_type=token`), on 127.0.0.1. Test builds point the extension at it
 * through the build-time seam (__GOOGLE_AUTH_URL__); production builds cannot.
 *
 * Like Google it checks the client id, the `https://<extension id>.chromiumapp.org/`
 * redirect and the scopes; shows a consent page the test clicks (interactive flow); answers
 * `prompt=none` at once, with a token once the user has consented and
 * `error=interaction_required` before; and returns `state` untouched. Every token it issues is
 * added to the fake API's accepted tokens.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

export interface AuthorizeRequest {
  query: URLSearchParams;
  /** How it was answered. */
  outcome: 'consent-page' | 'token' | 'interaction_required' | 'denied' | 'bad-request';
}

const REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class FakeGoogleOAuth {
  readonly requests: AuthorizeRequest[] = [];
  /** Tokens issued, in order. */
  readonly issued: string[] = [];
  /** Whether the user has granted the scopes to the client (Google remembers consent). */
  consented = false;
  private server: Server | undefined;
  private port = 0;
  private counter = 0;

  constructor(
    private readonly options: { clientId: string; requiredScopes: readonly string[]; onToken: (token: string) => void },
  ) {}

  /** `http://127.0.0.1:PORT/o/oauth2/v2/auth` */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.port}/o/oauth2/v2/auth`;
  }

  async listen(port = 0): Promise<this> {
    const listening = await listenOnLoopback((req, res) => this.handle(req, res), port);
    this.server = listening.server;
    this.port = listening.port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  /** Non-interactive requests (`prompt=none`) answered with a token: silent refreshes. */
  silentGrants(): number {
    return this.requests.filter((r) => r.query.get('prompt') === 'none' && r.outcome === 'token').length;
  }

  private issue(): string {
    this.counter += 1;
    const token = `ya29.fake-${this.counter}-${Math.random().toString(36).slice(2, 10)}`;
    this.issued.push(token);
    this.options.onToken(token);
    return token;
  }

  private redirect(res: ServerResponse, query: URLSearchParams, fragment: Record<string, string>): void {
    const answer = new URLSearchParams(fragment);
    const state = query.get('state');
    if (state !== null) answer.set('state', state);
    res.writeHead(302, { Location: `${query.get('redirect_uri')}#${answer.toString()}`, 'Cache-Control': 'no-store' });
    res.end();
  }

  private grant(res: ServerResponse, query: URLSearchParams): void {
    this.redirect(res, query, { access_token: this.issue(), token_type: 'Bearer', expires_in: '3599', scope: query.get('scope') ?? '' });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    if (url.pathname === '/o/oauth2/v2/approve' || url.pathname === '/o/oauth2/v2/deny') {
      // The consent page's buttons carry the original request along.
      const original = new URLSearchParams(query.get('request') ?? '');
      if (url.pathname.endsWith('/deny')) {
        this.redirect(res, original, { error: 'access_denied' });
        return;
      }
      this.consented = true;
      this.grant(res, original);
      return;
    }
    if (url.pathname !== '/o/oauth2/v2/auth') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const record: AuthorizeRequest = { query, outcome: 'bad-request' };
    this.requests.push(record);
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    const problem = query.get('client_id') !== this.options.clientId ? 'invalid_client'
      : !REDIRECT.test(query.get('redirect_uri') ?? '') ? 'redirect_uri_mismatch'
      : query.get('response_type') !== 'token' ? 'unsupported_response_type'
      : this.options.requiredScopes.some((s) => !scopes.includes(s)) || scopes.length === 0 ? 'invalid_scope'
      : undefined;
    if (problem) {
      // Google shows an error page and does not redirect for a bad client or redirect URI.
      res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Error 400: ${problem}</title><h1>Access blocked: Error 400: ${problem}</h1>`);
      return;
    }
    if (query.get('prompt') === 'none') {
      record.outcome = this.consented ? 'token' : 'interaction_required';
      if (this.consented) this.grant(res, query);
      else this.redirect(res, query, { error: 'interaction_required' });
      return;
    }
    record.outcome = 'consent-page';
    const request = escapeHtml(encodeURIComponent(query.toString()));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head>
<body><h1>Interview Standby wants to access your Google Account</h1>
<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<p><a id="deny" href="/o/oauth2/v2/deny?request=${request}">Cancel</a>
<a id="allow" href="/o/oauth2/v2/approve?request=${request}">Allow</a></p></body></html>`);
  }
}
