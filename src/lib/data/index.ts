export * from './schemas.ts';
export * from './problems.ts';
export * from './parseCsv.ts';
export * from './crossChecks.ts';
export * from './loadDataset.ts';
export { monthRange } from './months.ts';
