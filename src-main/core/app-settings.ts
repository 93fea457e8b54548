import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { AppSettings } from '../../src-shared/contract';

const RECENT_LIMIT = 12;

const Stored = z.object({
  language: z.enum(['en', 'ru']).catch('en'),
  actorName: z.string().nullable().catch(null),
  recentProjects: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })).catch([]),
});
type Stored = z.infer<typeof Stored>;

/** Where Quire keeps this machine's settings and the sample project: $QUIRE_HOME, or the user's config folder. */
export function quireHome(): string {
  if (process.env.QUIRE_HOME) return process.env.QUIRE_HOME;
  const base = process.env.XDG_CONFIG_HOME ?? (process.platform === 'win32' ? (process.env.APPDATA ?? os.homedir()) : path.join(os.homedir(), '.config'));
  return path.join(base, 'quire');
}

/**
 * This machine's settings, in a small JSON file. A damaged or missing file gives the defaults:
 * losing the recent-projects list must never stop anyone from working.
 */
export class AppSettingsStore {
  private readonly file: string;

  constructor(readonly home: string = quireHome()) {
    this.file = path.join(home, 'settings.json');
  }

  read(): AppSettings {
    let stored: Stored = { language: defaultLanguage(), actorName: null, recentProjects: [] };
    try {
      stored = Stored.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      // first run, or a damaged file: defaults
    }
    return { ...stored, samplePath: path.join(this.home, 'sample.quire') };
  }

  update(patch: Partial<Pick<AppSettings, 'language' | 'actorName'>>): AppSettings {
    const { samplePath: _ignored, ...current } = this.read();
    return this.write({ ...current, recentProjects: [...current.recentProjects], ...patch });
  }

  /** Puts a project at the top of the recent list. */
  remember(projectPath: string, name: string): AppSettings {
    const { samplePath: _ignored, ...current } = this.read();
    const recentProjects = [
      { path: projectPath, name, openedAt: new Date().toISOString() },
      ...current.recentProjects.filter((p) => p.path !== projectPath),
    ].slice(0, RECENT_LIMIT);
    return this.write({ ...current, recentProjects });
  }

  private write(settings: Stored): AppSettings {
    fs.mkdirSync(this.home, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(settings, null, 2));
    fs.renameSync(temporary, this.file); // atomic: a crash leaves the old file or the new one
    return { ...settings, samplePath: path.join(this.home, 'sample.quire') };
  }
}

function defaultLanguage(): 'en' | 'ru' {
  const locale = Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.startsWith('ru') ? 'ru' : 'en';
}
