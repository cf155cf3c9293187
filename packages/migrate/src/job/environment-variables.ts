import { FoundVariable, SecretReference } from '../found-function';
import { JobEnvironmentVariable } from '../migration-report';

/**
 * Names that usually hold credentials. Matched on the name's words, so `TOKEN_TABLE` is flagged
 * (better a false alarm than a password in a task definition) and `AUTHOR` is not.
 */
const SECRET_WORDS = /(^|_)(SECRETS?|PASSWORDS?|PASSWD|PWD|PASS|TOKENS?|API_?KEYS?|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH_?KEY|CLIENT_?SECRET|DSN|SIGNING_?KEY|WEBHOOK_?URL)(_|$)/i;

/**
 * A last word that makes the variable a pointer to a secret, not the secret: `DB_PASSWORD_SSM`
 * holds an SSM parameter's name, `API_KEY_SECRET_ARN` a secret's ARN. The handler reads the secret
 * itself at run time, as it did on Lambda.
 */
const REFERENCE_SUFFIX = /_(SSM|SSM_(PARAM|PARAMETER|PATH|NAME|KEY)|PARAM|PARAMETER|PARAM_NAME|PARAMETER_NAME|PARAMETER_PATH|ARN|SECRET_ID|SECRET_NAME|SECRET_ARN|NAME|PATH)$/i;

/** True when a variable's name looks like it holds a secret (and not the name or ARN of one). */
export function looksSecret(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_');
  if (REFERENCE_SUFFIX.test(words)) return false;
  return SECRET_WORDS.test(words);
}

/**
 * A URL with a password in it (`scheme://user:password@host`, RFC 3986's userinfo): a database or
 * broker connection string, whatever the variable is called.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1
 */
const URL_CREDENTIAL = /([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)([^/\s@]+)@/gi;

/** The same, where the password (or a part of it) is an interpolation: `app:${var.pw}@`. */
const TEMPLATE_CREDENTIAL = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:(?:\$\{[^}]*\}|[^/\s@$])+@/i;

/** True when a value, or a value's template, embeds a credential: a URL with `user:password@`. */
export function embedsCredential(value: string): boolean {
  return new RegExp(URL_CREDENTIAL.source, 'i').test(value) || TEMPLATE_CREDENTIAL.test(value);
}

/** The report's shape of a found variable. */
export function toJobVariable(variable: FoundVariable): JobEnvironmentVariable {
  // A secret's reference is never a plain value: it becomes `secretsManagerSecrets` or `ssmParameters`.
  if (variable.secretRef !== undefined) {
    return { name: variable.name, value: null, expression: variable.expression ?? variable.secretRef.ref, secret: true };
  }
  // The password is masked, so that it reaches no report, README or .projenrc.ts comment.
  const credential = variable.value !== undefined && embedsCredential(variable.value);
  return {
    name: variable.name,
    value: credential ? variable.value!.replace(URL_CREDENTIAL, '$1****@') : variable.value ?? null,
    ...(variable.value === undefined ? { expression: variable.expression ?? '' } : {}),
    secret: variable.secret ?? (credential || looksSecret(variable.name)),
  };
}

/**
 * The secret an environment value reads, from its text: CloudFormation dynamic references
 * `{{resolve:ssm:name}}` / `{{resolve:ssm-secure:name}}` / `{{resolve:secretsmanager:id:SecretString:key::}}`
 * and Serverless `${ssm:name}`. Undefined when it reads none, or is more than the reference.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
 * @see https://www.serverless.com/framework/docs/providers/aws/guide/variables#reference-variables-using-the-ssm-parameter-store
 */
export function secretReference(text: string): SecretReference | undefined {
  const ssm = /^\{\{resolve:ssm(?:-secure)?:([^:}]+)(?::\d+)?\}\}$/.exec(text) ?? /^\$\{ssm:([^,}\s]+)\}$/.exec(text);
  if (ssm) return { kind: 'ssm', ref: ssm[1] };
  const sm = /^\{\{resolve:secretsmanager:(.+)\}\}$/.exec(text);
  if (sm) {
    // secret-id[:SecretString[:json-key[:version-stage[:version-id]]]] -> ECS: arn:json-key:version-stage:version-id
    // The secret id is an ARN (seven `:`-separated parts) or a name (no `:`).
    const parts = sm[1].split(':');
    const idParts = sm[1].startsWith('arn:') ? 7 : 1;
    const arn = parts.slice(0, idParts).join(':');
    const rest = parts.slice(idParts);
    const key = rest[0] === 'SecretString' ? rest[1] ?? '' : '';
    return { kind: 'secretsManager', ref: key ? `${arn}:${key}::` : arn };
  }
  return undefined;
}
