import type { ItsmPractice } from '../practice';

/** Complaints against a service, managed to closure (DESIGN §3). */
export const complaintsPractice: ItsmPractice = {
  name: 'complaints',
  routers: () => [],
};
