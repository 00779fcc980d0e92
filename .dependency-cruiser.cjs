// The layout rules of docs/decisions.md ("2026-12-06 — Where code lives" and "2026-12-06 — Tools
// that keep the layout"), checked by `npm run lint:deps` inside `npm test`. The known violations in
// .dependency-cruiser-known-violations.json are none since issue 12; a new one fails.

// The HTTP and page layer of a feature: JSX files, route files, the audience folders of a domain and
// its http/ folder (middleware, cookies, streams, OpenAPI schemas: what needs Hono but is no route).
// Everything else in a feature is a use case, a store or a helper of those, and never sees Hono.
const httpLayer = ['\\.tsx$', '-routes\\.ts$', '^src/features/[^/]+/(staff|portal|http)/'];
const tests = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: a cycle means two files are one unit that nobody can read alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: "A feature uses another feature only through that feature's index.ts.",
      from: { path: '^src/features/([^/]+)/', pathNot: tests },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'shell-not-to-domain',
      severity: 'error',
      comment: 'The shells (portal, staff) give the frame; domains import them, never the other way round.',
      from: { path: '^src/features/(portal|staff)/', pathNot: tests },
      to: { path: '^src/features/(?!portal/|staff/)[^/]+/' },
    },
    {
      name: 'core-not-to-features',
      severity: 'error',
      comment: 'platform/, shared/, web/ and db/ serve every feature and know none of them.',
      from: { path: '^src/(platform|shared|web|db)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'use-case-without-hono',
      severity: 'error',
      comment: 'Use cases and stores never import Hono, not even its types; only route and page files (see httpLayer) do.',
      from: { path: '^src/features/', pathNot: [...httpLayer, tests] },
      to: { path: '^node_modules/(hono|@hono/)' },
    },
    {
      name: 'no-kysely-in-http-layer',
      severity: 'error',
      comment: 'Route and page files hold no SQL: queries live in *-store.ts behind a use case (see also test/layout/no-sql-in-http-layer.test.ts).',
      from: { path: httpLayer.map((p) => (p.startsWith('^') ? p : `^src/features/.*${p}`)), pathNot: tests },
      to: { path: '^node_modules/kysely/' },
    },
    {
      name: 'src-not-to-tooling',
      severity: 'error',
      comment: 'The application never imports scripts, tests, benchmarks or browser tests.',
      from: { path: '^src/', pathNot: tests },
      to: { path: '^(scripts|test|bench|e2e)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(data|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
