import { z } from 'zod';
import { mutation, query } from './define';
import { AttributeValueInput, Id, Name } from './common';
import { ATTRIBUTE_TYPES } from '../model/entities';
import type { Attribute, Case, CaseType } from '../model/entities';

export const caseMethods = {
  'caseTypes.list': query(z.object({})).returns<CaseType[]>(),
  'caseTypes.create': mutation(z.object({ name: Name, parentId: Id.nullable().default(null) })).returns<CaseType>(),
  'cases.list': query(z.object({ typeId: Id.optional() })).returns<Case[]>(),
  'cases.create': mutation(
    z.object({
      typeId: Id,
      parentId: Id.nullable().default(null),
      name: Name,
      aliases: z.array(Name).default([]),
      description: z.string().max(100_000).default(''),
      attributes: z.record(Id, AttributeValueInput).default({}),
    }),
  ).returns<Case>(),
  'cases.update': mutation(
    z.object({
      id: Id,
      name: Name.optional(),
      parentId: Id.nullable().optional(),
      aliases: z.array(Name).optional(),
      description: z.string().max(100_000).optional(),
      typeId: Id.optional(),
      /** Attribute values to set; null clears one. */
      attributes: z.record(Id, AttributeValueInput.nullable()).optional(),
    }),
  ).returns<Case>(),
  'cases.delete': mutation(z.object({ id: Id })).returns<null>(),
  'attributes.list': query(z.object({})).returns<Attribute[]>(),
  'attributes.define': mutation(
    z.object({
      name: Name,
      target: z.enum(['case', 'document']),
      caseTypeId: Id.nullable().default(null),
      valueType: z.enum(ATTRIBUTE_TYPES).default('text'),
      choices: z.array(Name).nullable().default(null),
    }),
  ).returns<Attribute>(),
  /** Sets (or, with null, clears) one attribute of a case or a document. */
  'attributes.set': mutation(
    z.object({ attributeId: Id, entityId: Id, value: AttributeValueInput.nullable() }),
  ).returns<null>(),
};
