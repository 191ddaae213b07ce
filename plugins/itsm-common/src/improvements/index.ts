export * from './scores';
export * from './verdict';
export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './edits';
