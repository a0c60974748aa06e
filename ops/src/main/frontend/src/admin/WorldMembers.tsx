import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './Feedback';
import { addWorldMember, changeWorldMemberRole, removeWorldMember, WORLD_ROLES, type WorldRole } from './worldApi';

export interface Member {
  userId: string;
  role: WorldRole;
}

/**
 * A world's members and their roles. Changes wait until the read model shows them; the API decides
 * who may make them (the owner and the world's admins, or a platform admin) and says why it refuses.
 */
export function WorldMembers(props: {
  worldId: string;
  members: Member[];
  editable: boolean;
  onChanged: (settled: (members: Member[]) => boolean) => Promise<void>;
}) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<WorldRole>('PLAYER');
  const [error, setError] = useState<Error>();
  const { worldId, onChanged } = props;

  const attempt = async (change: () => Promise<void>, settled: (members: Member[]) => boolean) => {
    setError(undefined);
    try {
      await change();
      await onChanged(settled);
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const newcomer = userId.trim();
    return attempt(
      () => addWorldMember(worldId, newcomer, role),
      (members) => members.some((m) => m.userId === newcomer),
    ).then(() => setUserId(''));
  };

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <ErrorMessage error={error} />
      <table id="members">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            {props.editable && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => (
            <tr key={member.userId} data-member={member.userId}>
              <td>{member.userId}</td>
              <td>
                {props.editable && member.role !== 'OWNER' ? (
                  <select
                    aria-label={`Role of ${member.userId}`}
                    value={member.role}
                    onChange={(e) => {
                      const next = e.target.value as WorldRole;
                      attempt(
                        () => changeWorldMemberRole(worldId, member.userId, next),
                        (members) => members.some((m) => m.userId === member.userId && m.role === next),
                      );
                    }}
                  >
                    {WORLD_ROLES.filter((r) => r !== 'OWNER').map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </td>
              {props.editable && (
                <td>
                  {member.role !== 'OWNER' && (
                    <button
                      type="button"
                      onClick={() =>
                        attempt(
                          () => removeWorldMember(worldId, member.userId),
                          (members) => !members.some((m) => m.userId === member.userId),
                        )
                      }
                    >
                      Remove
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {props.editable && (
        <form onSubmit={add} className="row" aria-label="Add a member">
          <label>
            User id
            <input id="new-member-user" value={userId} onChange={(e) => setUserId(e.target.value)} required />
          </label>
          <label>
            Role
            <select id="new-member-role" value={role} onChange={(e) => setRole(e.target.value as WorldRole)}>
              {WORLD_ROLES.filter((r) => r !== 'OWNER').map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button id="new-member-submit" type="submit">
            Add member
          </button>
        </form>
      )}
    </section>
  );
}
