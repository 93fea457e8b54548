/** Inter-coder agreement statistics, pure: the core computes them for every face from the same code. */
export * from './figure';
export * from './percent';
export * from './cohen';
export * from './fleiss';
export * from './krippendorff';
export * from './unitized';
