/**
 * A plan of HCL modules, as far as it can be made without Terraform and AWS:
 * parse the `.tf` files with the real HCL parser (`@cdktf/hcl2json`), then
 * evaluate them like `terraform plan` does — variable types with optional()
 * defaults, validation blocks, locals, count/for_each, dynamic blocks,
 * lifecycle preconditions, nested module calls and outputs. Resource attributes
 * and data sources stay unknown, as they are before apply.
 *
 * The result has the same shape as `cdktf-plan.ts` gives for a synthesized
 * stack, so the two can be compared resource by resource.
 */
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { parse } from '@cdktf/hcl2json';
import { ChildScope, HclEvaluationError, Scope, evaluate, evaluateJsonValue } from './hcl-evaluate';
import { Node, parseExpression } from './hcl-expression';
import { Unknown, Value, isObject, isUnknown, render } from './hcl-values';

/**
 * A failed validation or precondition, or an evaluation error Terraform would report;
 * or a failed `check` assertion, which Terraform reports as a warning (the plan goes on).
 */
export interface PlanIssue {
  readonly kind: 'validation' | 'precondition' | 'error' | 'check';
  /** The variable or resource address. */
  readonly address: string;
  /** The field named at the start of the message (`task_count: ...`), if any. */
  readonly field?: string;
  readonly message: string;
}

export interface PlannedResource {
  /** Canonical address: `<module path>/<type>.<name>`, `data.` for data sources, `[key]` only for several instances. */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  /** Attributes and nested blocks (arrays of objects); null attributes are left out. */
  readonly attributes: { [key: string]: Value };
  /** lifecycle.ignore_changes. */
  readonly ignoreChanges: string[];
}

export interface Plan {
  readonly resources: PlannedResource[];
  readonly outputs: { [name: string]: Value };
  readonly issues: PlanIssue[];
}

interface ModuleSource {
  readonly dir: string;
  readonly variables: Record<string, any>;
  readonly locals: Record<string, unknown>;
  readonly resources: Array<{ mode: 'managed' | 'data'; type: string; name: string; body: any }>;
  readonly modules: Array<{ name: string; body: any }>;
  readonly outputs: Record<string, any>;
  readonly checks: Record<string, any>;
}

const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', 'dynamic']);

/**
 * Plan a root module given as HCL text (e.g. a module call), in `dir` (where
 * relative module sources are resolved), with values for its variables (as a
 * `*.tfvars` file gives them: known at plan time).
 */
export async function planRoot(rootTf: string, dir: string, variables: Record<string, Value> = {}): Promise<Plan> {
  const sources = new Map<string, ModuleSource>();
  const root = toModuleSource(dir, [await parse('main.tf', rootTf)]);
  await loadNested(root, sources);
  const issues: PlanIssue[] = [];
  const resources: PlannedResource[] = [];
  const instance = new ModuleInstance(root, { plan: variables, apply: variables }, '', sources, issues, resources);
  instance.plan();
  return { resources, outputs: instance.evaluatedOutputs(), issues };
}

/** Parsed module directories, by path: parsing is the slow part, and the files do not change during a run. */
const LOADED = new Map<string, Promise<ModuleSource>>();

function loadModule(dir: string): Promise<ModuleSource> {
  if (!LOADED.has(dir)) LOADED.set(dir, parseModule(dir));
  return LOADED.get(dir)!;
}

async function parseModule(dir: string): Promise<ModuleSource> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  const parsed = await Promise.all(files.map((f) => parse(f, readFileSync(join(dir, f), 'utf8'))));
  return toModuleSource(dir, parsed);
}

async function loadNested(source: ModuleSource, sources: Map<string, ModuleSource>): Promise<void> {
  for (const m of source.modules) {
    const dir = resolve(source.dir, m.body.source);
    if (!sources.has(dir)) {
      const nested = await loadModule(dir);
      sources.set(dir, nested);
      await loadNested(nested, sources);
    }
  }
}

