// What the mock reads from a parsed OpenAPI document: its operations (method, path template,
// query parameters) and the named examples of their answers. No Node modules: the MSW handlers
// use it in a browser too.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows a local `$ref` ("#/components/parameters/Page") inside `spec`. */
function resolve(spec, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    if (!current.$ref.startsWith('#/')) return current;
    current = current.$ref.slice(2).split('/')
      .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at, key) => at?.[key], spec);
  }
  return current;
}

/** The named examples of an operation's success answer: its 200 (or first 2xx) JSON content. */
function namedExamples(spec, operation) {
  const responses = operation.responses ?? {};
  const status = ['200', ...Object.keys(responses).filter(code => /^2\d\d$/.test(code)), '2XX', 'default']
    .find(code => responses[code]?.content);
  const response = resolve(spec, responses[status]);
  const content = response?.content?.['application/json'];
  if (!content) return { status: undefined, examples: {} };
  const examples = Object.fromEntries(Object.entries(content.examples ?? {})
    .map(([name, example]) => [name, resolve(spec, example)?.value]));
  if (Object.keys(examples).length === 0 && content.example !== undefined) examples.default = content.example;
  return { status: Number(status) || 200, examples };
}

/** A regular expression for a path template: "/x/{id}" matches "/x/42". */
function pathPattern(template) {
  const escaped = template.split(/\{[^}]+\}/).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}

/**
 * The operations of a parsed spec: [{ key: "GET /path", method, path, pattern, query (names of
 * its query parameters, the security scheme's included), status, examples }].
 */
export function indexSpec(spec) {
  const securityQuery = Object.values(spec.components?.securitySchemes ?? {})
    .filter(scheme => scheme?.type === 'apiKey' && scheme.in === 'query').map(scheme => scheme.name);
  const operations = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = resolve(spec, rawItem) ?? {};
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(p => resolve(spec, p));
      const query = new Set([...securityQuery, ...parameters.filter(p => p?.in === 'query').map(p => p.name)]);
      operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path,
        pattern: pathPattern(path), query, ...namedExamples(spec, operation) });
    }
  }
  return operations;
}

/** The operation that answers `method` on `pathname`, or undefined; literal paths win over templates. */
export function findOperation(operations, method, pathname) {
  const matching = operations.filter(op => op.method === method && op.pattern.test(pathname));
  return matching.find(op => op.path === pathname) ?? matching[0];
}
