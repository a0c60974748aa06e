import { graphql } from '../shared/graphql';

export const CONTENT_RATINGS = ['EVERYONE', 'TEEN', 'MATURE', 'ADULT'] as const;
export type ContentRating = (typeof CONTENT_RATINGS)[number];

export interface WorldSettings {
  name: string;
  premise: string;
  genre: string;
  tone: string;
  contentRating: ContentRating;
  narrativeStyle: string | null;
}

export interface LoreContent {
  title: string;
  triggerKeys: string[];
  content: string;
  category: string;
  priority: number;
  alwaysOn: boolean;
}

export interface LoreEntry {
  id: string;
  content: LoreContent;
  retired: boolean;
  revision: number;
  updatedAt: string;
}

export interface LoreSearchHit {
  loreEntryId: string;
  title: string;
  score: number;
  highlights: string[];
  reason: { description: string };
}

const SETTINGS = 'settings { name premise genre tone contentRating narrativeStyle }';

export const WORLDS_QUERY = `query Worlds { worlds { id ownerId archived ${SETTINGS} } }`;

export const WORLD_QUERY = `query World($id: ID!) {
  world(id: $id) {
    id ownerId archived createdAt ${SETTINGS}
    members { userId role }
    loreEntries(includeRetired: true) {
      id retired revision updatedAt
      content { title triggerKeys content category priority alwaysOn }
    }
    stories { id title status }
  }
}`;

export async function createWorld(settings: WorldSettings): Promise<string> {
  const data = await graphql<{ createWorld: { worldId: string } }>(
    'mutation CreateWorld($settings: WorldSettingsInput!) { createWorld(settings: $settings) { worldId } }',
    { settings },
  );
  return data.createWorld.worldId;
}

export async function changeWorldSettings(worldId: string, settings: WorldSettings): Promise<void> {
  await graphql(
    `mutation ChangeWorldSettings($worldId: ID!, $settings: WorldSettingsInput!) {
      changeWorldSettings(worldId: $worldId, settings: $settings) { worldId } }`,
    { worldId, settings },
  );
}

export async function addLoreEntry(worldId: string, content: LoreContent): Promise<string> {
  const data = await graphql<{ addLoreEntry: { loreEntryId: string } }>(
    `mutation AddLoreEntry($worldId: ID!, $content: LoreContentInput!) {
      addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }`,
    { worldId, content },
  );
  return data.addLoreEntry.loreEntryId;
}

export async function reviseLoreEntry(worldId: string, loreEntryId: string, content: LoreContent): Promise<void> {
  await graphql(
    `mutation ReviseLoreEntry($worldId: ID!, $loreEntryId: ID!, $content: LoreContentInput!) {
      reviseLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId, content: $content) { loreEntryId } }`,
    { worldId, loreEntryId, content },
  );
}

export async function retireLoreEntry(worldId: string, loreEntryId: string): Promise<void> {
  await graphql(
    `mutation RetireLoreEntry($worldId: ID!, $loreEntryId: ID!) {
      retireLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId) { loreEntryId } }`,
    { worldId, loreEntryId },
  );
}

export async function searchLore(worldId: string, text: string): Promise<LoreSearchHit[]> {
  const data = await graphql<{ searchLore: LoreSearchHit[] }>(
    `query SearchLore($worldId: ID!, $text: String!) {
      searchLore(worldId: $worldId, text: $text, first: 10) { loreEntryId title score highlights reason { description } } }`,
    { worldId, text },
  );
  return data.searchLore;
}

export type LoreActivation = { loreEntryId: string; title: string; reason: string };

export async function previewLoreActivation(worldId: string, text: string): Promise<LoreActivation[]> {
  const data = await graphql<{ loreActivationPreview: LoreActivation[] }>(
    `query PreviewLoreActivation($worldId: ID!, $text: String!) {
      loreActivationPreview(worldId: $worldId, text: $text) { loreEntryId title reason } }`,
    { worldId, text },
  );
  return data.loreActivationPreview;
}

export const WORLD_ROLES = ['OWNER', 'ADMIN', 'PLAYER'] as const;
export type WorldRole = (typeof WORLD_ROLES)[number];

export async function addWorldMember(worldId: string, userId: string, role: WorldRole): Promise<void> {
  await graphql(
    `mutation AddWorldMember($worldId: ID!, $userId: ID!, $role: WorldRole!) {
      addWorldMember(worldId: $worldId, userId: $userId, role: $role) { userId } }`,
    { worldId, userId, role },
  );
}

export async function changeWorldMemberRole(worldId: string, userId: string, role: WorldRole): Promise<void> {
  await graphql(
    `mutation ChangeWorldMemberRole($worldId: ID!, $userId: ID!, $role: WorldRole!) {
      changeWorldMemberRole(worldId: $worldId, userId: $userId, role: $role) { userId } }`,
    { worldId, userId, role },
  );
}

export async function removeWorldMember(worldId: string, userId: string): Promise<void> {
  await graphql(
    `mutation RemoveWorldMember($worldId: ID!, $userId: ID!) {
      removeWorldMember(worldId: $worldId, userId: $userId) { userId } }`,
    { worldId, userId },
  );
}

export async function archiveWorld(worldId: string): Promise<void> {
  await graphql('mutation ArchiveWorld($worldId: ID!) { archiveWorld(worldId: $worldId) { worldId } }', { worldId });
}
