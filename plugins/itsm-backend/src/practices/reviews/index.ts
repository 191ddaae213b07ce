import type { ItsmPractice } from '../practice';

/** Service reviews with a frozen review pack, minutes and actions (DESIGN §3). */
export const reviewsPractice: ItsmPractice = {
  name: 'reviews',
  routers: () => [],
};
