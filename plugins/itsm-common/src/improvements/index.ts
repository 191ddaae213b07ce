export * from './scores';
export * from './verdict';
