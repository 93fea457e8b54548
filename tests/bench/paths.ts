import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bench lives and keeps its generated projects (git-ignored). */
export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '../..');
export const cacheDir = path.join(repoRoot, '.bench-cache');

/**
 * The peer workload's generator sits in the shared folder beside the clone, both on a
 * developer's machine and in CI.
 */
export const peerGenerator = path.resolve(repoRoot, '../shared/peer-workload/gen_dataset.py');
