import { type Caller, type ScreenGroup, screenGroups } from './caller';
import { href } from './route';

const LINKS: Record<ScreenGroup, { label: string; target: string }[]> = {
  worlds: [{ label: 'Worlds', target: href({ screen: 'worlds' }) }],
  models: [
    { label: 'Models', target: href({ screen: 'models' }) },
    { label: 'Deployments', target: href({ screen: 'deployments' }) },
    { label: 'Beat audit', target: href({ screen: 'audit' }) },
  ],
  operations: [
    { label: 'Operations', target: href({ screen: 'operations' }) },
    { label: 'Event log', target: href({ screen: 'events' }) },
  ],
};

/** The screens the caller's roles open, and GraphiQL (which every signed-in caller may use). */
export function Navigation({ caller }: { caller: Caller }) {
  const groups = screenGroups(caller);
  return (
    <>
      <a className="brand" href={groups.length > 0 ? LINKS[groups[0]][0].target : '#/'}>
        Storyteller admin
      </a>
      <nav aria-label="Screens" id="screens">
        {groups.flatMap((group) =>
          LINKS[group].map((link) => (
            <a key={link.target} href={link.target}>
              {link.label}
            </a>
          )),
        )}
        <a href="/graphiql">GraphiQL</a>
      </nav>
    </>
  );
}
