export { MyQueuePage } from './MyQueuePage';
