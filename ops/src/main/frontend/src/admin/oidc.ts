import { jwtClaims } from '../shared/session';
import type { OidcSignIn } from './signInOptions';

// The authorization code flow with PKCE (RFC 7636, S256) for a public client: the browser holds no
// secret, so the code is bound to a verifier only this tab knows. What the tab must remember across the
// round trip to the identity provider (state, nonce, verifier) waits in sessionStorage, for one use.
const PENDING_KEY = 'storyteller.oidc.pending';

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

/** Sends the browser to the identity provider's sign-in. */
export async function beginOidcSignIn(oidc: OidcSignIn): Promise<void> {
  const pending: Pending = { state: randomText(32), nonce: randomText(32), verifier: randomText(48) };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(oidc.authorizationEndpoint);
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', oidc.clientId);
  params.set('redirect_uri', oidc.redirectUri);
  params.set('scope', oidc.scopes.join(' '));
  params.set('state', pending.state);
  params.set('nonce', pending.nonce);
  params.set('code_challenge', await challengeOf(pending.verifier));
  params.set('code_challenge_method', 'S256');
  window.location.assign(url.toString());
}

/**
 * Finishes the sign-in on the callback: the identity provider's answer must carry the state this tab
 * sent, then the code is exchanged (with the verifier) for the access token. Every refusal says why.
 */
export async function completeOidcSignIn(oidc: OidcSignIn, search: string): Promise<string> {
  const answer = new URLSearchParams(search);
  const remembered = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);

  const error = answer.get('error');
  if (error) {
    const description = answer.get('error_description');
    throw new Error(`The identity provider refused the sign-in: ${error}${description ? ` (${description})` : ''}.`);
  }
  if (!remembered) {
    throw new Error('This tab has no sign-in in progress (it was finished already, or began in another tab): sign in again.');
  }
  const pending: Pending = JSON.parse(remembered);
  if (answer.get('state') !== pending.state) {
    throw new Error('Sign-in refused: the answer does not carry the state this tab sent (a forged or stale callback).');
  }
  const code = answer.get('code');
  if (!code) throw new Error('The identity provider sent no authorization code.');

  const tokens = await exchange(oidc, code, pending.verifier);
  if (typeof tokens.id_token === 'string' && jwtClaims(tokens.id_token)?.nonce !== pending.nonce) {
    throw new Error('Sign-in refused: the ID token does not carry the nonce this tab sent.');
  }
  if (typeof tokens.access_token !== 'string' || !tokens.access_token) {
    throw new Error('The identity provider answered without an access token.');
  }
  return tokens.access_token;
}

async function exchange(oidc: OidcSignIn, code: string, verifier: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(oidc.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: oidc.redirectUri,
        client_id: oidc.clientId,
        code_verifier: verifier,
      }),
    });
  } catch (failure) {
    throw new Error(
      `The token endpoint ${oidc.tokenEndpoint} could not be reached from this page (network, CORS at the ` +
        `identity provider, or the Content-Security-Policy): ${(failure as Error).message}`,
    );
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const why = body.error ? `${body.error}${body.error_description ? ` (${body.error_description})` : ''}` : `HTTP ${response.status}`;
    throw new Error(`The identity provider refused to exchange the code: ${why}.`);
  }
  return body;
}

function randomText(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
