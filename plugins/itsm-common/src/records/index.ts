export * from './recordIds';
export * from './types';
export * from './links';
export * from './lifecycle';
