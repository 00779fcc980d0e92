/** The fair morning release (docs/lottery.md): the import surface for app.tsx and main.ts. */
export { startLotteryJob, lotteryJob, lotteryJobType } from './lottery-job.ts';
export type { LotteryDeps } from './lottery-deps.ts';
export { lotteryPortalRoutes, type LotteryPortalDeps } from './portal/lottery-routes.tsx';
export { lotteryStaffRoutes } from './staff/lottery-staff-routes.tsx';
