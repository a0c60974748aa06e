import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from './Feedback';
import { completeOidcSignIn } from './oidc';
import { fetchSignInOptions } from './signInOptions';

/** The page the identity provider sends the browser back to (/admin/callback): finishes the sign-in, or says why not. */
export function OidcCallback({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [error, setError] = useState<Error>();
  const started = useRef(false);

  useEffect(() => {
    // once only: the pending sign-in is used up by the first attempt
    if (started.current) return;
    started.current = true;
    const search = window.location.search;
    fetchSignInOptions()
      .then((options) => {
        if (!options.oidc) throw new Error(options.problem ?? 'This application offers no sign-in with an identity provider.');
        return completeOidcSignIn(options.oidc, search);
      })
      .then((token) => {
        // leave the callback address (and its code) out of the history and the address bar
        window.history.replaceState(null, '', '/admin/#/worlds');
        onSignedIn(token);
      }, setError);
  }, [onSignedIn]);

  if (!error) return <Loading what="your sign-in" />;
  return (
    <section id="sign-in-refused">
      <h2>Sign-in failed</h2>
      <ErrorMessage error={error} />
      <p>
        <a id="sign-in-again" href="/admin/">
          Back to sign-in
        </a>
      </p>
    </section>
  );
}
