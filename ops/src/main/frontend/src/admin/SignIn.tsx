import { type FormEvent, useEffect, useState } from 'react';
import { ErrorMessage, Loading } from './Feedback';
import { beginOidcSignIn } from './oidc';
import { fetchSignInOptions, type OidcSignIn, type SignInOptions, signInLocally } from './signInOptions';

const ROLES = ['PLAYER', 'WORLD_ADMIN', 'PLATFORM_ADMIN', 'MODEL_MANAGER'] as const;

/**
 * Signs in. With the embedded issuer: a user id and the roles to hold, for a token from the
 * application's own key (the `token` CLI's issuer; for local runs only). With an external issuer and a
 * client id there: that issuer's own sign-in page (OIDC authorization code + PKCE). With an external
 * issuer only: an access token obtained from it, pasted.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [options, setOptions] = useState<SignInOptions>();
  const [error, setError] = useState<Error>();
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<string[]>(['WORLD_ADMIN']);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchSignInOptions().then(setOptions, setError);
  }, []);

  if (!options) return error ? <ErrorMessage error={error} /> : <Loading what="sign-in" />;
  if (options.oidc) return <IssuerSignIn issuer={options.issuer ?? options.oidc.authorizationEndpoint} oidc={options.oidc} />;
  if (!options.localSignIn) {
    return (
      <section>
        <h2>Sign in</h2>
        <p>
          This application trusts the identity provider <code>{options.issuer ?? 'configured for it'}</code>. Sign in
          there and paste an access token below.
        </p>
        <ErrorMessage error={options.problem ? new Error(options.problem) : undefined} />
        <TokenForm onSignedIn={onSignedIn} />
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signInLocally(userId, roles));
    } catch (failure) {
      setError(failure as Error);
      setBusy(false);
    }
  };
  const toggle = (role: string) =>
    setRoles((held) => (held.includes(role) ? held.filter((r) => r !== role) : [...held, role]));

  return (
    <form onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Local sign-in</h2>
      <p className="hint">
        The embedded run is its own token issuer. Choose a user id and the roles its token grants. Never for
        production: configure an identity provider there.
      </p>
      <label>
        User id
        <input id="sign-in-user" value={userId} onChange={(e) => setUserId(e.target.value)} required autoFocus />
      </label>
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role} className="inline">
            <input type="checkbox" id={`role-${role}`} checked={roles.includes(role)} onChange={() => toggle(role)} />
            {role}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      <button id="sign-in" type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

/** The identity provider's sign-in: the browser goes there and comes back to /admin/callback. */
function IssuerSignIn({ issuer, oidc }: { issuer: string; oidc: OidcSignIn }) {
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const start = () => {
    setBusy(true);
    beginOidcSignIn(oidc).catch((failure: Error) => {
      setError(failure);
      setBusy(false);
    });
  };
  return (
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p className="hint">You sign in at your organisation's identity provider and come back here.</p>
      <ErrorMessage error={error} />
      <button id="sign-in-oidc" type="button" onClick={start} disabled={busy} autoFocus>
        Sign in with {issuer}
      </button>
    </section>
  );
}

/** For an external issuer without a client id for the portal: a token obtained from that issuer. */
function TokenForm({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSignedIn(token.trim());
      }}
    >
      <label>
        Access token
        <textarea id="sign-in-token" value={token} onChange={(e) => setToken(e.target.value)} required rows={4} />
      </label>
      <button type="submit">Use this token</button>
    </form>
  );
}
