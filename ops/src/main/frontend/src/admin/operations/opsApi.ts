import { graphql } from '../../shared/graphql';

export interface Segment {
  segmentId: number;
  mask: number;
  owner: string | null;
  claimedHere: boolean;
  position: number | null;
  replaying: boolean;
  replayProgress: number | null;
  error: string | null;
}

export interface Processor {
  name: string;
  running: boolean;
  supportsReset: boolean;
  position: number;
  head: number;
  lag: number;
  replaying: boolean;
  replayProgress: number | null;
  error: string | null;
  deadLetterSequences: number;
  segments: Segment[];
}

const SEGMENT = 'segmentId mask owner claimedHere position replaying replayProgress error';

export const PROCESSORS_QUERY = `query Processors { eventProcessors {
  name running supportsReset position head lag replaying replayProgress error deadLetterSequences segments { ${SEGMENT} } } }`;

export interface Reset {
  name: string;
  headAtReset: number;
}

export async function resetProcessor(name: string, from: string | null): Promise<Reset> {
  const data = await graphql<{ resetProcessor: Reset }>(
    'mutation Reset($name: String!, $from: DateTime) { resetProcessor(name: $name, from: $from) { name headAtReset } }',
    { name, from },
  );
  return data.resetProcessor;
}

export interface SegmentChange {
  succeeded: boolean;
  change: string;
  segments: Segment[];
}

export async function changeSegment(change: 'split' | 'merge', name: string, segmentId: number): Promise<SegmentChange> {
  const field = change === 'split' ? 'splitSegment' : 'mergeSegment';
  const data = await graphql<Record<string, SegmentChange>>(
    `mutation Change($name: String!, $segmentId: Int!) { ${field}(name: $name, segmentId: $segmentId) { succeeded change segments { ${SEGMENT} } } }`,
    { name, segmentId },
  );
  return data[field];
}

export interface DeadLetter {
  processingGroup: string;
  sequence: string;
  index: number;
  eventType: string;
  causeType: string | null;
  causeMessage: string | null;
  enqueuedAt: string;
  lastTouched: string | null;
}

export const DEAD_LETTERS_QUERY = `query DeadLetters { deadLetters(first: 50) {
  processingGroup sequence index eventType causeType causeMessage enqueuedAt lastTouched } }`;

export interface DeadLetterDetail {
  eventIdentifier: string;
  eventType: string;
  eventTimestamp: string | null;
  aggregateType: string | null;
  aggregateId: string | null;
  aggregateSequence: number | null;
  payload: string;
  metadata: string | null;
  causeType: string | null;
  causeMessage: string | null;
  diagnostics: string | null;
}

export const DEAD_LETTER_QUERY = `query DeadLetter($group: String!, $sequence: String!, $index: Long) {
  deadLetter(processingGroup: $group, sequence: $sequence, index: $index) {
    eventIdentifier eventType eventTimestamp aggregateType aggregateId aggregateSequence payload metadata causeType causeMessage diagnostics } }`;

export async function retryDeadLetters(group: string, sequence: string): Promise<{ sequencesCleared: number; sequencesRemaining: number }> {
  const data = await graphql<{ retryDeadLetters: { sequencesCleared: number; sequencesRemaining: number } }>(
    `mutation Retry($group: String!, $sequence: String) {
      retryDeadLetters(processingGroup: $group, sequence: $sequence) { sequencesTried sequencesCleared sequencesRemaining } }`,
    { group, sequence },
  );
  return data.retryDeadLetters;
}

export async function evictDeadLetters(group: string, sequence: string): Promise<number> {
  const data = await graphql<{ evictDeadLetters: { lettersEvicted: number } }>(
    `mutation Evict($group: String!, $sequence: String!) {
      evictDeadLetters(processingGroup: $group, sequence: $sequence) { lettersEvicted } }`,
    { group, sequence },
  );
  return data.evictDeadLetters.lettersEvicted;
}

export interface OperatorAction {
  cursor: string;
  actionId: string;
  operatorId: string;
  action: string;
  target: string;
  outcome: string;
  succeeded: boolean;
  at: string;
}

export const OPERATOR_ACTIONS_QUERY = `query OperatorActions($after: String) {
  operatorActions(first: 20, after: $after) { cursor actionId operatorId action target outcome succeeded at } }`;

export interface EventLogEntry {
  globalIndex: number;
  aggregateId: string;
  aggregateType: string | null;
  aggregateSequence: number;
  eventType: string;
  payloadType: string;
  timestamp: string;
  payload: string;
}

export interface EventLogPage {
  edges: { cursor: string; node: EventLogEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const EVENT_LOG_QUERY = `query EventLog($filter: EventLogFilter, $after: String, $order: EventLogOrder!) {
  eventLog(filter: $filter, first: 25, after: $after, order: $order) {
    edges { cursor node { globalIndex aggregateId aggregateType aggregateSequence eventType payloadType timestamp payload } }
    pageInfo { hasNextPage endCursor } } }`;
