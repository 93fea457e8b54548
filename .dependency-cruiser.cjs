/**
 * The layering of DESIGN.md, enforced: src-shared ← src-main/core ← faces; the renderer sees only
 * src-shared; only the desktop face may touch electron.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src-shared runs anywhere: it imports only itself and pure libraries (zod).',
      severity: 'error',
      from: { path: '^src-shared' },
      to: { pathNot: ['^src-shared', '^node_modules/zod'] },
    },
    {
      name: 'renderer-sees-only-shared',
      severity: 'error',
      from: { path: '^src-renderer' },
      to: { path: ['^src-main', '^migrations', '^fixtures'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src-renderer' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-below-faces',
      comment: 'The core never imports a face, the renderer or electron.',
      severity: 'error',
      from: { path: '^src-main/core' },
      to: { path: ['^src-main/(cli|server|electron)', '^src-renderer', '^node_modules/electron'] },
    },
    {
      name: 'only-desktop-imports-electron',
      severity: 'error',
      from: { pathNot: '^src-main/electron' },
      to: { path: '^node_modules/electron(/|$)' },
    },
    {
      name: 'faces-do-not-import-each-other',
      comment: 'Each face stands on the core alone; only the CLI may start the browser edition (quire serve).',
      severity: 'error',
      from: { path: '^src-main/(server|electron)/' },
      to: { path: '^src-main/(cli|server|electron)/', pathNot: '^src-main/$1/' },
    },
    {
      name: 'launcher-is-on-top',
      comment: 'npm start picks a face; nothing builds on the launcher.',
      severity: 'error',
      from: { pathNot: '^src-main/launcher/' },
      to: { path: '^src-main/launcher/' },
    },
    {
      name: 'launcher-uses-electron-only-through-launch',
      comment: 'The launcher runs in plain Node: it may check for and spawn Electron, never import it.',
      severity: 'error',
      from: { path: '^src-main/launcher/' },
      to: { path: '^src-main/electron/', pathNot: '^src-main/electron/launch' },
    },
    {
      name: 'cli-starts-only-the-browser-edition',
      severity: 'error',
      from: { path: '^src-main/cli/' },
      to: { path: '^src-main/electron/' },
    },
    {
      name: 'fixtures-are-pure-data',
      comment: 'The sample generator runs in any face, so it sees only src-shared.',
      severity: 'error',
      from: { path: '^fixtures' },
      to: { path: ['^src-main', '^src-renderer'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
