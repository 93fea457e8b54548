/**
 * The input of an operation as kept in the change log: enough to say what was done ("auto-coded
 * 'приватизац' as Privatisation"), not the 300 KB of a document's text.
 */
export function compactInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (Array.isArray(value)) {
    const head = value.slice(0, 20).map((v) => compactInput(v, depth + 1));
    return value.length > 20 ? [...head, `… ${value.length - 20} more`] : head;
  }
  if (value !== null && typeof value === 'object') {
    if (depth > 4) return '…';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactInput(v, depth + 1)]));
  }
  return value;
}
