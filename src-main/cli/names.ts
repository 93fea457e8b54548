import { UsageError } from './options';

/** A document named on the command line by its id or its exact title. */
export function documentNamed<D extends { readonly id: string; readonly title: string }>(documents: readonly D[], wanted: string): D {
  const found = documents.find((d) => d.id === wanted.trim() || d.title === wanted.trim());
  if (!found) throw new UsageError(`there is no document "${wanted.trim()}".`);
  return found;
}
