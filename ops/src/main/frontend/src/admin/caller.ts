import { graphql } from '../shared/graphql';

export type PlatformRole = 'PLAYER' | 'WORLD_ADMIN' | 'PLATFORM_ADMIN' | 'MODEL_MANAGER';

/** The caller as the API knows them from their token. */
export interface Caller {
  userId: string;
  roles: PlatformRole[];
}

export async function whoAmI(): Promise<Caller> {
  const data = await graphql<{ me: Caller }>('query Me { me { userId roles } }');
  return data.me;
}

/**
 * Who may open the worlds screens: the API lets world admins create worlds and platform admins see
 * every world (AccessPolicy); screens only hide what the roles cannot do, the API still decides.
 */
export function mayAdministerWorlds(caller: Caller): boolean {
  return caller.roles.includes('WORLD_ADMIN') || caller.roles.includes('PLATFORM_ADMIN');
}

export function mayCreateWorlds(caller: Caller): boolean {
  return mayAdministerWorlds(caller);
}
