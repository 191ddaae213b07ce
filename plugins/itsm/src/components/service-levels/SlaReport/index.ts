export { SlaReportSection } from './SlaReportSection';
export { SlaReportFigures } from './SlaReportFigures';
export { AttainmentChart } from './AttainmentChart';
export { formatPercent, isoDate, periodOf } from './periods';
export { formatTargetMs, targetLabel } from './labels';
