/**
 * Evaluates parsed HCL expressions the way Terraform does at plan time, for the
 * subset of the language and functions the modules use: unknowns propagate,
 * `&&`/`||` evaluate both sides (HCL does not short-circuit), a conditional
 * evaluates only the branch it picks, map and object iteration is in key order.
 * An unsupported function fails loudly rather than guessing.
 *
 * @see https://developer.hashicorp.com/terraform/language/expressions
 * @see https://developer.hashicorp.com/terraform/language/functions
 */
import { Node, parseExpression, parseJsonTemplate } from './hcl-expression';
import { Unknown, Value, containsUnknown, isObject, isUnknown, jsonEncodeKnown, render, templateText } from './hcl-values';

export class HclEvaluationError extends Error {}

/** Resolves a root name (`var`, `local`, `aws_iam_role`, a `for` variable...). */
export interface Scope {
  /**
   * Evaluate as at apply time: an unknown (a resource attribute) is a value
   * that is not null, so `aws_iam_role.x.arn != null` is true. Plan time (the
   * default) keeps such comparisons unknown, as Terraform does for count/for_each.
   */
  readonly applyTime?: boolean;

  /**
   * Values known after apply, by the canonical text of the attribute
   * (`nightly/aws_iam_role.invoker.arn`), for tests that need concrete documents.
   */
  readonly applied?: Readonly<Record<string, Value>>;

  lookup(name: string): Value;
}

/** A scope with extra names on top of a parent (for iterators and `for` variables). */
export class ChildScope implements Scope {
  constructor(private readonly parent: Scope, private readonly names: Record<string, Value>) {}

  public get applyTime(): boolean | undefined {
    return this.parent.applyTime;
  }

  public get applied(): Readonly<Record<string, Value>> | undefined {
    return this.parent.applied;
  }

  public lookup(name: string): Value {
    return Object.prototype.hasOwnProperty.call(this.names, name) ? this.names[name] : this.parent.lookup(name);
  }
}

/** Evaluate a hcl2json value: strings are templates, containers recurse. */
export function evaluateJsonValue(value: unknown, scope: Scope): Value {
  if (typeof value === 'string') return evaluate(parseJsonTemplate(value), scope);
  if (Array.isArray(value)) return value.map((v) => evaluateJsonValue(v, scope));
  if (value !== null && typeof value === 'object') {
    // hcl2json writes an expression key `(local.x) = ...` as "${(local.x)}".
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      const key = k.includes('${') ? evaluate(parseJsonTemplate(k), scope) : k;
      if (typeof key !== 'string') throw new HclEvaluationError(`object keys must be strings, got ${render(key)}`);
      return [key, evaluateJsonValue(v, scope)];
    }));
  }
  return value as Value;
}

/** Evaluate native-syntax source, e.g. a variable type or a `count` written bare. */
export function evaluateSource(source: string, scope: Scope): Value {
  return evaluate(parseExpression(source), scope);
}

export function evaluate(node: Node, scope: Scope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template':
      return template(node.parts, scope);
    case 'variable':
      return scope.lookup(node.name);
    case 'getattr': {
      const target = evaluate(node.target, scope);
      const known = isUnknown(target) ? scope.applied?.[`${target.text}.${node.name}`] : undefined;
      return known !== undefined ? known : getAttr(target, node.name);
    }
    case 'index':
      return index(evaluate(node.target, scope), evaluate(node.key, scope));
    case 'splat': {
      const target = evaluate(node.target, scope);
      if (isUnknown(target)) return new Unknown(`${target.text}[*]`);
      const items = target === null ? [] : Array.isArray(target) ? target : [target];
      return items.map((item) => evaluate(node.each, new ChildScope(scope, { [SPLAT_ITEM]: item })));
    }
    case 'splatItem':
      return scope.lookup(SPLAT_ITEM);
    case 'call':
      return call(node.name, node.args, node.expandFinal, scope);
    case 'unary':
      return unary(node.op, evaluate(node.operand, scope));
    case 'binary':
      return binary(node.op, evaluate(node.left, scope), evaluate(node.right, scope), scope.applyTime === true);
    case 'conditional': {
      const condition = evaluate(node.condition, scope);
      if (isUnknown(condition)) {
        return new Unknown(`${condition.text} ? ${render(evaluate(node.then, scope))} : ${render(evaluate(node.otherwise, scope))}`);
      }
      if (typeof condition !== 'boolean') throw new HclEvaluationError(`the condition of a conditional must be a bool, got ${render(condition)}`);
      return evaluate(condition ? node.then : node.otherwise, scope);
    }
    case 'tuple':
      return node.items.map((item) => evaluate(item, scope));
    case 'object': {
      const out: { [key: string]: Value } = {};
      for (const item of node.items) {
        const key = evaluate(item.key, scope);
        if (typeof key !== 'string') throw new HclEvaluationError(`object keys must be strings, got ${render(key)}`);
        out[key] = evaluate(item.value, scope);
      }
      return out;
    }
    case 'for':
      return forExpression(node, scope);
  }
}

