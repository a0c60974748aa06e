import { BeatProvenance, PROVENANCE_FIELDS, type Provenance } from './BeatProvenance';

export interface BeatView {
  id: string;
  position: number;
  kind: 'PLAYER_ACTION' | 'NARRATION';
  playerId: string | null;
  text: string;
  edited: boolean;
  flagSeverity: number | null;
  provenance: Provenance | null;
}

export const BEAT_FIELDS = `id position kind playerId text edited flagSeverity
  ${PROVENANCE_FIELDS}`;

/** One beat of a story read for moderation: the text, its marks, and for a narration where it came from. */
export function StoryBeat({ beat }: { beat: BeatView }) {
  return (
    <li className={beat.kind === 'PLAYER_ACTION' ? 'action' : 'narration'} data-beat={beat.id}>
      <p>
        {beat.kind === 'PLAYER_ACTION' && <strong>{beat.playerId}: </strong>}
        {beat.text}
        {beat.edited && <span className="tag">edited</span>}
        {beat.flagSeverity !== null && <span className="tag flag">flagged, severity {beat.flagSeverity}</span>}
      </p>
      {beat.provenance && <BeatProvenance provenance={beat.provenance} />}
    </li>
  );
}
