/**
 * Runs the scenario catalogue (tests/unit/rules/scenarios.ts, in words in docs/scenarios.md)
 * with the machine and the buyer in each zone of issue 13: UTC, UTC+14, UTC−12, São Paulo and
 * Berlin (one case crosses its October DST change).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planReminders } from '../../../lib/background/reminders';
import { assessOrder } from '../../../lib/rules';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { SCENARIOS } from './scenarios';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/Sao_Paulo', 'Europe/Berlin'] as const;
const DOC = readFileSync(path.resolve(__dirname, '../../../docs/scenarios.md'), 'utf8');
const saved = process.env.TZ;
afterAll(() => {
  process.env.TZ = saved;
});

describe('docs/scenarios.md', () => {
  it('describes every scenario the suite runs, under its exact title', () => {
    for (const s of SCENARIOS) expect(DOC, s.title).toContain(`### ${s.title}\n`);
    const titles = [...DOC.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(SCENARIOS.map((s) => s.title));
  });
});

describe.each(ZONES)('scenarios with the machine and the buyer in %s', (zone) => {
  it.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_title, s) => {
    process.env.TZ = zone;
    const now = new Date(s.now);
    const a = assessOrder(s.facts, { now, zone });
    expect(a.lines.map((l) => l.stage)).toEqual(s.stages);
    expect(a.headline === null ? null : [a.headline.kind, a.headline.severity]).toEqual(s.step);
    expect(a.group).toBe(s.group);
    const plan = planReminders({
      assessments: [a],
      leadTimesMinutes: DEFAULT_SETTINGS.leadTimesMinutes,
      sent: new Map(),
      now: now.getTime(),
      lastCheck: null,
      knownSince: () => 0,
    });
    const first = plan.show[0];
    expect(first === undefined ? null : (first.escalation?.kind ?? first.deadline.kind)).toBe(s.notify);
    s.check?.(a);
  });
});
