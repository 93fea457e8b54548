import { NumberInput, Select, Switch, TextInput } from '@mantine/core';
import type { Attribute, AttributeValue } from '../../src-shared/model/entities';

/** One typed attribute of a case or document, edited with the control its type calls for. */
export function AttributeField({ attribute, value, onChange }: { attribute: Attribute; value: AttributeValue | null; onChange: (v: AttributeValue | null) => void }) {
  switch (attribute.valueType) {
    case 'number':
      return <NumberInput label={attribute.name} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'boolean':
      return <Switch label={attribute.name} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'choice':
      return <Select label={attribute.name} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} data={[...(attribute.choices ?? [])]} clearable searchable />;
    default:
      return <TextInput label={attribute.name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)} />;
  }
}

