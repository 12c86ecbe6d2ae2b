// Checks an operation's error responses: every documented code is there, its body is the Fault whose single
// property is the fault name of that code, and it has at least one example that names the same fault.
const FAULTS = {
  400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound', 405: 'badMethod',
  413: 'overLimit', 415: 'badMediaType', 422: 'unprocessableEntity', 500: 'instanceFault',
  501: 'notImplemented', 503: 'serviceUnavailable',
};
const ALWAYS = [400, 401, 403, 404, 405, 413, 422, 500, 501, 503];
// An operation that needs no token and takes no input (the service root's version list) can only fail so.
const UNAUTHENTICATED = [405, 500, 503];

export default function faultResponses(operation, _options, context) {
  const results = [];
  const responses = operation.responses || {};
  const open = Array.isArray(operation.security) && operation.security.length === 0;
  const expected = open ? UNAUTHENTICATED : operation.requestBody ? [...ALWAYS, 415] : ALWAYS;
  for (const code of expected) {
    const where = [...context.path, 'responses', String(code)];
    const response = responses[String(code)];
    if (!response) {
      results.push({ message: `missing the ${code} ${FAULTS[code]} response`, path: [...context.path, 'responses'] });
      continue;
    }
    const media = response.content && response.content['application/json'];
    const schema = media && media.schema;
    const required = (schema && schema.required) || [];
    if (required.length !== 1 || required[0] !== FAULTS[code]) {
      results.push({ message: `${code} must answer the ${FAULTS[code]} fault`, path: where });
    }
    const examples = Object.values((media && media.examples) || {});
    if (!examples.some((ex) => ex && ex.value && ex.value[FAULTS[code]] && ex.value[FAULTS[code]].code === code)) {
      results.push({ message: `${code} needs a ${FAULTS[code]} example with code ${code}`, path: where });
    }
  }
  return results;
}
