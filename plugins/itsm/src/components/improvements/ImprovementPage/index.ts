export { ImprovementPage } from './ImprovementPage';
export { MeasuredEffect, formatWindowDays } from './MeasuredEffect';
export { BeforeAfterChart, describeBeforeAfter } from './BeforeAfterChart';
