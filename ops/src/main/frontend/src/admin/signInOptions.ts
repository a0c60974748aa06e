/** How this application signs people in, as its /admin/api/sign-in endpoint describes it. */
export interface SignInOptions {
  /** The embedded issuer: a local sign-in mints tokens with the application's own key. */
  localSignIn: boolean;
  /** The external issuer's address when one is configured (OIDC). */
  issuer: string | null;
  /** Sign-in with the external issuer (authorization code + PKCE), when the portal has a client id there. */
  oidc: OidcSignIn | null;
  /** Why the configured OIDC sign-in cannot be offered now (the issuer did not answer). */
  problem: string | null;
}

/** What the browser needs for the authorization code flow with PKCE; the server read it from the issuer. */
export interface OidcSignIn {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  scopes: string[];
  redirectUri: string;
}

export async function fetchSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/admin/api/sign-in', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`sign-in options: HTTP ${response.status}`);
  return response.json();
}

/** Asks the embedded issuer for a token; the server refuses when local sign-in is off. */
export async function signInLocally(userId: string, roles: string[]): Promise<string> {
  const response = await fetch('/admin/api/sign-in/local', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ userId, roles }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message ?? `sign-in failed: HTTP ${response.status}`);
  return body.token;
}
