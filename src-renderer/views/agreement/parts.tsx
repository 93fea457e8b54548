import type { ReactNode } from 'react';
import { SegmentedControl, Table, Text } from '@mantine/core';

/** A column header of figures, aligned right like the figures below it. */
export function FigureHeader({ children }: { children: ReactNode }) {
  return (
    <Table.Th scope="col" ta="right">
      {children}
    </Table.Th>
  );
}

/** A labelled choice among a few options, its label naming the radio group for screen readers. */
export function Choice<V extends string>({ id, label, options, value, onChange }: { id: string; label: string; options: readonly { value: V; label: string }[]; value: V; onChange: (v: V) => void }) {
  return (
    <div>
      <Text size="sm" id={id}>
        {label}
      </Text>
      <SegmentedControl size="xs" aria-labelledby={id} data={options.map((o) => ({ ...o }))} value={value} onChange={(v) => onChange(v as V)} />
    </div>
  );
}

/** A table of figures named by its caption; `headers` are the cells of its header row, `children` its rows. */
export function FigureTable({ caption, headers, children }: { caption: string; headers: ReactNode; children: ReactNode }) {
  return (
    <Table striped withTableBorder captionSide="top" aria-label={caption} className="agreement-table">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>{headers}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
