export * from './scores';
export * from './contract';
export * from './types';
export * from './templates';
export * from './answers';
export * from './lifecycle';
export * from './schemas';