function toModuleSource(dir: string, files: any[]): ModuleSource {
  const source: ModuleSource = { dir, variables: {}, locals: {}, resources: [], modules: [], outputs: {}, checks: {} };
  for (const file of files) {
    for (const [name, blocks] of Object.entries<any>(file.variable ?? {})) source.variables[name] = blocks[0];
    for (const block of file.locals ?? []) Object.assign(source.locals, block);
    for (const [mode, key] of [['managed', 'resource'], ['data', 'data']] as const) {
      for (const [type, byName] of Object.entries<any>(file[key] ?? {})) {
        for (const [name, blocks] of Object.entries<any>(byName)) source.resources.push({ mode, type, name, body: blocks[0] });
      }
    }
    for (const [name, blocks] of Object.entries<any>(file.module ?? {})) source.modules.push({ name, body: blocks[0] });
    for (const [name, blocks] of Object.entries<any>(file.output ?? {})) source.outputs[name] = blocks[0];
    for (const [name, blocks] of Object.entries<any>(file.check ?? {})) source.checks[name] = blocks[0];
  }
  return source;
}

/** An expression hcl2json left as `"${...}"`, or a literal. */
function expressionOf(raw: unknown): Node {
  if (typeof raw === 'string') {
    const m = /^\$\{([\s\S]*)\}$/.exec(raw);
    if (m) return parseExpression(m[1]);
  }
  return { kind: 'literal', value: raw as Value };
}

