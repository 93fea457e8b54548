import { z } from 'zod';
import { mutation, query, session } from './define';
import { Name } from './common';
import type { ProjectInfo } from '../model/entities';

/** Who is working: found by name among the team members, or added to the team. */
export const ActorInput = z.object({
  name: Name,
  initials: z.string().trim().min(1).max(6).optional(),
});

const Path = z.string().min(1, { message: 'Say which project file to use.' });

export const projectMethods = {
  'project.create': session(
    z.object({ path: Path, name: Name.optional(), description: z.string().max(10_000).optional(), actor: ActorInput }),
  ).returns<ProjectInfo>(),
  'project.open': session(z.object({ path: Path, actor: ActorInput })).returns<ProjectInfo>(),
  'project.close': session(z.object({})).returns<null>(),
  'project.info': query(z.object({})).returns<ProjectInfo>(),
  'project.update': mutation(
    z.object({ name: Name.optional(), description: z.string().max(10_000).optional() }),
  ).returns<ProjectInfo>(),
};
