export * from './scores';
export * from './contract';
