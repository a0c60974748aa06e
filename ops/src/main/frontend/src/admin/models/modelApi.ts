import { graphql } from '../../shared/graphql';

export const MODEL_KINDS = ['CHAT', 'EMBEDDING', 'CLASSIFIER'] as const;
export const MODEL_STATUSES = ['ACTIVE', 'RETIRED'] as const;
export const MODEL_SOURCES = ['PAID_API', 'SELF_HOSTED', 'DOWNLOADED', 'HOUSE_TRAINED', 'FINE_TUNED', 'VARIANT'] as const;

export interface ModelRef {
  modelId: string;
  version: string;
}

export function refText(ref: ModelRef | null | undefined): string {
  return ref ? `${ref.modelId} v${ref.version}` : '—';
}

export interface ModelRow {
  id: string;
  source: string;
  status: string;
  discoveredBy: string | null;
  spec: { provider: string; kind: string; contextWindow: number; license: string };
  versions: { version: string }[];
  updatedAt: string;
}

export const MODELS_QUERY = `query Models($kind: ModelKind, $status: ModelStatus) {
  models(kind: $kind, status: $status) {
    id source status discoveredBy updatedAt
    spec { provider kind contextWindow license }
    versions { version }
  }
}`;

export interface ModelDetail extends ModelRow {
  registeredBy: string;
  registeredAt: string;
  retiredReason: string | null;
  spec: ModelRow['spec'] & {
    providerModelId: string;
    capabilities: string[];
    price: { inputPerMillion: number; outputPerMillion: number; currency: string };
  };
  variant: {
    name: string;
    base: ModelRef;
    useCase: string;
    systemPrompt: string | null;
    sampling: { temperature: number | null; topP: number | null; maxTokens: number | null } | null;
  } | null;
  versions: {
    version: string;
    derivedFrom: ModelRef | null;
    trainingDataRange: string | null;
    artifact: { uri: string; sha256: string; sizeBytes: number } | null;
    evaluations: { suite: string; metrics: { name: string; value: number }[]; evaluatedAt: string }[];
    addedBy: string;
    addedAt: string;
  }[];
  lineage: Lineage | null;
}

/** A version's chain: the version itself first, then what it derives from, back to a root. */
export interface Lineage {
  chain: { ref: ModelRef; source: string | null }[];
}

const LINEAGE_FIELDS = 'chain { source ref { modelId version } }';

export const LINEAGE_QUERY = `query Lineage($id: ID!, $version: String!) {
  model(id: $id) { lineage(version: $version) { ${LINEAGE_FIELDS} } }
}`;

export const MODEL_QUERY = `query Model($id: ID!) {
  model(id: $id) {
    id source status discoveredBy updatedAt registeredBy registeredAt retiredReason
    spec { provider providerModelId kind capabilities contextWindow license price { inputPerMillion outputPerMillion currency } }
    variant { name useCase systemPrompt base { modelId version } sampling { temperature topP maxTokens } }
    versions {
      version trainingDataRange addedBy addedAt
      derivedFrom { modelId version }
      artifact { uri sha256 sizeBytes }
      evaluations { suite evaluatedAt metrics { name value } }
    }
    lineage { ${LINEAGE_FIELDS} }
  }
}`;

export interface DiscoveryRun {
  startedAt: string;
  finishedAt: string;
  requestedBy: string;
  providers: { provider: string; ok: boolean; modelsSeen: number; modelsRegistered: number; versionsAdded: number;
    modelsRejected: number; error: string | null }[];
}

const DISCOVERY_FIELDS = `startedAt finishedAt requestedBy
  providers { provider ok modelsSeen modelsRegistered versionsAdded modelsRejected error }`;

export const DISCOVERY_RUNS_QUERY = `query DiscoveryRuns { discoveryRuns(limit: 10) { ${DISCOVERY_FIELDS} } }`;

export async function discoverModels(): Promise<DiscoveryRun> {
  const data = await graphql<{ discoverModels: DiscoveryRun }>(`mutation Discover { discoverModels { ${DISCOVERY_FIELDS} } }`);
  return data.discoverModels;
}
