/**
 * Whether a value has the shape of an id (a UUID). Anything else names nothing and is answered
 * as unknown before it reaches PostgreSQL, which would refuse to compare it (an error, not "none").
 */
export function isId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
