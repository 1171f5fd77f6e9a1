/**
 * The popup's and Options' "Save an anonymised sample": the list of kept samples, and one of them
 * anonymised by the background (lib/aliexpress/anonymise.ts), offered as a local blob link so the
 * buyer sees what was removed before saving it. No downloads permission; nothing is sent.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Removed } from '../aliexpress/anonymise';
import type { SampleSummary } from '../store/samples';
import { call } from './client';

export interface PreparedSample {
  id: SampleSummary['id'];
  fileName: string;
  /** A blob: URL of the file, for an `<a download>`. */
  url: string;
  removed: Removed;
}

export interface SamplesState {
  samples: SampleSummary[];
  prepared: PreparedSample | null;
  error: string | null;
  prepare: (id: SampleSummary['id']) => void;
  /** Asks for the list again (after "Delete all data"). */
  reload: () => void;
}

export function useSamples(): SamplesState {
  const [samples, setSamples] = useState<SampleSummary[]>([]);
  const [prepared, setPrepared] = useState<PreparedSample | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () => {
    call('anonymisedSample', {}).then((r) => {
      if (r.ok) setSamples(r.value.samples);
      if (r.ok && r.value.samples.length === 0) setPrepared(null);
    });
  };
  useEffect(reload, []);

  useEffect(() => () => (prepared ? URL.revokeObjectURL(prepared.url) : undefined), [prepared]);

  const prepare = (id: SampleSummary['id']) => {
    call('anonymisedSample', { id }).then((r) => {
      if (!r.ok) return setError(r.error);
      setSamples(r.value.samples);
      const file = r.value.file;
      if (!file) return setPrepared(null);
      const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
      setError(null);
      setPrepared({ id, fileName: file.fileName, url, removed: file.removed });
    });
  };

  return { samples, prepared, error, prepare, reload };
}
