export * from './computeSlaClock';
