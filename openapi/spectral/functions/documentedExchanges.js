// Checks x-operations and x-documented-requests: each documented request names one of the operation's
// x-operations, sends a path of the operation's shape, expects a status the operation documents, and pairs with
// the request example (for a body) and the response example (for a documented answer body) of its own name.
export default function documentedExchanges(operation, _options, context) {
  const results = [];
  const at = (...p) => [...context.path, ...p];
  const ops = operation['x-operations'];
  if (!Array.isArray(ops) || ops.length === 0 || !ops.every((o) => o && typeof o.name === 'string')) {
    return [{ message: 'x-operations must list the named operations this HTTP operation carries', path: context.path }];
  }
  const names = new Set(ops.map((o) => o.name));
  const requests = operation['x-documented-requests'];
  if (!requests || Object.keys(requests).length === 0) {
    return [{ message: 'x-documented-requests must record at least one documented request', path: context.path }];
  }
  const pathTemplate = String(context.path[1]);
  const shape = new RegExp('^' + pathTemplate.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$');
  const bodyExamples = (((operation.requestBody || {}).content || {})['application/json'] || {}).examples || {};
  const used = new Set();
  for (const [name, request] of Object.entries(requests)) {
    const where = at('x-documented-requests', name);
    if (!names.has(request.operation)) {
      results.push({ message: `${name}: operation '${request.operation}' is not in x-operations`, path: where });
    }
    used.add(request.operation);
    if (!shape.test(request.path || '')) {
      results.push({ message: `${name}: path '${request.path}' does not match ${pathTemplate}`, path: where });
    }
    const response = (operation.responses || {})[String(request.status)];
    if (!response || !/^2/.test(String(request.status))) {
      results.push({ message: `${name}: status ${request.status} is not a documented success`, path: where });
    }
    const open = Array.isArray(operation.security) && operation.security.length === 0;
    if (!open && (!request.headers || !request.headers['X-Auth-Token'])) {
      results.push({ message: `${name}: the documented request must carry its X-Auth-Token`, path: where });
    }
    if (operation.requestBody && !bodyExamples[name]) {
      results.push({ message: `${name}: no request example of the same name`, path: where });
    }
    const media = response && response.content && response.content['application/json'];
    if (media && media['x-body-required'] !== false && response['x-body-required'] !== false
        && !(media.examples || {})[name]) {
      results.push({ message: `${name}: no response example of the same name under ${request.status}`, path: where });
    }
  }
  for (const name of names) {
    if (!used.has(name)) {
      results.push({ message: `operation '${name}' has no documented request`, path: at('x-operations') });
    }
  }
  for (const name of Object.keys(bodyExamples)) {
    if (!requests[name]) {
      results.push({ message: `request example '${name}' pairs with no documented request`, path: at('requestBody') });
    }
  }
  return results;
}
