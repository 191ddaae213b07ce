export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './matching';
export * from './effectiveness';
export * from './detection';
export * from './trends';
