import { z } from 'zod';
import { session } from './define';

/** Settings of this machine, not of a project: who works here, the language, recent projects. */
export interface AppSettings {
  readonly language: 'en' | 'ru';
  /** The name this machine's user works under (the team member); null until they say. */
  readonly actorName: string | null;
  readonly recentProjects: readonly { readonly path: string; readonly name: string; readonly openedAt: string }[];
  /** Where the built-in sample project lives on this machine. */
  readonly samplePath: string;
}

export const appMethods = {
  'app.settings': session(z.object({})).returns<AppSettings>(),
  'app.updateSettings': session(
    z.object({ language: z.enum(['en', 'ru']).optional(), actorName: z.string().trim().min(1).max(200).optional() }),
  ).returns<AppSettings>(),
  /** Creates the sample project on first use and opens it. */
  'app.openSample': session(z.object({})).returns<{ readonly path: string }>(),
};
