import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './Feedback';
import type { LoreContent } from './worldApi';

const EMPTY: LoreContent = { title: '', triggerKeys: [], content: '', category: 'general', priority: 0, alwaysOn: false };

/** A lore entry's content: title, trigger keys (comma-separated), text, category, priority, always-on. */
export function LoreForm(props: {
  initial?: LoreContent;
  idPrefix: string;
  submitLabel: string;
  onSubmit: (content: LoreContent) => Promise<void>;
  onCancel?: () => void;
}) {
  const [content, setContent] = useState<LoreContent>(props.initial ?? EMPTY);
  const [keys, setKeys] = useState((props.initial?.triggerKeys ?? []).join(', '));
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LoreContent>(key: K, value: LoreContent[K]) =>
    setContent((current) => ({ ...current, [key]: value }));
  const id = (field: string) => `${props.idPrefix}-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const triggerKeys = keys.split(',').map((key) => key.trim()).filter(Boolean);
      await props.onSubmit({ ...content, triggerKeys });
      if (!props.initial) {
        setContent(EMPTY);
        setKeys('');
      }
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="grid">
      <label>
        Title
        <input id={id('title')} value={content.title} onChange={(e) => set('title', e.target.value)} required />
      </label>
      <label>
        Trigger keys (comma-separated)
        <input id={id('keys')} value={keys} onChange={(e) => setKeys(e.target.value)} />
      </label>
      <label>
        Category
        <input id={id('category')} value={content.category} onChange={(e) => set('category', e.target.value)} />
      </label>
      <label>
        Priority (−100 to 100)
        <input
          id={id('priority')}
          type="number"
          min={-100}
          max={100}
          value={content.priority}
          onChange={(e) => set('priority', Number(e.target.value))}
        />
      </label>
      <label className="wide">
        Content
        <textarea id={id('content')} value={content.content} onChange={(e) => set('content', e.target.value)} required rows={4} />
      </label>
      <label className="inline">
        <input id={id('always-on')} type="checkbox" checked={content.alwaysOn} onChange={(e) => set('alwaysOn', e.target.checked)} />
        Always given to the narrator
      </label>
      <div className="wide">
        <ErrorMessage error={error} />
        <button id={id('submit')} type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
