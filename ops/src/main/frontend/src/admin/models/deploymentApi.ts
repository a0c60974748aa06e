import { graphql } from '../../shared/graphql';
import type { ModelRef } from './modelApi';

export interface RolloutProgress {
  rolloutId: string;
  candidate: ModelRef;
  phase: string;
  step: number;
  lastStep: number;
  plan: number[];
  weight: number;
  paused: boolean;
  reason: string;
  startedAt: string;
  strategy: { canarySteps: number[]; analysisInterval: string; minSamples: number };
}

export interface Deployment {
  id: string;
  useCase: string;
  worldId: string | null;
  stable: ModelRef;
  rollout: RolloutProgress | null;
  traffic: { stableWeight: number; canaryWeight: number; shadowMirrored: boolean; candidate: ModelRef | null };
  updatedAt: string;
}

const DEPLOYMENT_FIELDS = `id useCase worldId updatedAt
  stable { modelId version }
  traffic { stableWeight canaryWeight shadowMirrored candidate { modelId version } }
  rollout { rolloutId phase step lastStep plan weight paused reason startedAt
    candidate { modelId version } strategy { canarySteps analysisInterval minSamples } }`;

export const DEPLOYMENTS_QUERY = `query Deployments { deployments { ${DEPLOYMENT_FIELDS} } }`;

/** Every current slot first, then each slot again whenever it changes (traffic split, rollout step). */
export const DEPLOYMENT_EVENTS = `subscription DeploymentEvents { deploymentEvents { ${DEPLOYMENT_FIELDS} } }`;

export interface StrategyInput {
  shadow?: { mirroredRequests?: number; duration?: string };
  canarySteps: number[];
  analysisInterval: string;
  minSamples: number;
  gates: Record<string, number>;
}

export async function startRollout(deploymentId: string, candidate: ModelRef, strategy: StrategyInput, reason: string): Promise<string> {
  const data = await graphql<{ startRollout: { rolloutId: string } }>(
    `mutation StartRollout($deploymentId: ID!, $candidate: ModelRefInput!, $strategy: RolloutStrategyInput!, $reason: String!) {
      startRollout(deploymentId: $deploymentId, candidate: $candidate, strategy: $strategy, reason: $reason) { rolloutId } }`,
    { deploymentId, candidate, strategy, reason },
  );
  return data.startRollout.rolloutId;
}

export type RolloutControl = 'pause' | 'resume' | 'promote' | 'abort';

/** Pause, resume, promote or abort: the existing mutations; pause's reason is optional, resume takes none. */
export async function controlRollout(control: RolloutControl, deploymentId: string, rolloutId: string, reason: string): Promise<void> {
  const withReason = control === 'resume' ? '' : `, reason: $reason`;
  const reasonVariable = control === 'resume' ? '' : control === 'pause' ? ', $reason: String' : ', $reason: String!';
  await graphql(
    `mutation Control($deploymentId: ID!, $rolloutId: ID!${reasonVariable}) {
      ${control}Rollout(deploymentId: $deploymentId, rolloutId: $rolloutId${withReason}) { rolloutId } }`,
    control === 'resume' ? { deploymentId, rolloutId } : { deploymentId, rolloutId, reason: reason || null },
  );
}

export interface ArmMetrics {
  samples: number;
  errorRate: number;
  latencyP95Millis: number;
  guardrailBlockRate: number;
  detectorScore: number;
  rating: number | null;
  costPerBeat: number;
}

export interface RolloutAnalysis {
  step: number;
  phase: string;
  verdict: string;
  rationale: string;
  analyzedBy: string;
  analyzedAt: string;
  stable: ArmMetrics;
  candidate: ArmMetrics;
  results: { gate: string; threshold: number; baseline: number | null; limit: number; observed: number | null; passed: boolean }[];
}

const ARM = 'samples errorRate latencyP95Millis guardrailBlockRate detectorScore rating costPerBeat';

export const ANALYSES_QUERY = `query Analyses($deploymentId: ID!, $rolloutId: ID!) {
  rolloutAnalyses(deploymentId: $deploymentId, rolloutId: $rolloutId) {
    step phase verdict rationale analyzedBy analyzedAt
    stable { ${ARM} } candidate { ${ARM} }
    results { gate threshold baseline limit observed passed }
  }
}`;
