import type { ItsmPractice } from '../practice';

/** Customer satisfaction: survey templates, campaigns and transactional CSAT (DESIGN §3). */
export const satisfactionPractice: ItsmPractice = {
  name: 'satisfaction',
  routers: () => [],
};
