import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './Feedback';
import { CONTENT_RATINGS, type ContentRating, type WorldSettings } from './worldApi';

const EMPTY: WorldSettings = { name: '', premise: '', genre: '', tone: '', contentRating: 'TEEN', narrativeStyle: null };

/** A world's settings and content rating; the API validates them and names the field it refuses. */
export function WorldSettingsForm(props: {
  initial?: WorldSettings;
  submitLabel: string;
  idPrefix: string;
  disabled?: boolean;
  onSubmit: (settings: WorldSettings) => Promise<void>;
}) {
  const [settings, setSettings] = useState<WorldSettings>(props.initial ?? EMPTY);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof WorldSettings>(key: K, value: WorldSettings[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));
  const id = (field: string) => `${props.idPrefix}-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit({ ...settings, narrativeStyle: settings.narrativeStyle?.trim() || null });
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="grid">
      <label>
        Name
        <input id={id('name')} value={settings.name} onChange={(e) => set('name', e.target.value)} required />
      </label>
      <label>
        Genre
        <input id={id('genre')} value={settings.genre} onChange={(e) => set('genre', e.target.value)} required />
      </label>
      <label>
        Tone
        <input id={id('tone')} value={settings.tone} onChange={(e) => set('tone', e.target.value)} required />
      </label>
      <label>
        Content rating
        <select
          id={id('rating')}
          value={settings.contentRating}
          onChange={(e) => set('contentRating', e.target.value as ContentRating)}
        >
          {CONTENT_RATINGS.map((rating) => (
            <option key={rating}>{rating}</option>
          ))}
        </select>
      </label>
      <label className="wide">
        Premise
        <textarea id={id('premise')} value={settings.premise} onChange={(e) => set('premise', e.target.value)} required rows={3} />
      </label>
      <label className="wide">
        Narrative style (optional)
        <input id={id('style')} value={settings.narrativeStyle ?? ''} onChange={(e) => set('narrativeStyle', e.target.value)} />
      </label>
      <div className="wide">
        <ErrorMessage error={error} />
        <button id={id('submit')} type="submit" disabled={busy || props.disabled}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
