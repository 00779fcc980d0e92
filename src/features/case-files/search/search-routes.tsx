import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { can, currentStaff, requireStaff, staffT } from '../../staff/index.ts';
import { searchDocuments } from './search-documents.ts';
import { SearchPage, SearchResults, type SearchOutcome, type SearchScope } from './search-pages.tsx';
import { defaultResultLimit, searchPersons, type SearchDeps } from './search-persons.ts';

// Longer input is refused by the use case with a message; the cap here only bounds the work.
const searchQuery = z.object({
  q: z.string().max(2000).optional().default(''),
  in: z.enum(['persons', 'documents']).optional().catch(undefined),
});

/**
 * /staff/files/search: the page (works as a plain GET form) and /results, the fragment the
 * page's script swaps in while typing. A refused input (too long, a date that cannot be) is
 * shown in the page with 422, never as an error page.
 */
export function searchRoutes(deps: SearchDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/files/search', requireStaff(deps, 'case_file.identify'));
  routes.use('/staff/files/search/*', requireStaff(deps, 'case_file.identify'));

  routes.get('/staff/files/search', async (c) => {
    const { query, scope, outcome, status } = await runSearch(deps, c);
    const mayReadFiles = can(currentStaff(c), 'case_file.read');
    return c.html(<SearchPage c={c} query={query} scope={scope} mayReadFiles={mayReadFiles} outcome={outcome} />, status);
  });

  routes.get('/staff/files/search/results', async (c) => {
    const { outcome, status } = await runSearch(deps, c);
    return c.html(<SearchResults c={c} outcome={outcome} />, status);
  });
  return routes;
}

async function runSearch(deps: SearchDeps, c: Context<AppEnv>): Promise<{ query: string; scope: SearchScope; outcome: SearchOutcome; status: 200 | 422 }> {
  const actor = currentStaff(c);
  const parsed = searchQuery.safeParse(c.req.query());
  const query = parsed.success ? parsed.data.q.trim() : '';
  const scope: SearchScope = parsed.success && parsed.data.in === 'documents' && can(actor, 'case_file.read') ? 'documents' : 'persons';
  if (!parsed.success) return { query, scope, outcome: { kind: 'invalid', message: staffT(c)('staff.file_search.refused.too_long') }, status: 422 };
  if (query.length === 0) return { query, scope, outcome: { kind: 'none' }, status: 200 };
  if (query.length < 2) return { query, scope, outcome: { kind: 'invalid', message: staffT(c)('staff.file_search.too_short') }, status: 200 };
  try {
    if (scope === 'documents')
      return { query, scope, outcome: { kind: 'documents', results: await searchDocuments(deps, actor, { query }), limit: defaultResultLimit }, status: 200 };
    return { query, scope, outcome: { kind: 'persons', search: await searchPersons(deps, actor, { query }), limit: defaultResultLimit }, status: 200 };
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed' && typeof error.details?.reason === 'string')
      return { query, scope, outcome: { kind: 'invalid', message: staffT(c)(`staff.file_search.refused.${error.details.reason}`) }, status: 422 };
    throw error;
  }
}
