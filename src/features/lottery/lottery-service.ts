import type { Database } from '../../db/database.ts';
import { listLocations, listServices, type LocationView, type ServiceView } from '../office/index.ts';
import type { LotteryRules } from './lottery-window.ts';

/** A service at a location that releases its same-day times by lottery. */
export type LotteryOffer = { service: ServiceView; location: LocationView; rules: LotteryRules };

export function lotteryRules(service: ServiceView, location: LocationView): LotteryRules | undefined {
  if (service.sameDayLotteryMinutes === null || service.sameDayRelease === null || !service.onlineBookable) return undefined;
  if (!service.locationIds.includes(location.id)) return undefined;
  return {
    release: service.sameDayRelease,
    windowMinutes: service.sameDayLotteryMinutes,
    holdMinutes: service.lotteryHoldMinutes,
    minLeadMinutes: service.minLeadMinutes,
    timeZone: location.timeZone,
  };
}

/** Every service and location with a lottery (the job looks for draws that are due). */
export async function lotteryOffers(deps: { db: Database }): Promise<LotteryOffer[]> {
  const [services, locations] = await Promise.all([listServices(deps, { lang: 'de' }), listLocations(deps)]);
  return services.flatMap((service) =>
    locations.flatMap((location) => {
      const rules = lotteryRules(service, location);
      return rules ? [{ service, location, rules }] : [];
    }),
  );
}
