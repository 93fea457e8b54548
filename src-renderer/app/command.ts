/** One action of the app: reachable from the command palette and, when it has one, a shortcut. */
export interface Command {
  readonly id: string;
  /** i18n key of its label. */
  readonly label: string;
  /** As Mantine's hotkeys write it: `mod+Z`, `mod+shift+Z`. */
  readonly shortcut?: string;
  readonly needsProject: boolean;
  run(): unknown;
}
