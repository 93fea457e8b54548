import { summary } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import type { Wave } from '../../../src-shared/contract';
import type { QueryContext, SomeHandlers } from '../context';

/** The project setting holding the waves, as JSON. */
const SETTING_WAVES = 'waves';

/** The project's waves, earliest first. */
export function projectWaves(ctx: QueryContext): Wave[] {
  const row = ctx.raw.prepare('SELECT value FROM project_settings WHERE id = ?').pluck().get(SETTING_WAVES) as string | undefined;
  return row ? (JSON.parse(row) as Wave[]) : [];
}

const isDay = (day: string): boolean => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/** The waves in order, or a plain-worded error: a date that does not exist, an end before a start, a name used twice, two waves sharing days. */
function checked(waves: readonly Wave[]): Wave[] {
  for (const w of waves) {
    for (const day of [w.start, w.end]) if (!isDay(day)) throw new QuireError('invalid_input', `“${w.name}”: there is no day ${day}.`, { wave: w.name });
    if (w.end < w.start) throw new QuireError('invalid_input', `“${w.name}” ends (${w.end}) before it starts (${w.start}).`, { wave: w.name });
  }
  const names = new Set<string>();
  for (const w of waves) {
    const key = w.name.toLocaleLowerCase();
    if (names.has(key)) throw new QuireError('invalid_input', `Two waves are called “${w.name}”: give each its own name.`, { wave: w.name });
    names.add(key);
  }
  const sorted = [...waves].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (after.start <= before.end) {
      throw new QuireError('invalid_input', `“${before.name}” (to ${before.end}) and “${after.name}” (from ${after.start}) share days: a document must fall in one wave only.`, { waves: [before.name, after.name] });
    }
  }
  return sorted.map((w) => ({ name: w.name, start: w.start, end: w.end }));
}

export const waveHandlers: SomeHandlers<'waves.list' | 'waves.set'> = {
  'waves.list': async (ctx) => projectWaves(ctx),

  'waves.set': async (ctx, { waves }) => {
    const next = checked(waves);
    const value = JSON.stringify(next);
    const exists = ctx.raw.prepare('SELECT 1 FROM project_settings WHERE id = ?').get(SETTING_WAVES) !== undefined;
    if (exists) ctx.write.update('project_settings', SETTING_WAVES, { value });
    else ctx.write.insert('project_settings', { id: SETTING_WAVES, value });
    ctx.describe(next.length === 0 ? summary('waves.clear') : summary('waves.set', { waves: next.map((w) => w.name).join(', ') }));
    return next;
  },
};