function fieldOf(message: string): string | undefined {
  return /^([A-Za-z0-9_.[\]"-]+):/.exec(message)?.[1];
}

/**
 * Plan time keeps resource attributes unknown (count and for_each must not
 * depend on them); attributes and outputs are evaluated as at apply time, when
 * those values exist (see `Scope.applyTime`).
 */
type Mode = 'plan' | 'apply';

interface Inputs {
  readonly plan: Record<string, Value>;
  readonly apply: Record<string, Value>;
}

class ModuleInstance {
  private readonly vars: Record<Mode, Record<string, Value>> = { plan: {}, apply: {} };
  private readonly localValues: Record<Mode, Record<string, Value>> = { plan: {}, apply: {} };
  private readonly localState: Record<Mode, Map<string, 'evaluating' | 'done'>> = { plan: new Map(), apply: new Map() };
  private readonly resourceValues = new Map<string, Value>();
  private readonly moduleInstances = new Map<string, Record<string, ModuleInstance> | ModuleInstance>();
  private readonly scopes: Record<Mode, Scope>;
  private valid = true;

  constructor(
    private readonly source: ModuleSource,
    inputs: Inputs,
    private readonly prefix: string,
    private readonly sources: Map<string, ModuleSource>,
    private readonly issues: PlanIssue[],
    private readonly planned: PlannedResource[],
  ) {
    this.scopes = {
      plan: { lookup: (n) => this.lookup(n, 'plan') },
      apply: { applyTime: true, lookup: (n) => this.lookup(n, 'apply') },
    };
    for (const name of Object.keys(inputs.plan)) {
      if (!(name in source.variables)) {
        this.issue('error', `${prefix}var.${name}`, `An argument named "${name}" is not expected here (module ${source.dir})`);
      }
    }
    for (const [name, block] of Object.entries<any>(source.variables)) {
      this.vars.plan[name] = this.variableValue(name, block, inputs.plan[name], true);
      this.vars.apply[name] = this.variableValue(name, block, inputs.apply[name], false);
    }
    for (const [name, block] of Object.entries<any>(source.variables)) this.validate(name, block);
  }

  /** Evaluate every resource, data source and nested module; record them and any issue. */
  public plan(): void {
    if (!this.valid) return;
    for (const r of this.source.resources) this.planResource(r);
    this.runChecks();
    for (const m of this.source.modules) {
      try {
        const instances = this.moduleInstance(m.name);
        for (const instance of isModuleInstance(instances) ? [instances] : Object.values(instances)) instance.plan();
      } catch (e) {
        this.report(e, `${this.prefix}module.${m.name}`);
      }
    }
  }

  public outputs(mode: Mode = 'apply'): { [name: string]: Value } {
    const out: { [name: string]: Value } = {};
    for (const [name, block] of Object.entries<any>(this.source.outputs)) {
      Object.defineProperty(out, name, { enumerable: true, get: () => evaluateJsonValue(block.value, this.scopes[mode]) });
    }
    return out;
  }

  /** Outputs evaluated now (errors reported), for the plan result. */
  public evaluatedOutputs(): { [name: string]: Value } {
    const out: { [name: string]: Value } = {};
    for (const [name, block] of Object.entries<any>(this.source.outputs)) {
      try {
        out[name] = evaluateJsonValue(block.value, this.scopes.apply);
      } catch (e) {
        this.report(e, `${this.prefix}output.${name}`);
      }
    }
    return out;
  }

  private lookup(name: string, mode: Mode): Value {
    if (name === 'var') return this.vars[mode];
    if (name === 'local') return this.localsObject(mode);
    if (name === 'data') return this.dataObject();
    if (name === 'module') return this.modulesObject(mode);
    if (this.source.resources.some((r) => r.mode === 'managed' && r.type === name)) return this.resourcesOfType('managed', name);
    throw new HclEvaluationError(`Reference to undeclared name "${name}"`);
  }

  private issue(kind: PlanIssue['kind'], address: string, message: string): void {
    this.issues.push({ kind, address, field: fieldOf(message), message });
  }

  private report(e: unknown, address: string): void {
    if (e instanceof HclEvaluationError) {
      this.issue('error', address, e.message);
      return;
    }
    throw e;
  }

  // --- variables ---

  private variableValue(name: string, block: any, input: Value | undefined, reportIssues: boolean): Value {
    const hasDefault = Object.prototype.hasOwnProperty.call(block, 'default');
    let value: Value | undefined = input;
    if (value === undefined || (value === null && block.nullable === false)) {
      if (!hasDefault) {
        if (reportIssues) {
          this.issue('error', `${this.prefix}var.${name}`, value === undefined
            ? `${name}: The input variable "${name}" is not set, and has no default value`
            : `${name}: the value must not be null`);
          this.valid = false;
        }
        return null;
      }
      value = block.default as Value;
    }
    if (block.type === undefined) return value;
    try {
      return convert(value, expressionOf(block.type), name);
    } catch (e) {
      if (reportIssues) {
        this.report(e, `${this.prefix}var.${name}`);
        this.valid = false;
      }
      return null;
    }
  }

  private validate(name: string, block: any): void {
    for (const rule of block.validation ?? []) {
      // Before Terraform 1.9 a validation can only refer to its own variable.
      const scope: Scope = {
        lookup: (n) => {
          if (n === 'var') return { [name]: this.vars.plan[name] };
          throw new HclEvaluationError(`a validation of ${name} refers to ${n}`);
        },
      };
      try {
        const ok = evaluate(expressionOf(rule.condition), scope);
        if (ok === false) {
          this.issue('validation', `${this.prefix}var.${name}`, String(evaluateJsonValue(rule.error_message, scope)));
          this.valid = false;
        } else if (ok !== true && !isUnknown(ok)) {
          throw new HclEvaluationError(`the validation condition of ${name} is not a bool: ${render(ok)}`);
        }
      } catch (e) {
        this.report(e, `${this.prefix}var.${name}`);
        this.valid = false;
      }
    }
  }

  // --- check blocks ---

  /**
   * `check` assertions: a false condition is a warning, not an error (the plan goes on).
   * Scoped data sources in a check are not supported by this planner.
   * @see https://developer.hashicorp.com/terraform/language/checks
   */
  private runChecks(): void {
    for (const [name, block] of Object.entries<any>(this.source.checks)) {
      if (block.data !== undefined) throw new Error(`check ${name}: the test planner does not evaluate scoped data sources`);
      const address = `${this.prefix}check.${name}`;
      for (const assertion of block.assert ?? []) {
        try {
          const ok = evaluate(expressionOf(assertion.condition), this.scopes.apply);
          if (ok === false) this.issue('check', address, String(evaluateJsonValue(assertion.error_message, this.scopes.apply)));
          else if (ok !== true && !isUnknown(ok)) throw new HclEvaluationError(`the condition of check ${name} is not a bool: ${render(ok)}`);
        } catch (e) {
          this.report(e, address);
        }
      }
    }
  }

  // --- locals ---

  private localsObject(mode: Mode): { [key: string]: Value } {
    const out: { [key: string]: Value } = {};
    for (const name of Object.keys(this.source.locals)) {
      Object.defineProperty(out, name, { enumerable: true, get: () => this.local(name, mode) });
    }
    return out;
  }

  private local(name: string, mode: Mode): Value {
    const state = this.localState[mode].get(name);
    if (state === 'done') return this.localValues[mode][name];
    if (state === 'evaluating') throw new HclEvaluationError(`Cycle: local.${name} refers to itself`);
    this.localState[mode].set(name, 'evaluating');
    try {
      this.localValues[mode][name] = evaluateJsonValue(this.source.locals[name], this.scopes[mode]);
    } finally {
      this.localState[mode].delete(name);
    }
    this.localState[mode].set(name, 'done');
    return this.localValues[mode][name];
  }

  // --- resources and data sources ---

  private address(mode: 'managed' | 'data', type: string, name: string): string {
    return `${this.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  }

  private dataObject(): { [type: string]: Value } {
    const out: { [type: string]: Value } = {};
    for (const r of this.source.resources.filter((x) => x.mode === 'data')) {
      Object.defineProperty(out, r.type, { enumerable: true, configurable: true, get: () => this.resourcesOfType('data', r.type) });
    }
    return out;
  }

  private resourcesOfType(mode: 'managed' | 'data', type: string): { [name: string]: Value } {
    const out: { [name: string]: Value } = {};
    for (const r of this.source.resources.filter((x) => x.mode === mode && x.type === type)) {
      Object.defineProperty(out, r.name, { enumerable: true, get: () => this.resourceValue(r) });
    }
    return out;
  }

  /** How a reference sees a resource: an instance, a list (count) or a map (for_each) of instances. */
  private resourceValue(r: ModuleSource['resources'][number]): Value {
    const key = `${r.mode}.${r.type}.${r.name}`;
    if (!this.resourceValues.has(key)) {
      const base = this.address(r.mode, r.type, r.name);
      const keys = this.instanceKeys(r.body, base);
      let value: Value;
      if (keys === undefined) value = new Unknown(base);
      else if (Array.isArray(keys)) value = keys.map((_, i) => new Unknown(keys.length === 1 ? base : `${base}[${i}]`));
      else value = Object.fromEntries(Object.keys(keys).map((k) => [k, new Unknown(`${base}[${JSON.stringify(k)}]`)]));
      this.resourceValues.set(key, value);
    }
    return this.resourceValues.get(key)!;
  }

  /** undefined: a single instance; an array: count; an object: for_each (key to each.value). Known at plan time, or an error. */
  private instanceKeys(body: any, address: string): undefined | number[] | Record<string, Value> {
    const scope = this.scopes.plan;
    if (body.count !== undefined) {
      const count = evaluate(expressionOf(body.count), scope);
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new HclEvaluationError(`${address}: Invalid count argument: ${render(count)} (a known whole number is required at plan time)`);
      }
      return Array.from({ length: count }, (_, i) => i);
    }
    if (body.for_each !== undefined) {
      const collection = evaluate(expressionOf(body.for_each), scope);
      if (isUnknown(collection) || (Array.isArray(collection) && collection.some(isUnknown))) {
        throw new HclEvaluationError(`${address}: Invalid for_each argument: ${render(collection)} (keys must be known at plan time)`);
      }
      if (Array.isArray(collection)) {
        if (!collection.every((x) => typeof x === 'string')) throw new HclEvaluationError(`${address}: for_each over a list needs a set of strings (toset(...))`);
        return Object.fromEntries((collection as string[]).map((k) => [k, k]));
      }
      if (isObject(collection)) return collection;
      throw new HclEvaluationError(`${address}: Invalid for_each argument: ${render(collection)}`);
    }
    return undefined;
  }

  private planResource(r: ModuleSource['resources'][number]): void {
    const base = this.address(r.mode, r.type, r.name);
    let keys: undefined | number[] | Record<string, Value>;
    try {
      keys = this.instanceKeys(r.body, base);
    } catch (e) {
      this.report(e, base);
      return;
    }
    const instances: Array<{ address: string; names: Record<string, Value> }> = keys === undefined
      ? [{ address: base, names: {} }]
      : Array.isArray(keys)
        ? keys.map((i) => ({ address: keys.length === 1 ? base : `${base}[${i}]`, names: { count: { index: i } } }))
        : Object.entries(keys).map(([k, v]) => ({ address: `${base}[${JSON.stringify(k)}]`, names: { each: { key: k, value: v } } }));
    for (const instance of instances) {
      try {
        const attributes = evaluateBody(r.body, new ChildScope(this.scopes.apply, instance.names));
        const lifecycle = r.body.lifecycle?.[0] ?? {};
        const planScope = new ChildScope(this.scopes.plan, instance.names);
        for (const pre of lifecycle.precondition ?? []) {
          const ok = evaluate(expressionOf(pre.condition), planScope);
          if (ok === false) this.issue('precondition', instance.address, String(evaluateJsonValue(pre.error_message, planScope)));
        }
        // `ignore_changes = all` is a keyword, not a list.
        const ignoreChanges = [lifecycle.ignore_changes ?? []].flat().map((x: string) => x.replace(/^\$\{(.*)\}$/, '$1'));
        this.planned.push({ address: instance.address, mode: r.mode, type: r.type, attributes, ignoreChanges });
      } catch (e) {
        this.report(e, instance.address);
      }
    }
  }

  // --- nested modules ---

  private modulesObject(mode: Mode): { [name: string]: Value } {
    const out: { [name: string]: Value } = {};
    for (const m of this.source.modules) {
      Object.defineProperty(out, m.name, {
        enumerable: true,
        get: () => {
          const instances = this.moduleInstance(m.name);
          if (isModuleInstance(instances)) return instances.outputs(mode);
          return Object.fromEntries(Object.entries(instances).map(([k, inst]) => [k, inst.outputs(mode)]));
        },
      });
    }
    return out;
  }

  private moduleInstance(name: string): Record<string, ModuleInstance> | ModuleInstance {
    const cached = this.moduleInstances.get(name);
    if (cached !== undefined) return cached;
    const m = this.source.modules.find((x) => x.name === name)!;
    const source = this.sources.get(resolve(this.source.dir, m.body.source))!;
    const keys = this.instanceKeys(m.body, `${this.prefix}module.${name}`);
    const make = (prefix: string, names: Record<string, Value>): ModuleInstance => {
      const inputs: Inputs = { plan: {}, apply: {} };
      for (const mode of ['plan', 'apply'] as const) {
        const scope = new ChildScope(this.scopes[mode], names);
        for (const [arg, raw] of Object.entries(m.body)) {
          if (arg === 'source' || arg === 'version' || META_ARGUMENTS.has(arg)) continue;
          inputs[mode][arg] = evaluateJsonValue(raw, scope);
        }
      }
      return new ModuleInstance(source, inputs, prefix, this.sources, this.issues, this.planned);
    };
    let result: Record<string, ModuleInstance> | ModuleInstance;
    if (keys === undefined) result = make(`${this.prefix}${name}/`, {});
    else if (Array.isArray(keys)) throw new HclEvaluationError('count on module calls is not supported by the test planner');
    else result = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, make(`${this.prefix}${name}/${k}/`, { each: { key: k, value: v } })]));
    this.moduleInstances.set(name, result);
    return result;
  }
}

function isModuleInstance(x: unknown): x is ModuleInstance {
  return x instanceof ModuleInstance;
}

/** Evaluate a resource or block body: attributes, nested blocks (arrays of objects), dynamic blocks. */
function evaluateBody(body: any, scope: Scope): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const [key, raw] of Object.entries<any>(body)) {
    if (META_ARGUMENTS.has(key)) continue;
    const value = Array.isArray(raw) && raw.length > 0 && raw.every((b) => b !== null && typeof b === 'object' && !Array.isArray(b))
      ? raw.map((block) => evaluateBody(block, scope))
      : evaluateJsonValue(raw, scope);
    if (value !== null) out[key] = value;
  }
  for (const [name, dynamics] of Object.entries<any>(body.dynamic ?? {})) {
    for (const dynamic of dynamics) {
      const collection = evaluate(expressionOf(dynamic.for_each), scope);
      if (isUnknown(collection)) throw new HclEvaluationError(`dynamic "${name}": for_each must be known at plan time`);
      const items: Array<[Value, Value]> = Array.isArray(collection)
        ? collection.map((v, i) => [i, v])
        : isObject(collection) ? Object.keys(collection).sort().map((k) => [k, collection[k]]) : [];
      const iterator = dynamic.iterator ?? name;
      for (const [k, v] of items) {
        const block = evaluateBody(dynamic.content[0], new ChildScope(scope, { [iterator]: { key: k, value: v } }));
        out[name] = [...((out[name] as Value[] | undefined) ?? []), block];
      }
    }
  }
  return out;
}

/** Terraform's type conversion of a variable value, with optional() attribute defaults. */
function convert(value: Value, type: Node, path: string): Value {
  if (isUnknown(value) || value === null) return value;
  if (type.kind === 'variable') {
    switch (type.name) {
      case 'any': return value;
      case 'string':
        if (typeof value === 'string') return value;
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        break;
      case 'number':
        if (typeof value === 'number') return value;
        if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
        break;
      case 'bool':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        break;
    }
    throw new HclEvaluationError(`${path}: Invalid value for input variable: ${type.name} required, got ${render(value)}`);
  }
  if (type.kind === 'call') {
    const [inner] = type.args;
    switch (type.name) {
      case 'list':
      case 'set':
        if (!Array.isArray(value)) throw new HclEvaluationError(`${path}: Invalid value for input variable: list required, got ${render(value)}`);
        return value.map((v, i) => convert(v, inner, `${path}[${i}]`));
      case 'map':
        if (!isObject(value)) throw new HclEvaluationError(`${path}: Invalid value for input variable: map required, got ${render(value)}`);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, inner, `${path}["${k}"]`)]));
      case 'object': {
        if (!isObject(value)) throw new HclEvaluationError(`${path}: Invalid value for input variable: object required, got ${render(value)}`);
        if (inner.kind !== 'object') throw new Error('object() needs an object of attribute types');
        const out: { [key: string]: Value } = {};
        for (const item of inner.items) {
          const attr = (item.key as { value: string }).value;
          const attrType = item.value;
          const optional = attrType.kind === 'call' && attrType.name === 'optional';
          const given = Object.prototype.hasOwnProperty.call(value, attr) ? value[attr] : undefined;
          if (given === undefined && !optional) {
            throw new HclEvaluationError(`${path}: Invalid value for input variable: attribute "${attr}" is required`);
          }
          if (optional) {
            const [t, fallback] = (attrType as { args: Node[] }).args;
            const v = given ?? (fallback === undefined ? null : evaluate(fallback, { lookup: () => { throw new HclEvaluationError('optional() defaults must be literals'); } }));
            out[attr] = convert(v, t, `${path}.${attr}`);
          } else {
            out[attr] = convert(given!, attrType, `${path}.${attr}`);
          }
        }
        return out;
      }
      case 'optional':
        return convert(value, inner, path);
    }
  }
  throw new Error(`the test planner does not understand the type ${JSON.stringify(type)}`);
}

/** The directory of a module under templates/terraform/modules. */
export function moduleDir(name: string): string {
  return join(dirname(dirname(dirname(dirname(__dirname)))), 'templates', 'terraform', 'modules', name);
}
