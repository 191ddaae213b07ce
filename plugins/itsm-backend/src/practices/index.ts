import { changesPractice } from './changes';
import { complaintsPractice } from './complaints';
import { improvementsPractice } from './improvements';
import { incidentsPractice } from './incidents';
import type { ItsmPractice } from './practice';
import { problemsPractice } from './problems';
import { reviewsPractice } from './reviews';
import { satisfactionPractice } from './satisfaction';
import { serviceLevelsPractice } from './service-levels';

/** Every practice of the plugin, in the order their routes are mounted: one line each. */
export const PRACTICES: readonly ItsmPractice[] = [
  incidentsPractice,
  changesPractice,
  serviceLevelsPractice,
  problemsPractice,
  satisfactionPractice,
  complaintsPractice,
  reviewsPractice,
  improvementsPractice,
];
