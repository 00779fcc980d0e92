import { authorize, type StaffActor } from '../../staff/index.ts';
import { personAuditLabel } from '../audit-file-read.ts';
import { auditSearchResults } from './audit-search-results.ts';
import { findDocuments, highlightStart, highlightStop, type DocumentHit } from './document-search-store.ts';
import { maxQueryLength, refused } from './person-query.ts';
import { withoutParallelWorkers } from './person-search-store.ts';
import { defaultResultLimit, maxResultLimit, type SearchDeps } from './search-persons.ts';

/** A piece of a snippet; `marked` pieces are the words that matched. */
export type SnippetPart = { text: string; marked: boolean };

export type DocumentResult = {
  documentId: string;
  fileId: string;
  title: string;
  category: string;
  receivedOn: string | null;
  fileReference: string;
  personName: string;
  snippet: SnippetPart[];
};

/**
 * Full-text search over the documents' titles and text (German stemming: "Anträge" finds
 * "Antrag") in the files of the actor's locations; clerks and team leads only. The list shown
 * is audited in the transaction that read it.
 */
export async function searchDocuments(deps: SearchDeps, actor: StaffActor, input: { query: string; limit?: number }): Promise<DocumentResult[]> {
  authorize(actor, 'case_file.read');
  if (input.query.length > maxQueryLength) throw refused('too_long', `The search is longer than ${maxQueryLength} characters.`);
  // Characters the web search syntax does not use are only noise for the parser.
  const query = input.query.replace(/\p{Cc}/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(query)) return [];
  const limit = Math.min(Math.max(input.limit ?? defaultResultLimit, 1), maxResultLimit);
  return deps.db.transaction().execute(async (trx) => {
    await withoutParallelWorkers(trx);
    const hits = await findDocuments(trx, query, actor.locationIds, limit);
    await auditSearchResults(trx, deps.clock, actor, {
      what: 'case_file.search_documents',
      query,
      results: hits.map((hit) => ({
        personId: hit.person_id,
        personLabel: personAuditLabel(hit),
        target: { type: 'case_document', id: hit.document_id },
      })),
    });
    return hits.map(documentResult);
  });
}

function documentResult(hit: DocumentHit): DocumentResult {
  return {
    documentId: hit.document_id,
    fileId: hit.file_id,
    title: hit.title,
    category: hit.category,
    receivedOn: hit.received_on,
    fileReference: hit.reference,
    personName: [hit.family_name, hit.given_names].filter(Boolean).join(', '),
    snippet: snippetParts(hit.snippet),
  };
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of snippet.split(highlightStart)) {
    const [marked, rest] = piece.includes(highlightStop) ? piece.split(highlightStop, 2) : [undefined, piece];
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
