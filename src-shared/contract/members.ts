import { z } from 'zod';
import { mutation, query } from './define';
import { Color, Id, Name } from './common';
import type { Member } from '../model/entities';

const MemberFields = {
  initials: z.string().trim().min(1).max(6),
  color: Color,
  team: z.string().trim().max(200).nullable(),
  region: z.string().trim().max(200).nullable(),
};

export const memberMethods = {
  'members.list': query(z.object({ includeArchived: z.boolean().default(false) })).returns<Member[]>(),
  'members.create': mutation(z.object({ name: Name, ...z.object(MemberFields).partial().shape })).returns<Member>(),
  'members.update': mutation(
    z.object({ id: Id, name: Name.optional(), archived: z.boolean().optional(), ...z.object(MemberFields).partial().shape }),
  ).returns<Member>(),
};
