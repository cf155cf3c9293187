import { FoundVariable } from '../found-function';
import { JobEnvironmentVariable } from '../migration-report';

/**
 * Names that usually hold credentials. Matched on the name's words, so `TOKEN_TABLE` is flagged
 * (better a false alarm than a password in a task definition) and `AUTHOR` is not.
 */
const SECRET_WORDS = /(^|_)(SECRETS?|PASSWORDS?|PASSWD|PWD|PASS|TOKENS?|API_?KEYS?|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH_?KEY|CLIENT_?SECRET|DSN|SIGNING_?KEY|WEBHOOK_?URL)(_|$)/i;

/** True when a variable's name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_');
  return SECRET_WORDS.test(words);
}

/** The report's shape of a found variable. */
export function toJobVariable(variable: FoundVariable): JobEnvironmentVariable {
  return {
    name: variable.name,
    value: variable.value ?? null,
    ...(variable.value === undefined ? { expression: variable.expression ?? '' } : {}),
    secret: looksSecret(variable.name),
  };
}
