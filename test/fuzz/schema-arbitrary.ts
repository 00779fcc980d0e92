import fc from 'fast-check';
import { hostileJson, hostileString } from './fuzz-kit.ts';

/** The part of JSON Schema (as @hono/zod-openapi writes it) the fuzzer reads. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  example?: unknown;
};

/** Values that fit a field, taken from the office under test (ids, codes, secrets, starts). */
export type Known = { uuids: string[]; strings: Record<string, string[]> };

/**
 * Values for a schema: mostly valid ones (so requests get past validation into the use cases),
 * some hostile ones in any place, of any type.
 */
export function arbitraryFor(schema: JsonSchema, components: Record<string, JsonSchema>, known: Known, name = '', hostile = true): fc.Arbitrary<unknown> {
  const valid = validFor(schema, { components, known, hostile }, name);
  return hostile ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileJson }) : valid;
}

type Context = { components: Record<string, JsonSchema>; known: Known; hostile: boolean };

function validFor(schema: JsonSchema, context: Context, name: string): fc.Arbitrary<unknown> {
  if (schema.$ref) return validFor(context.components[schema.$ref.split('/').pop()!] ?? {}, context, name);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validFor(s, context, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(...types.map((type) => validOfType(type, schema, context, name)));
}

function validOfType(type: string, schema: JsonSchema, context: Context, name: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, context.components, context.known, name, context.hostile), { maxLength: 4 });
    case 'object':
      return objectFor(schema, context);
    default:
      return stringFor(schema, context, name);
  }
}

function objectFor(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, arbitraryFor(property, context.components, context.known, key, context.hostile)]),
  );
  const shaped = fc.record(model, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
  if (!context.hostile) return shaped;
  // Usually the required fields are all there; sometimes one is missing or an unknown one is added.
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(shaped, hostileString, hostileJson).map(([object, key, value]) => ({ ...(object as object), [key]: value })) },
  );
}

function stringFor(schema: JsonSchema, { known, hostile }: Context, name: string): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  if (schema.format === 'uuid') options.push(fc.constantFrom(...known.uuids), fc.uuid());
  else if (schema.format === 'email') options.push(fc.emailAddress());
  else if (known.strings[name]?.length) options.push(fc.constantFrom(...known.strings[name]!));
  else if (schema.pattern) options.push(fc.stringMatching(new RegExp(schema.pattern)));
  if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
  if (hostile || options.length === 0) options.push(fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }));
  return fc.oneof(...options);
}