const SPLAT_ITEM = '\u0000splat';

function template(parts: Array<string | Node>, scope: Scope): Value {
  const values = parts.map((p) => (typeof p === 'string' ? p : evaluate(p, scope)));
  // A template that is a single interpolation yields the value itself, unconverted.
  if (values.length === 1 && typeof parts[0] !== 'string') return values[0];
  const out: Array<string | Unknown> = [];
  for (const v of values) {
    if (isUnknown(v)) {
      out.push(v);
      continue;
    }
    const text = templateString(v);
    if (out.length > 0 && typeof out[out.length - 1] === 'string') out[out.length - 1] += text;
    else out.push(text);
  }
  if (out.every((p) => typeof p === 'string')) return out.join('');
  return new Unknown(templateText(out), undefined, out);
}

function templateString(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) throw new HclEvaluationError('Invalid template interpolation value: the value is null');
  throw new HclEvaluationError(`Invalid template interpolation value: cannot include ${render(v)} in a string template`);
}

function getAttr(target: Value, name: string): Value {
  if (isUnknown(target)) return new Unknown(`${target.text}.${name}`);
  if (target === null) throw new HclEvaluationError(`Attempt to get attribute "${name}" from a null value`);
  if (!isObject(target)) throw new HclEvaluationError(`Unsupported attribute "${name}" on ${render(target)}`);
  if (!Object.prototype.hasOwnProperty.call(target, name)) throw new HclEvaluationError(`Unsupported attribute: this object does not have an attribute named "${name}"`);
  return target[name];
}

function index(target: Value, key: Value): Value {
  if (isUnknown(target) || isUnknown(key)) return new Unknown(`${render(target)}[${render(key)}]`);
  if (target === null) throw new HclEvaluationError('Attempt to index a null value');
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) throw new HclEvaluationError(`Invalid index ${render(key)}`);
    if (key < 0 || key >= target.length) throw new HclEvaluationError(`Invalid index: the given key ${key} does not identify an element in a collection of ${target.length}`);
    return target[key];
  }
  if (isObject(target)) {
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key)) throw new HclEvaluationError(`Invalid index: the given key ${render(key)} does not exist`);
    return target[key];
  }
  throw new HclEvaluationError(`Invalid index on ${render(target)}`);
}

function unary(op: '!' | '-', v: Value): Value {
  if (isUnknown(v)) return new Unknown(`${op}${v.text}`);
  if (op === '!') {
    if (typeof v !== 'boolean') throw new HclEvaluationError(`Invalid operand for !: ${render(v)} is not a bool`);
    return !v;
  }
  return -number(v, '-');
}

function number(v: Value, op: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw new HclEvaluationError(`Invalid operand for ${op}: ${render(v)} is not a number`);
}

function equal(a: Value, b: Value): boolean {
  return render(a) === render(b) && (typeof a === typeof b || a === null || b === null);
}

