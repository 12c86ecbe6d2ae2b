// Every rule, limit and default the document states carries its provenance (x-provenance): the seed, with the
// section and its own words; Rackspace's wider docs, with the section of docs/sources.md; or a decision of this
// kit, with the decision's id (K<n> in docs/fidelity.md, or "discrepancy <n>" in docs/seed-discrepancies.md).
// This function finds the rules and checks each is covered by a well-formed mark; ProvenanceGateTest checks that
// every mark points at something that exists (the section, the quote, the decision).
//
// A rule is a schema keyword below, or a sentence of a description or summary that states a rule (a status code,
// a bound such as "at most", "or more" or "exactly", a default, "only", "must", ...). A mark covers the keywords listed in its "for", or all of them;
// "description" in "for" covers the description. Marks on a parameter or a header cover its schema.
const RULE_KEYWORDS = [
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'enum', 'default', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'additionalProperties',
];
// A bound is also written "N or more", "exactly N" or "one or two" (the Flavor schema's "1 GB RAM or more" and
// HaInstanceSpec's "a list of exactly one" went unmarked while only the words above were read).
// What a choice of shape decides, where no rule keyword states it (a discrepancy of the seed settles a member's
// type, whether it is required or nullable, or its name): a mark may name these in "for" too, though an element
// needs no mark for them.
const SHAPE_KEYWORDS = ['type', 'required', 'nullable', 'properties', 'items', 'name'];
const RULE_WORDS = /\b([45]\d\d|at most|at least|defaults?|must|only|always|never|ordered|between|up to|limits?|cannot|refused|forbids?|required|or more|or larger|or fewer|exactly|one or two)\b/i;
const SOURCES = ['seed', 'rackspace', 'kit'];
const KIT_ID = /^(K\d+|discrepancy \d+)$/;
const SKIP = new Set(['example', 'examples', 'x-documented-requests', 'x-operations', 'x-provenance', 'x-tagGroups']);

function ruleKeywords(node) {
  return RULE_KEYWORDS.filter((k) => k in node && !(k === 'additionalProperties' && node[k] !== false)
    && !(k === 'uniqueItems' && node[k] !== true));
}

function marksOf(node) {
  const marks = node['x-provenance'];
  if (marks === undefined) return [];
  return Array.isArray(marks) ? marks : [marks];
}

function checkMark(mark, path, results) {
  const where = [...path, 'x-provenance'];
  if (!mark || typeof mark !== 'object') {
    results.push({ message: 'a provenance mark is an object', path: where });
    return;
  }
  const sources = SOURCES.filter((s) => s in mark);
  if (sources.length !== 1) {
    results.push({ message: 'a provenance mark names exactly one of seed, rackspace, kit', path: where });
    return;
  }
  const value = mark[sources[0]];
  if (typeof value !== 'string' || value.trim() === '') {
    results.push({ message: `${sources[0]}: names a section or a decision`, path: where });
  }
  if (sources[0] === 'seed' && (typeof mark.says !== 'string' || mark.says.trim() === '')) {
    results.push({ message: 'a seed mark quotes the seed (says)', path: where });
  }
  if (sources[0] === 'kit' && !KIT_ID.test(value)) {
    results.push({ message: `kit: '${value}' is not K<n> or 'discrepancy <n>'`, path: where });
  }
  if ('for' in mark && (!Array.isArray(mark.for) || mark.for.length === 0
      || !mark.for.every((k) => k === 'description' || RULE_KEYWORDS.includes(k) || SHAPE_KEYWORDS.includes(k)))) {
    results.push({ message: `for: lists rule or shape keywords or 'description' (${JSON.stringify(mark.for)})`, path: where });
  }
}

function covered(marks, rule) {
  return marks.some((m) => m && typeof m === 'object' && (!('for' in m) || (Array.isArray(m.for) && m.for.includes(rule))));
}

// The bundle appends what the x- facts say (the operations, the exchanges, the sources) to descriptions; that
// text restates marked facts, so only the authored text is read for rules.
const RENDERED = /\n\n(\*\*Operations\*\*|\*Where this comes from:\*)/;

function describesARule(node) {
  return ['description', 'summary'].some((k) => typeof node[k] === 'string'
    && RULE_WORDS.test(node[k].split(RENDERED)[0]));
}

function walk(node, path, inherited, results) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], [], results));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const own = marksOf(node);
  own.forEach((mark) => checkMark(mark, path, results));
  const marks = [...own, ...inherited];
  const rules = ruleKeywords(node);
  if (describesARule(node) && path[0] !== 'servers' && path[0] !== 'tags') rules.push('description');
  for (const rule of rules) {
    if (!covered(marks, rule)) {
      const what = rule === 'description' ? 'a rule in its description' : `${rule}`;
      results.push({ message: `${what} has no provenance mark (x-provenance)`, path });
    }
  }
  const isParameterOrHeader = 'schema' in node && ('in' in node || path[path.length - 2] === 'headers');
  for (const [key, value] of Object.entries(node)) {
    if (SKIP.has(key) || key.startsWith('x-')) continue;
    walk(value, [...path, key], key === 'schema' && isParameterOrHeader ? own : [], results);
  }
}

export default function provenance(document) {
  const results = [];
  walk(document, [], [], results);
  return results;
}
