export { SlaAnnotationHint, lacksSlaAnnotations } from './SlaAnnotationHint';
