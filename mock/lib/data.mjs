// The data set from a file (MOCK_DATA, --data) or from PUT /__mock/conferences: conferences
// checked against the spec's own Conference schema with Ajv, so that what the simulator serves
// is what the spec allows; an error names the record and the field that is wrong.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { SettingsError } from './settings.mjs';

/** A SettingsError, so that a bad MOCK_DATA stops the start as a bad setting does (exit 2). */
export class DataError extends SettingsError {}

/** A validator of one conference, compiled from the spec in service (store.spec). */
function conferenceValidator(spec) {
  if (!spec?.components?.schemas?.Conference) throw new DataError('the spec has no components.schemas.Conference to check the data against');
  // strict: false, as the spec carries OpenAPI keywords (example, x-faker) that are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true });
  // OpenAPI's integer formats, which JSON Schema does not define.
  ajv.addFormat('int32', { type: 'number', validate: n => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: n => Number.isInteger(n) });
  ajv.addSchema({ components: spec.components }, 'spec');
  return ajv.compile({ $ref: 'spec#/components/schemas/Conference' });
}

/**
 * Checks `value` (an array of conferences, or { conferences: [...] }) against the spec; returns
 * the conferences or throws DataError naming the first bad record: its index, id and field.
 */
export function checkConferences(value, spec, origin = 'the data') {
  const list = Array.isArray(value) ? value : value?.conferences;
  if (!Array.isArray(list)) throw new DataError(`${origin} is neither a JSON array of conferences nor {"conferences": [...]}`);
  const valid = conferenceValidator(spec);
  const ids = new Map();
  list.forEach((conference, index) => {
    const name = `conference ${index}${conference && typeof conference === 'object' && 'id' in conference ? ` (id ${JSON.stringify(conference.id)})` : ''}`;
    if (!valid(conference)) {
      const problems = valid.errors.map(e => `${e.instancePath || '(the record)'} ${e.message}`).join('; ');
      throw new DataError(`${origin}: ${name} does not match the spec's Conference schema: ${problems}`);
    }
    if (ids.has(conference.id)) throw new DataError(`${origin}: ${name} has the same id as conference ${ids.get(conference.id)}`);
    ids.set(conference.id, index);
  });
  return list;
}

/** Reads and checks the data file at `path` against the spec in `store`. */
export function loadData(path, store) {
  let value;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataError(`MOCK_DATA ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  return checkConferences(value, store.spec, `MOCK_DATA ${path}`);
}
