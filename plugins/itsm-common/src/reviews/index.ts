export * from './contract';
export * from './pack';