function binary(op: string, a: Value, b: Value, applyTime: boolean): Value {
  if (applyTime && (op === '==' || op === '!=') && ((isUnknown(a) && b === null) || (a === null && isUnknown(b)))) {
    return op === '!=';
  }
  if (op === '&&' || op === '||') {
    for (const v of [a, b]) {
      if (!isUnknown(v) && typeof v !== 'boolean') throw new HclEvaluationError(`Invalid operand for ${op}: ${render(v)} is not a bool`);
    }
  }
  if (isUnknown(a) || isUnknown(b)) {
    return new Unknown(`(${render(a)} ${op} ${render(b)})`);
  }
  switch (op) {
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case '&&': return (a as boolean) && (b as boolean);
    case '||': return (a as boolean) || (b as boolean);
    case '>': return number(a, op) > number(b, op);
    case '>=': return number(a, op) >= number(b, op);
    case '<': return number(a, op) < number(b, op);
    case '<=': return number(a, op) <= number(b, op);
    case '+': return number(a, op) + number(b, op);
    case '-': return number(a, op) - number(b, op);
    case '*': return number(a, op) * number(b, op);
    case '/': return number(a, op) / number(b, op);
    case '%': return number(a, op) % number(b, op);
  }
  throw new HclEvaluationError(`unknown operator ${op}`);
}

/** Terraform iterates maps and objects in lexical key order. */
function entries(collection: Value): Array<[Value, Value]> {
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection)) return Object.keys(collection).sort().map((k) => [k, collection[k]]);
  throw new HclEvaluationError(`A for expression needs a collection, got ${render(collection)}`);
}

function forExpression(node: Extract<Node, { kind: 'for' }>, scope: Scope): Value {
  const collection = evaluate(node.collection, scope);
  if (isUnknown(collection)) return new Unknown(`[for ... in ${collection.text}]`);
  if (collection === null) throw new HclEvaluationError('A for expression cannot iterate over null');
  const tupleOut: Value[] = [];
  const objectOut: { [key: string]: Value } = {};
  for (const [k, v] of entries(collection)) {
    const names: Record<string, Value> = { [node.valueVar]: v };
    if (node.keyVar !== undefined) names[node.keyVar] = k;
    const inner = new ChildScope(scope, names);
    if (node.condition !== undefined) {
      const keep = evaluate(node.condition, inner);
      if (isUnknown(keep)) return new Unknown(`[for ... if ${keep.text}]`);
      if (typeof keep !== 'boolean') throw new HclEvaluationError(`a for expression's if must be a bool, got ${render(keep)}`);
      if (!keep) continue;
    }
    if (node.target === 'tuple') {
      tupleOut.push(evaluate(node.value, inner));
    } else {
      const key = evaluate(node.key!, inner);
      if (typeof key !== 'string') throw new HclEvaluationError(`a for expression's key must be a string, got ${render(key)}`);
      const value = evaluate(node.value, inner);
      if (node.group) {
        objectOut[key] = [...((objectOut[key] as Value[] | undefined) ?? []), value];
      } else {
        if (Object.prototype.hasOwnProperty.call(objectOut, key)) throw new HclEvaluationError(`Duplicate object key "${key}"`);
        objectOut[key] = value;
      }
    }
  }
  return node.target === 'tuple' ? tupleOut : objectOut;
}

function call(name: string, argNodes: Node[], expandFinal: boolean, scope: Scope): Value {
  // try and can see errors of their arguments, so they evaluate them themselves.
  if (name === 'can') {
    try {
      const v = evaluate(argNodes[0], scope);
      return containsUnknown(v) ? new Unknown(`can(${render(v)})`) : true;
    } catch (e) {
      if (e instanceof HclEvaluationError) return false;
      throw e;
    }
  }
  if (name === 'try') {
    for (const arg of argNodes) {
      try {
        return evaluate(arg, scope);
      } catch (e) {
        if (!(e instanceof HclEvaluationError)) throw e;
      }
    }
    throw new HclEvaluationError('try: no expression succeeded');
  }
  let args = argNodes.map((a) => evaluate(a, scope));
  if (expandFinal) {
    const last = args[args.length - 1];
    if (!Array.isArray(last)) throw new HclEvaluationError(`${name}: expanding a non-list`);
    args = [...args.slice(0, -1), ...last];
  }
  if (name === 'coalesce' && scope.applyTime === true) {
    const first = args.find((a) => a !== null && a !== '');
    if (first !== undefined) return first;
  }
  const fn = FUNCTIONS[name];
  if (fn === undefined) throw new Error(`the test evaluator does not implement the Terraform function ${name}()`);
  if (name !== 'jsonencode' && !LENIENT.has(name) && args.some(isUnknown)) {
    return new Unknown(`${name}(${args.map(render).join(', ')})`);
  }
  return fn(...args);
}

