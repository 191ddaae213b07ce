export * from './types';
export * from './schemas';
export * from './lifecycle';
export * from './signature';
export * from './categories';
