export { ChangePicker } from './ChangePicker';
