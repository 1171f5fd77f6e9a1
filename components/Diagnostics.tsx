import { formatInstant } from '@/lib/format';
import type { Diagnostic } from '@/lib/store/db';

export function Diagnostics({ items, locale, zone }: { items: Diagnostic[]; locale: string; zone: string }) {
  if (!items.length) return null;
  return (
    <details class="diagnostics">
      <summary>Pages we could not read ({items.length})</summary>
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            We could not read {d.source} on {formatInstant(d.at, locale, zone)}: {d.problem}
          </li>
        ))}
      </ul>
    </details>
  );
}
