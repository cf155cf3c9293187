import { existsSync, readdirSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import { TimeZone } from '@ecs-batch/core';
import { TerraformModule } from '@ecs-batch/terraform-reader';
import { Finding } from './finding';
import { LintOptions } from './lint-options';
import { LintReport, UnreadableInput } from './lint-report';
import { LintContext, RawFinding } from './private/lint-context';
import { suppressionsIn } from './private/suppressions';
import { RuleInfo } from './rule-info';
import { ALL_RULES } from './rules';

/** Folders never searched for Terraform. */
const SKIPPED = new Set(['node_modules', '.terraform', '.git', '.gen', 'lib', 'dist']);

/** Lints Terraform (and CDKTF's `cdk.tf.json`) for the pitfalls of scheduled ECS tasks. */
export class Linter {
  /** Every rule's metadata, in id order. */
  public static rules(): RuleInfo[] {
    return ALL_RULES.map(({ id, title, severity, description, awsDocUrl }) => ({ id, title, severity, description, awsDocUrl }));
  }

  /**
   * Reads every root module under the paths (a folder called by another as a local module is read
   * through its caller, with its inputs) and runs every rule.
   *
   * @throws Error naming the path when one does not exist, or the time zone when it is not IANA
   */
  public static async lint(options: LintOptions): Promise<LintReport> {
    if (options.timeZone !== undefined) TimeZone.validate(options.timeZone, '--time-zone');
    const candidates: string[] = [];
    for (const path of options.paths) {
      const full = resolve(path);
      if (!existsSync(full)) throw new Error(`${path}: does not exist (a folder of Terraform, a .tf file or a cdk.tf.json)`);
      if (statSync(full).isFile()) candidates.push(full);
      else findModuleDirs(full, candidates);
    }
    const read = { variables: options.variables, varFiles: options.varFiles };
    const modules = await Promise.all(candidates.map((c) => TerraformModule.load(c, read)));
    const called = new Set(modules.flatMap((m) => m.allModules().slice(1).map((c) => c.dir)));
    const roots = modules.filter((m, i) => !called.has(m.dir) || statSync(candidates[i]).isFile());

    const findings = new Map<string, Finding>();
    const unreadable = new Map<string, UnreadableInput>();
    for (const root of roots) {
      for (const u of root.allUnreadable()) unreadable.set(`${u.file}:${u.line}`, { ...u, file: relative(process.cwd(), u.file) || u.file });
      const context = new LintContext(root, options.timeZone);
      for (const rule of ALL_RULES) {
        for (const raw of await rule.check(context)) {
          if (rule.id !== 'ECSB000' && suppressed(raw, rule.id)) continue;
          const finding = place(raw, rule.id, rule.severity);
          findings.set(`${finding.rule}\0${finding.file}\0${finding.line}\0${finding.message}`, finding);
        }
      }
    }
    return {
      findings: [...findings.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule)),
      unreadable: [...unreadable.values()],
      roots: roots.map((r) => relative(process.cwd(), r.dir) || '.'),
    };
  }
}

function findModuleDirs(dir: string, into: string[]): void {
  if (TerraformModule.isModuleDir(dir)) into.push(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) findModuleDirs(join(dir, entry.name), into);
  }
}

/** A reasoned suppression on the block, or on the attribute at fault, silences the finding. */
function suppressed(raw: RawFinding, rule: string): boolean {
  const comments = [...raw.block.comments, ...(raw.attribute ? attributeComments(raw) : [])];
  return suppressionsIn(comments).some((s) => s.reason !== '' && s.rules.includes(rule));
}

function attributeComments(raw: RawFinding): string[] {
  // The attribute and every nested block on its path: a comment on `ecs_target` covers its settings.
  const parts = raw.attribute!.split('.');
  return parts.flatMap((_, i) => raw.block.attributes[parts.slice(0, i + 1).join('.')]?.comments ?? []);
}

function place(raw: RawFinding, rule: string, severity: import('./severity').Severity): Finding {
  const position = raw.attribute ? raw.block.attributes[raw.attribute] : undefined;
  return {
    rule,
    severity,
    file: relative(process.cwd(), raw.block.file) || raw.block.file,
    line: position?.line ?? raw.block.line,
    resource: raw.block.modulePath ? `${raw.block.modulePath}.${raw.block.address}` : raw.block.address,
    message: raw.message,
    fix: raw.fix,
  };
}
