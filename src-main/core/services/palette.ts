/** Distinct, readable colours handed out to new codes and members in turn. */
const PALETTE = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324',
  '#469990', '#800000', '#808000', '#000075', '#bfef45', '#fabed4', '#dcbeff', '#ffd8b1',
] as const;

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
