// Reads an OpenAPI document and resolves its $refs in-process (json-schema-ref-parser), so that
// the comparison sees every schema where it is used. Component schemas and parameters carry
// their names through as `x-review-name`: the comparison names the Java types by them, and says
// a change to a shared schema once for every operation it reaches.
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { parse } from 'yaml';
import { NAME } from './spec-java.mjs';

/**
 * Returns the dereferenced document of `source` (YAML or JSON text, or an already parsed
 * object, which is not modified). Throws, naming the problem, on text that is no document or on
 * a $ref that resolves to nothing.
 */
export async function loadSpec(source) {
  const doc = structuredClone(typeof source === 'string' ? parse(source) : source);
  if (!doc || typeof doc !== 'object' || !doc.paths) throw new Error('not an OpenAPI document: no paths');
  for (const kind of ['schemas', 'parameters']) {
    for (const [name, value] of Object.entries(doc.components?.[kind] ?? {})) {
      if (value && typeof value === 'object' && !value.$ref) value[NAME] = name;
    }
  }
  // Local references only: the spec is one file, and a review must not fetch anything.
  return $RefParser.dereference(doc, { resolve: { external: false }, dereference: { circular: 'ignore' } });
}
