import { isAppError } from '../../../shared/app-error.ts';
import type { ScreenNotice } from '../front-desk-ui.tsx';

const refusedStatus = { conflict: 409, not_found: 404, forbidden: 403, validation_failed: 422 } as const;
export type ScreenStatus = 200 | (typeof refusedStatus)[keyof typeof refusedStatus];

/**
 * A staff screen's action that the rules refused is shown on the screen itself, with its status;
 * anything else goes on to the error edge.
 */
export function showRefusal(error: unknown, render: (notice: ScreenNotice, status: ScreenStatus) => Response | Promise<Response>) {
  if (!isAppError(error) || !(error.code in refusedStatus)) throw error;
  return render({ kind: 'error', text: error.message }, refusedStatus[error.code as keyof typeof refusedStatus]);
}
