export * from './contract';
export * from './types';
export * from './lifecycle';
export * from './schemas';
