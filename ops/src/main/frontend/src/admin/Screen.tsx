import { type Caller, screenGroups } from './caller';
import { BeatAudit } from './models/BeatAudit';
import { Deployments } from './models/Deployments';
import { ModelPage } from './models/ModelPage';
import { Models } from './models/Models';
import { RolloutPage } from './models/RolloutPage';
import { EventLog } from './operations/EventLog';
import { Operations } from './operations/Operations';
import { groupOf, type Route } from './route';
import { StoryPage } from './StoryPage';
import { WorldPage } from './WorldPage';
import { Worlds } from './Worlds';

/**
 * The screen the route names, if the caller's roles allow its group (the API refuses the rest anyway);
 * without a route, the first screen the roles allow.
 */
export function Screen({ caller, route }: { caller: Caller; route: Route | undefined }) {
  const groups = screenGroups(caller);
  if (groups.length === 0) return <Refused caller={caller} />;
  const shown = route ?? firstScreen(groups[0]);
  if (!groups.includes(groupOf(shown))) return <Refused caller={caller} />;
  switch (shown.screen) {
    case 'worlds':
      return <Worlds />;
    case 'world':
      return <WorldPage worldId={shown.worldId} caller={caller} />;
    case 'story':
      return <StoryPage worldId={shown.worldId} storyId={shown.storyId} />;
    case 'models':
      return <Models />;
    case 'model':
      return <ModelPage modelId={shown.modelId} />;
    case 'deployments':
      return <Deployments />;
    case 'rollout':
      return <RolloutPage deploymentId={shown.deploymentId} rolloutId={shown.rolloutId} />;
    case 'audit':
      return <BeatAudit storyId={shown.storyId} beatId={shown.beatId} />;
    case 'operations':
      return <Operations />;
    case 'events':
      return <EventLog />;
  }
}

function firstScreen(group: ReturnType<typeof groupOf>): Route {
  return { screen: group === 'worlds' ? 'worlds' : group === 'models' ? 'models' : 'operations' };
}

function Refused({ caller }: { caller: Caller }) {
  return (
    <section id="refused" role="alert">
      <h1>Not for your roles</h1>
      <p>
        This screen is for other roles: world admins open the worlds, platform admins and the model manager the models
        and deployments, platform admins the operations. Your token grants {caller.roles.join(', ') || 'no roles'}.
      </p>
    </section>
  );
}
