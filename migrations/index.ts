import type { Migration } from './migration';
import { initial } from './0001_initial';

export type { Migration } from './migration';

/** Every schema step, oldest first. Append only. */
export const migrations: readonly Migration[] = [initial];
