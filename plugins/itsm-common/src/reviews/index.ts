export * from './contract';
export * from './pack';
export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './schedule';
