import { officeDay } from '../../shared/office-day.ts';
import { drawLottery, type DrawFigures } from './draw-lottery.ts';
import type { LotteryDeps } from './lottery-deps.ts';
import { lotteryOffers } from './lottery-service.ts';
import { lotteryWindow } from './lottery-window.ts';

/** Draws every lottery of today whose window has closed and that nobody has drawn yet. */
export async function drawDueLotteries(deps: LotteryDeps): Promise<DrawFigures[]> {
  const now = deps.clock.now();
  const drawn: DrawFigures[] = [];
  for (const offer of await lotteryOffers(deps)) {
    const day = officeDay(now, offer.rules.timeZone);
    if (now < lotteryWindow(offer.rules, day).closes) continue;
    const figures = await drawLottery(deps, offer, day);
    if (figures) drawn.push(figures);
  }
  return drawn;
}
