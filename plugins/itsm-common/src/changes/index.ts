export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './approvals';
export * from './risk';
export * from './conflicts';
export * from './standard';
