// japicmp's XML report, read into public types and members: a captured report (japicmp 0.27.0
// on the SDK before and after a spec change that renamed sort_by to sort and made Conference.id a
// string) is the fixture, so that the parsing is tested without building anything; likewise
// javap's listing of the generated errcode switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJapicmp } from '../scripts/spec-japicmp.mjs';

const sample = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'spec-review', 'japicmp-sample.xml'), 'utf8');

test('each incompatible member is named by its public type and signature, with what changed', () => {
  const { incompatible, added } = parseJapicmp(sample);
  const named = incompatible.map(i => `${i.type}#${i.member}: ${i.what} (${i.source ? '' : 'source '}${i.binary ? '' : 'binary'})`);
  assert.deepEqual(named, [
    'Conference#Conference(int, String, String, List, Map): constructor removed (source binary)',
    'Conference#Conference(int, String, String, List): constructor removed (source binary)',
    'Conference#id(): returns String, was int (source binary)',
    'ConferenceListParams#sortBy(): method removed (source binary)',
    'ConferenceListParams#withSortBy(ConferenceSortField): method removed (source binary)',
    'ConferenceListParams.Builder#sortBy(ConferenceSortField): method removed (source binary)',
  ]);
  // The new sort(), withSort() and constructors are additions, not breaks.
  assert.equal(added, 5);
});

test('a report without changes has nothing incompatible, and a non-report is refused', () => {
  const empty = '<?xml version="1.0"?><japicmp><classes/></japicmp>';
  assert.deepEqual(parseJapicmp(empty), { incompatible: [], added: 0 });
  assert.throws(() => parseJapicmp('<html></html>'), /not a japicmp XML report/);
});

test('a removed type is one item for the type', () => {
  const xml = '<japicmp><classes><class fullyQualifiedName="io.github.yeastarsdk.Gone$Inner" changeStatus="REMOVED" binaryCompatible="false" sourceCompatible="false"/></classes></japicmp>';
  assert.deepEqual(parseJapicmp(xml).incompatible, [{ type: 'Gone.Inner', member: null, what: 'type removed', binary: false, source: false, changes: ['CLASS_REMOVED'] }]);
});

test('the errcode → exception table is read from the built switch, and a remapped code is found', async () => {
  const { compareErrcodeTables, parseErrcodeSwitch } = await import('../scripts/spec-sdk-errcodes.mjs');
  // javap -c of the generated Errcodes class, from an SDK whose spec maps 10005 to ApiErrorException.
  const head = parseErrcodeSwitch(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'spec-review', 'javap-errcodes.txt'), 'utf8'));
  assert.equal(head['10004'], 'TokenExpiredException');
  assert.equal(head['40002'], 'InvalidParameterException');
  assert.equal(head.default, 'ApiErrorException');
  assert.equal(Object.keys(head).length, 25);
  const base = { ...head, 10005: 'AccessDeniedException' };
  assert.deepEqual(compareErrcodeTables(base, head), [{ code: '10005', was: 'AccessDeniedException', now: 'ApiErrorException' }]);
  assert.deepEqual(compareErrcodeTables(head, { ...head, 70200: 'IpBlockedException' }), [{ code: '70200', was: 'ApiErrorException', now: 'IpBlockedException' }]);
  assert.equal(parseErrcodeSwitch('no switch here'), null);
});

test('a type removed from one package and added under its name in another has moved', () => {
  const xml = '<japicmp><classes>'
    + '<class fullyQualifiedName="io.github.yeastarsdk.TokenExpiredException" changeStatus="REMOVED" binaryCompatible="false" sourceCompatible="false"/>'
    + '<class fullyQualifiedName="io.github.yeastarsdk.errors.TokenExpiredException" changeStatus="NEW" binaryCompatible="true" sourceCompatible="true"/>'
    + '</classes></japicmp>';
  const { incompatible, added } = parseJapicmp(xml);
  assert.equal(added, 1);
  assert.equal(incompatible[0].what, 'moved from io.github.yeastarsdk to io.github.yeastarsdk.errors');
});
