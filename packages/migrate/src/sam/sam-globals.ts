import { isMap, PlainMap } from '../plain-data';

/**
 * Applies `Globals.Function` to a function's properties the way SAM does: the function's primitive
 * values override, maps are merged key by key, lists are appended to the global ones.
 * An intrinsic (`{ "Ref": ... }`, `{ "Fn::...": ... }`) counts as a primitive.
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html#sam-specification-template-anatomy-globals-overrideable
 */
export function applyGlobals(globals: unknown, properties: unknown): PlainMap {
  return merge(isMap(globals) ? globals : {}, isMap(properties) ? properties : {}) as PlainMap;
}

function merge(global: unknown, own: unknown): unknown {
  if (own === undefined) return global;
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  if (isMap(global) && isMap(own) && !isIntrinsic(global) && !isIntrinsic(own)) {
    const merged: PlainMap = { ...global };
    for (const [key, value] of Object.entries(own)) merged[key] = merge(global[key], value);
    return merged;
  }
  return own;
}

function isIntrinsic(value: PlainMap): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}