/** Functions that decide themselves what an unknown argument means (the others return unknown). */
const LENIENT = new Set(['length', 'merge', 'coalesce']);

function list(v: Value, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  throw new HclEvaluationError(`${fn}: expected a list, got ${render(v)}`);
}

function str(v: Value, fn: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new HclEvaluationError(`${fn}: expected a string, got ${render(v)}`);
}

/** RE2 as Terraform uses it; the patterns in the modules are also valid JavaScript. */
function re(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new HclEvaluationError(`invalid regular expression ${pattern}: ${(e as Error).message}`);
  }
}

function rfc3339(v: Value, fn: string): number {
  const s = str(v, fn);
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ? Date.parse(s) : NaN;
  if (Number.isNaN(ms)) throw new HclEvaluationError(`${fn}: "${s}" is not a valid RFC3339 timestamp`);
  return ms;
}

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  length: (v) => {
    if (isUnknown(v)) return new Unknown(`length(${v.text})`);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isObject(v)) return Object.keys(v).length;
    throw new HclEvaluationError(`length: cannot take the length of ${render(v)}`);
  },
  coalesce: (...args) => {
    for (const a of args) {
      if (isUnknown(a)) return new Unknown(`coalesce(${args.map(render).join(', ')})`);
      if (a !== null && a !== '') return a;
    }
    throw new HclEvaluationError('coalesce: no non-null, non-empty-string arguments');
  },
  merge: (...args) => {
    const out: { [key: string]: Value } = {};
    for (const a of args) {
      if (a === null) continue;
      if (isUnknown(a)) return new Unknown(`merge(${args.map(render).join(', ')})`);
      if (!isObject(a)) throw new HclEvaluationError(`merge: arguments must be maps or objects, got ${render(a)}`);
      Object.assign(out, a);
    }
    return out;
  },
  concat: (...args) => args.flatMap((a) => list(a, 'concat')),
  flatten: (v) => {
    const flat = (x: Value): Value[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
    return list(v, 'flatten').flatMap(flat);
  },
  compact: (v) => list(v, 'compact').filter((x) => x !== null && x !== ''),
  values: (v) => {
    if (!isObject(v)) throw new HclEvaluationError(`values: expected a map, got ${render(v)}`);
    return Object.keys(v).sort().map((k) => v[k]);
  },
  keys: (v) => {
    if (!isObject(v)) throw new HclEvaluationError(`keys: expected a map, got ${render(v)}`);
    return Object.keys(v).sort();
  },
  one: (v) => {
    const l = list(v, 'one');
    if (l.length > 1) throw new HclEvaluationError('one: must be a list with at most one element');
    return l.length === 0 ? null : l[0];
  },
  tolist: (v) => list(v, 'tolist'),
  toset: (v) => {
    const l = list(v, 'toset');
    const seen = new Map<string, Value>();
    for (const x of l) seen.set(render(x), x);
    // Sets of strings iterate in lexical order.
    return [...seen.values()].sort((a, b) => (render(a) < render(b) ? -1 : 1));
  },
  tomap: (v) => {
    if (!isObject(v)) throw new HclEvaluationError(`tomap: expected an object, got ${render(v)}`);
    return v;
  },
  lookup: (m, k, d) => {
    if (!isObject(m)) throw new HclEvaluationError(`lookup: expected a map, got ${render(m)}`);
    const key = str(k, 'lookup');
    if (Object.prototype.hasOwnProperty.call(m, key)) return m[key];
    if (d === undefined) throw new HclEvaluationError(`lookup: no key ${key}`);
    return d;
  },
  jsonencode: (v) => (containsUnknown(v) ? new Unknown(`jsonencode(${render(v)})`, v) : jsonEncodeKnown(v)),
  replace: (s, sub, rep) => {
    const text = str(s, 'replace');
    const pattern = str(sub, 'replace');
    const replacement = str(rep, 'replace');
    if (pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) {
      return text.replace(re(pattern.slice(1, -1), 'g'), replacement);
    }
    return text.split(pattern).join(replacement);
  },
  regex: (p, s) => {
    const m = re(str(p, 'regex')).exec(str(s, 'regex'));
    if (m === null) throw new HclEvaluationError('regex: pattern did not match');
    if (m.groups !== undefined) return { ...m.groups } as Value;
    return m.length > 1 ? m.slice(1).map((g) => g ?? null) : m[0];
  },
  contains: (l, v) => list(l, 'contains').some((x) => equal(x, v)),
  alltrue: (l) => list(l, 'alltrue').every((x) => {
    if (typeof x !== 'boolean') throw new HclEvaluationError(`alltrue: ${render(x)} is not a bool`);
    return x;
  }),
  anytrue: (l) => list(l, 'anytrue').some((x) => {
    if (typeof x !== 'boolean') throw new HclEvaluationError(`anytrue: ${render(x)} is not a bool`);
    return x;
  }),
  trimprefix: (s, p) => {
    const v = str(s, 'trimprefix');
    const prefix = str(p, 'trimprefix');
    return v.startsWith(prefix) ? v.slice(prefix.length) : v;
  },
  slice: (l, from, to) => {
    const items = list(l, 'slice');
    const start = number(from, 'slice');
    const end = number(to, 'slice');
    if (start < 0 || end > items.length || start > end) throw new HclEvaluationError(`slice: indices ${start}-${end} out of range for ${items.length} elements`);
    return items.slice(start, end);
  },
  startswith: (s, p) => str(s, 'startswith').startsWith(str(p, 'startswith')),
  endswith: (s, p) => str(s, 'endswith').endsWith(str(p, 'endswith')),
  trimspace: (s) => str(s, 'trimspace').trim(),
  lower: (s) => str(s, 'lower').toLowerCase(),
  upper: (s) => str(s, 'upper').toUpperCase(),
  floor: (n) => Math.floor(number(n, 'floor')),
  max: (...args) => Math.max(...args.map((a) => number(a, 'max'))),
  min: (...args) => Math.min(...args.map((a) => number(a, 'min'))),
  tostring: (v) => (v === null ? null : str(v, 'tostring')),
  tonumber: (v) => (v === null ? null : number(v, 'tonumber')),
  join: (sep, l) => list(l, 'join').map((x) => str(x, 'join')).join(str(sep, 'join')),
  split: (sep, s) => str(s, 'split').split(str(sep, 'split')),
  substr: (s, offset, length) => {
    const chars = [...str(s, 'substr')];
    const start = number(offset, 'substr');
    const len = number(length, 'substr');
    return chars.slice(start, len < 0 ? undefined : start + len).join('');
  },
  format: (f, ...args) => {
    let i = 0;
    return str(f, 'format').replace(/%[sd%]/g, (m) => (m === '%%' ? '%' : str(args[i++], 'format')));
  },
  timecmp: (a, b) => Math.sign(rfc3339(a, 'timecmp') - rfc3339(b, 'timecmp')),
  sort: (l) => list(l, 'sort').map((x) => str(x, 'sort')).sort(),
  distinct: (l) => {
    const seen = new Map<string, Value>();
    for (const x of list(l, 'distinct')) if (!seen.has(render(x))) seen.set(render(x), x);
    return [...seen.values()];
  },
  setintersection: (...sets) => {
    const [first, ...rest] = sets.map((x) => list(x, 'setintersection'));
    return first.filter((x) => rest.every((other) => other.some((y) => equal(x, y))));
  },
  flatten: (l) => {
    const flat = (v: Value): Value[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
    return flat(list(l, 'flatten'));
  },
};
