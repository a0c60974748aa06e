import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../shared/graphql';
import { currentToken, forgetToken, keepToken, SIGNED_OUT_EVENT, tokenExpiresAt } from '../shared/session';
import { closeSubscriptions } from '../shared/subscribe';
import { type Caller, whoAmI } from './caller';
import { ErrorMessage, Loading } from './Feedback';
import { Navigation } from './Navigation';
import { OidcCallback } from './OidcCallback';
import { useRoute } from './route';
import { Screen } from './Screen';
import { SignIn } from './SignIn';

type Session =
  | { state: 'checking' }
  | { state: 'callback' }
  | { state: 'signedOut'; error?: Error }
  | { state: 'signedIn'; caller: Caller };

const CALLBACK_PATH = '/admin/callback';
const SIGN_IN_ENDED = 'Your sign-in has ended (the token expired or was refused): sign in again.';

function initialSession(): Session {
  if (window.location.pathname.replace(/\/$/, '') === CALLBACK_PATH) return { state: 'callback' };
  return currentToken() ? { state: 'checking' } : { state: 'signedOut' };
}

/** The portal's frame: who is signed in, what their roles let them open, and the current screen. */
export function App() {
  const [session, setSession] = useState<Session>(initialSession);
  const route = useRoute();

  const identify = useCallback(() => {
    whoAmI().then(
      (caller) => setSession({ state: 'signedIn', caller }),
      (error: Error) => {
        if (error instanceof ApiFailure && error.unauthenticated) forgetToken();
        setSession({ state: 'signedOut', error });
      },
    );
  }, []);

  useEffect(() => {
    if (session.state === 'checking') identify();
  }, [session.state, identify]);

  // an expired or refused token signs out cleanly: at its expiry, and whenever the API refuses it
  const signedInNow = session.state === 'signedIn';
  useEffect(() => {
    if (!signedInNow) return;
    const ended = () => {
      forgetToken();
      setSession({ state: 'signedOut', error: new Error(SIGN_IN_ENDED) });
    };
    window.addEventListener(SIGNED_OUT_EVENT, ended);
    const expiresAt = tokenExpiresAt();
    const timer = expiresAt === undefined ? undefined : window.setTimeout(ended, Math.max(0, expiresAt - Date.now()));
    return () => {
      window.removeEventListener(SIGNED_OUT_EVENT, ended);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [signedInNow]);

  const signedIn = useCallback((token: string) => {
    keepToken(token);
    closeSubscriptions();
    setSession({ state: 'checking' });
  }, []);
  const signOut = () => {
    forgetToken();
    closeSubscriptions();
    setSession({ state: 'signedOut' });
  };

  if (session.state === 'checking') return <Loading what="your account" />;
  if (session.state === 'callback') {
    return (
      <main className="narrow">
        <h1>Storyteller admin</h1>
        <OidcCallback onSignedIn={signedIn} />
      </main>
    );
  }
  if (session.state === 'signedOut') {
    return (
      <main className="narrow">
        <h1>Storyteller admin</h1>
        <ErrorMessage error={session.error} />
        <SignIn onSignedIn={signedIn} />
      </main>
    );
  }
  const { caller } = session;
  return (
    <>
      <header className="bar">
        <Navigation caller={caller} />
        <span className="who" id="signed-in-as">
          {caller.userId} · {caller.roles.join(', ') || 'no roles'}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        <Screen caller={caller} route={route} />
      </main>
    </>
  );
}
