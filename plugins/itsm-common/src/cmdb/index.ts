export * from './kinds';
export * from './cycles';
export * from './scores';
export * from './checks';
