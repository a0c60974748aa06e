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

/** Models and deployments: platform admins and the model manager (AccessPolicy.managesModels). */
export function mayManageModels(caller: Caller): boolean {
  return caller.roles.includes('PLATFORM_ADMIN') || caller.roles.includes('MODEL_MANAGER');
}

/** Event processing, dead letters and the audit explorer: platform admins only. */
export function mayOperate(caller: Caller): boolean {
  return caller.roles.includes('PLATFORM_ADMIN');
}

/** The groups of screens a caller may open, in the order the navigation lists them. */
export type ScreenGroup = 'worlds' | 'models' | 'operations';

export function screenGroups(caller: Caller): ScreenGroup[] {
  const groups: ScreenGroup[] = [];
  if (mayAdministerWorlds(caller)) groups.push('worlds');
  if (mayManageModels(caller)) groups.push('models');
  if (mayOperate(caller)) groups.push('operations');
  return groups;
}
