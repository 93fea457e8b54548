import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import type { AttributeValue } from '../../../src-shared/model/entities';
import type { MutationContext, QueryContext } from '../context';
import { decodeValue, encodeValue, toAttribute } from './map';

function checkValue(type: string, choices: readonly string[] | null, name: string, value: AttributeValue): void {
  const ok =
    (type === 'text' && typeof value === 'string') ||
    (type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (type === 'boolean' && typeof value === 'boolean') ||
    (type === 'date' && typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) ||
    (type === 'choice' && typeof value === 'string' && (choices === null || choices.includes(value)));
  if (!ok) {
    const expected = type === 'choice' && choices ? `one of: ${choices.join(', ')}` : `a ${type}`;
    throw new QuireError('invalid_input', `"${String(value)}" is not a valid value for "${name}": it must be ${expected}.`, { attribute: name });
  }
}

/** Sets (or with null clears) one attribute value of a case or document, checked against the attribute's type. */
export function setAttributeValue(ctx: MutationContext, target: 'case' | 'document', attributeId: string, entityId: string, value: AttributeValue | null): void {
  const attribute = toAttribute(ctx.write.read('attributes', attributeId));
  if (attribute.target !== target) {
    throw new QuireError('invalid_input', `"${attribute.name}" is an attribute of ${attribute.target}s, not of ${target}s.`, { attribute: attribute.name });
  }
  const existing = ctx.raw
    .prepare('SELECT id FROM attribute_values WHERE attribute_id = ? AND entity_id = ?')
    .pluck()
    .get(attributeId, entityId) as string | undefined;
  if (value === null) {
    if (existing) ctx.write.delete('attribute_values', existing);
    return;
  }
  checkValue(attribute.valueType, attribute.choices, attribute.name, value);
  if (existing) ctx.write.update('attribute_values', existing, { value: encodeValue(value) });
  else ctx.write.insert('attribute_values', { id: uuidv7(), attribute_id: attributeId, entity_id: entityId, value: encodeValue(value) });
}

/** Attribute values of some entities, keyed by entity id then attribute id. */
export async function attributeValuesOf(
  ctx: QueryContext,
  entityIds: readonly string[] | null,
): Promise<Map<string, Record<string, AttributeValue>>> {
  let query = ctx.db.selectFrom('attribute_values').select(['entity_id', 'attribute_id', 'value']);
  if (entityIds !== null) {
    if (entityIds.length === 0) return new Map();
    query = query.where('entity_id', 'in', entityIds);
  }
  const byEntity = new Map<string, Record<string, AttributeValue>>();
  for (const row of await query.execute()) {
    const values = byEntity.get(row.entity_id) ?? {};
    values[row.attribute_id] = decodeValue(row.value);
    byEntity.set(row.entity_id, values);
  }
  return byEntity;
}

/** Removes every attribute value of an entity that is being deleted. */
export function clearAttributeValues(ctx: MutationContext, entityId: string): void {
  const ids = ctx.raw.prepare('SELECT id FROM attribute_values WHERE entity_id = ?').pluck().all(entityId) as string[];
  for (const id of ids) ctx.write.delete('attribute_values', id);
}
