import { useMemo } from 'react';
import { useData } from '../stores/data';

/** The project's cases grouped by type, as Mantine's Select and MultiSelect take them. */
export function useCaseOptions() {
  const cases = useData((s) => s.cases);
  const caseTypes = useData((s) => s.caseTypes);
  return useMemo(
    () =>
      caseTypes
        .map((type) => ({ group: type.name, items: cases.filter((c) => c.typeId === type.id).map((c) => ({ value: c.id, label: c.name })) }))
        .filter((g) => g.items.length > 0),
    [cases, caseTypes],
  );
}

/** Case names by id, for showing a row's cases. */
export function useCaseNames(): ReadonlyMap<string, string> {
  const cases = useData((s) => s.cases);
  return useMemo(() => new Map(cases.map((c) => [c.id, c.name])), [cases]);
}
