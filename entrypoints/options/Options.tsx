import { useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES } from '@/lib/backup-limits';
import { call } from '@/lib/client';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Hands a text to the browser as a download through a blob link (no downloads permission). */
function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function Options() {
  const [status, setStatus] = useState<Status>(null);

  async function onExport() {
    const r = await call('exportBackup', {});
    if (!r.ok) return setStatus({ kind: 'error', text: `Export failed: ${r.error}` });
    download(r.value.fileName, r.value.json, 'application/json');
    setStatus({ kind: 'ok', text: `Exported ${r.value.orders} orders to ${r.value.fileName}.` });
  }

  async function onImport(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      return setStatus({
        kind: 'error',
        text: `Import failed: the file is ${mb} MB; a Buyer Shield backup is at most 25 MB. Nothing was imported.`,
      });
    }
    const r = await call('importBackup', { text: await file.text() });
    setStatus(
      r.ok
        ? { kind: 'ok', text: `Imported ${r.value.orders} orders from ${file.name}.` }
        : { kind: 'error', text: `Import failed: ${r.error}` },
    );
  }

  return (
    <main>
      <h1>Buyer Shield options</h1>
      <section aria-labelledby="backup-title">
        <h2 id="backup-title">Backup</h2>
        <p>Your orders, deadlines, checklists and settings, as one file you keep.</p>
        <button type="button" onClick={onExport}>
          Export backup
        </button>
        <p>
          <label for="import">Import backup</label>{' '}
          <input
            id="import"
            type="file"
            accept="application/json,.json"
            onChange={(e) => onImport(e.currentTarget)}
          />
        </p>
        {status ? (
          <p role={status.kind === 'error' ? 'alert' : 'status'} class={`status-${status.kind}`}>
            {status.text}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">Privacy</h2>
        <p>
          Buyer Shield keeps everything on this device. It sends nothing to any server, has no analytics and
          loads no remote code. It never stores the receiver's name, address or phone number.
        </p>
      </section>
    </main>
  );
}
