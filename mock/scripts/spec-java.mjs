// What the generator makes of a schema, so that the spec review can name the Java a change
// touches. The rules follow our templates in generator-templates/: a component schema becomes a
// record or an enum of the same name (its name is carried as `x-review-name`, which
// spec-review.mjs adds before dereferencing); a property `moderator_list` becomes the accessor
// moderatorList(); an enum value `ext_group` the constant EXT_GROUP; a required integer or
// boolean a primitive, an optional one its boxed type (componentType.mustache).

/** The annotation that carries a component schema's name through dereferencing. */
export const NAME = 'x-review-name';

/** `moderator_list` → `moderatorList`, as the generator names accessors and parameters. */
export function camel(name) {
  return String(name).replace(/[_\-\s]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}

/** `ext_group` → `EXT_GROUP`, as the generator names enum constants. */
export function constant(value) {
  return String(value)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** The Java type of a (flattened) schema in a record component or a parameter. */
export function javaType(schema, required) {
  if (!schema) return 'Object';
  if (schema[NAME] && (schema.enum || schema.type === 'object' || schema.properties)) return schema[NAME];
  const boxed = (primitive, box) => (required ? primitive : box);
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' ? boxed('long', 'Long') : boxed('int', 'Integer');
    case 'number':
      return schema.format === 'float' ? 'Float' : schema.format === 'double' ? 'Double' : 'BigDecimal';
    case 'boolean':
      return boxed('boolean', 'Boolean');
    case 'array':
      return `List<${javaType(schema.items, false)}>`;
    case 'string':
      if (schema.format === 'date-time') return 'OffsetDateTime';
      if (schema.format === 'date') return 'LocalDate';
      return schema.enum ? 'an inline enum' : 'String';
    default:
      return schema.properties ? 'an inline model' : 'Object';
  }
}

/**
 * Where a schema sits in the generated code: `Conference.moderatorList()`, the `sort_by`
 * argument, or the body type. `slot` is { record, accessor } or { param } or {}, with
 * `element` set for the items of an array.
 */
export function member(slot) {
  const of = slot.element ? 'the elements of ' : '';
  if (slot.record && slot.accessor) return `${of}${slot.record}.${slot.accessor}()`;
  if (slot.param) return `${of}${slot.paramsType ?? 'the params type'}.Builder.${camel(slot.param)}(…)`;
  return `${of}the generated body type`;
}
