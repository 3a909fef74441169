/**
 * Checks request and response bodies against Discord's OpenAPI spec (a trimmed copy in
 * tests/fixtures/discord-openapi.json, MIT, see discord-openapi.LICENSE) and against the documented limits that the
 * spec does not encode. Used by FakeDiscord to flag every payload the bot sends that real Discord would reject
 * (or that breaks the project's own rules, such as `allowed_mentions`).
 *
 * The spec is adapted on load, following its README: integers may be sent as numeric strings, `oneOf` unions are
 * not exclusive (treated as `anyOf`), and unions tagged by a `type` field are validated against the one branch that
 * the tag selects, so that errors name the real problem instead of every branch that did not match.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

const SPEC_ID = 'https://fake-discord.test/openapi.json';
const SPEC_FILE = new URL('../fixtures/discord-openapi.json', import.meta.url);
const NUMERIC_STRING = '^-?(0|[1-9][0-9]*)$';
/** Message flag IS_COMPONENTS_V2: layout components replace content/embeds and the 5-action-row rule. */
const IS_COMPONENTS_V2 = 1 << 15;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code points, as Discord (and JSON Schema's maxLength) count them, not UTF-16 units. */
function charCount(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading and adapting the spec
// ---------------------------------------------------------------------------------------------------------------

function typesOf(node: JsonObject): string[] {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Pass 1 (local rewrites): empty enums, oneOf → anyOf, integers that may arrive as numeric strings. */
function adaptLocally(node: Json): Json {
  if (Array.isArray(node)) return node.map(adaptLocally);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = adaptLocally(value);

  // Two schemas in the full spec carry `enum: []`, which no value satisfies (and ajv refuses to compile).
  if (Array.isArray(out['enum']) && out['enum'].length === 0) delete out['enum'];

  // Discord's unions are not exclusive (spec README): `oneOf` would fail payloads that fit two branches.
  if (Array.isArray(out['oneOf'])) {
    const branches = out['oneOf'];
    delete out['oneOf'];
    if (Array.isArray(out['anyOf'])) {
      out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), { anyOf: branches }];
    } else {
      out['anyOf'] = branches;
    }
  }

  // "Our API accepts strings for int fields if they are parseable as ints" (spec README); discord.js sends
  // e.g. default_member_permissions as "8".
  if (typeof out['const'] === 'number' && Number.isInteger(out['const'])) {
    const value = out['const'];
    delete out['const'];
    out['enum'] = [value, String(value)];
  }
  // The converse holds for ids: Discord's own docs send attachment placeholders as `{ "id": 0 }` (discord.js sends "0").
  if (out['format'] === 'snowflake' && typesOf(out).includes('string') && !typesOf(out).includes('integer')) {
    out['type'] = [...typesOf(out), 'integer'];
    out['minimum'] = 0;
    return out;
  }
  const types = typesOf(out);
  if (types.includes('integer') && !types.includes('string')) {
    out['type'] = [...types, 'string'];
    if (Array.isArray(out['enum'])) {
      const values = out['enum'];
      const extra = values.filter((v) => typeof v === 'number' && Number.isInteger(v)).map((v) => String(v));
      out['enum'] = [...values, ...extra.filter((s) => !values.includes(s))];
    } else if (!('pattern' in out)) {
      out['pattern'] = NUMERIC_STRING; // applies to the string form only
    }
  }
  return out;
}

function lookup(doc: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json = doc;
  for (const part of ref.slice(2).split('/')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null;
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? node : undefined;
}

function deref(doc: JsonObject, node: Json): JsonObject | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const ref = node['$ref'];
  return typeof ref === 'string' ? lookup(doc, ref) : node;
}

/**
 * The tag values that select `branch` in a union discriminated by `type`, or undefined when the branch is not an
 * object schema that requires a `type` with a finite set of values.
 */
function tagValues(doc: JsonObject, branch: Json): Json[] | undefined {
  const schema = deref(doc, branch);
  if (!schema || !typesOf(schema).includes('object')) return undefined;
  const required = schema['required'];
  if (!Array.isArray(required) || !required.includes('type')) return undefined;
  const properties = schema['properties'];
  if (!isObject(properties)) return undefined;
  const tag = properties['type'] as Json;
  if (!isObject(tag)) return undefined;
  const values = (tag as JsonObject)['enum'];
  return Array.isArray(values) && values.length > 0 ? values : undefined;
}

/**
 * Pass 2: an `anyOf` whose branches are all tagged by disjoint `type` values becomes an if/then chain, so only the
 * branch selected by the tag is checked (same accepted set, readable errors).
 */
function discriminate(doc: JsonObject, node: Json): Json {
  if (Array.isArray(node)) return node.map((item) => discriminate(doc, item));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = discriminate(doc, value);
  const branches = out['anyOf'];
  if (!Array.isArray(branches) || branches.length < 2) return out;
  const tags = branches.map((branch) => tagValues(doc, branch));
  if (tags.some((t) => t === undefined)) return out;
  const all = tags.flatMap((t) => t ?? []);
  if (new Set(all.map((v) => JSON.stringify(v))).size !== all.length) return out; // overlapping tags
  delete out['anyOf'];
  const chain: Json[] = [
    { type: 'object', required: ['type'], properties: { type: { enum: all } } },
    ...branches.map((branch, i) => ({
      if: { type: 'object', required: ['type'], properties: { type: { enum: tags[i] ?? [] } } },
      then: branch,
    })),
  ];
  out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), ...chain];
  return out;
}

/** Points local `#/components/...` references at the registered spec document. */
function absoluteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${SPEC_ID}${value}` : absoluteRefs(value);
  }
  return out;
}

interface Operation {
  method: string;
  template: string;
  segments: string[];
  spec: JsonObject;
  parameters: JsonObject[];
}

interface LoadedSpec {
  ajv: Ajv2020;
  doc: JsonObject;
  operations: Operation[];
  validators: Map<string, ValidateFunction>;
}

let loaded: LoadedSpec | undefined;

function loadSpec(): LoadedSpec {
  if (loaded) return loaded;
  const raw = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as JsonObject;
  const local = adaptLocally(raw) as JsonObject;
  const doc = discriminate(local, local) as JsonObject;
  doc['$id'] = SPEC_ID;

  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  // ajv-formats is CommonJS; under NodeNext its default import is the module object or the plugin itself.
  const addFormats = (
    'default' in addFormatsModule ? addFormatsModule.default : addFormatsModule
  ) as unknown as (instance: Ajv2020) => void;
  addFormats(ajv);
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  ajv.addFormat('nonce', true);
  ajv.addSchema(doc as object, SPEC_ID);

  const operations: Operation[] = [];
  const paths = doc['paths'];
  if (!isObject(paths)) throw new Error('discord-openapi.json has no paths');
  for (const [template, itemJson] of Object.entries(paths)) {
    const item = itemJson as JsonObject;
    const shared = Array.isArray(item['parameters']) ? (item['parameters'] as JsonObject[]) : [];
    for (const [method, opJson] of Object.entries(item)) {
      if (method === 'parameters' || !isObject(opJson)) continue;
      const spec = opJson as JsonObject;
      const own = Array.isArray(spec['parameters']) ? (spec['parameters'] as JsonObject[]) : [];
      operations.push({
        method: method.toUpperCase(),
        template,
        segments: template.split('/').filter(Boolean),
        spec,
        parameters: [...shared, ...own],
      });
    }
  }
  loaded = { ajv, doc, operations, validators: new Map() };
  return loaded;
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  const spec = loadSpec();
  let validate = spec.validators.get(key);
  if (!validate) {
    validate = spec.ajv.compile(absoluteRefs(schema) as object);
    spec.validators.set(key, validate);
  }
  return validate;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------------------------

/** A request path reduced to the route Discord sees: no origin, no `/api/v10` prefix, no query. */
export interface NormalisedPath {
  route: string;
  query: URLSearchParams;
  version: number | undefined;
}

/** Strips origin, `/api`, `/vN` and the query, so tests can pass whatever URL or path they recorded. */
export function normalisePath(path: string): NormalisedPath {
  const url = new URL(path, 'http://fake-discord.invalid');
  let route = url.pathname;
  if (route.startsWith('/api/') || route === '/api') route = route.slice(4);
  let version: number | undefined;
  const match = /^\/v(\d+)(?=\/|$)/.exec(route);
  if (match) {
    version = Number(match[1]);
    route = route.slice(match[0].length);
  }
  const segments = route.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  return { route: `/${segments.join('/')}`, query: url.searchParams, version };
}

/** The spec operation for a method and concrete route, preferring literal segments (`@me`) over parameters. */
export function findOperation(
  method: string,
  path: string,
): { template: string; params: Record<string, string> } | undefined {
  const found = matchOperation(method, normalisePath(path).route);
  return found ? { template: found.operation.template, params: found.params } : undefined;
}

function matchOperation(
  method: string,
  route: string,
): { operation: Operation; params: Record<string, string> } | undefined {
  const segments = route.split('/').filter(Boolean);
  let best: { operation: Operation; params: Record<string, string>; literals: number } | undefined;
  for (const operation of loadSpec().operations) {
    if (operation.method !== method.toUpperCase() || operation.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    operation.segments.forEach((part, i) => {
      const actual = segments[i] ?? '';
      const param = /^\{(.+)\}$/.exec(part);
      if (param?.[1]) {
        if (actual === '') ok = false;
        params[param[1]] = actual;
      } else if (part === actual) {
        literals += 1;
      } else {
        ok = false;
      }
    });
    if (ok && (!best || literals > best.literals)) best = { operation, params, literals };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation against the spec
// ---------------------------------------------------------------------------------------------------------------

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(body)' : error.instancePath;
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(error.params['allowedValues'])) {
    const allowed = (error.params['allowedValues'] as unknown[]).filter((v) => typeof v !== 'string' || !/^\d+$/.test(v));
    message = `must be one of ${JSON.stringify(allowed)}`;
  }
  if (error.keyword === 'type') message = `must be ${String(error.params['type']).split(',').join(' or ')}`;
  if (error.keyword === 'additionalProperties') message += ` (${String(error.params['additionalProperty'])})`;
  if (error.keyword === 'required') message = `is missing required property ${String(error.params['missingProperty'])}`;
  return `${where} ${message}`;
}

/**
 * Turns ajv's errors into readable lines: drops the union bookkeeping ("must match a schema in anyOf", "must match
 * then schema") and the "must be null" alternative of nullable fields whenever a more specific error exists.
 */
function summarise(errors: readonly ErrorObject[] | null | undefined): string[] {
  if (!errors || errors.length === 0) return [];
  const specific = (error: ErrorObject): boolean =>
    !['anyOf', 'if', 'allOf'].includes(error.keyword) &&
    !(error.keyword === 'type' && error.params['type'] === 'null') &&
    // A snowflake that fails its pattern also fails the "snowflake" format: say it once.
    !(error.keyword === 'format' && errors.some((e) => e.keyword === 'pattern' && e.instancePath === error.instancePath));
  const kept = errors.filter((error) => {
    if (specific(error)) return true;
    // Keep a generic error only when nothing more specific was said at or under its location.
    return !errors.some(
      (other) =>
        other !== error &&
        specific(other) &&
        (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
    );
  });
  return [...new Set(kept.map(describe))];
}

function coerceParam(value: string, schema: JsonObject | undefined): unknown {
  const types = schema ? typesOf(deref(loadSpec().doc, schema) ?? schema) : [];
  if (types.includes('boolean')) return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function checkParameters(operation: Operation, params: Record<string, string>, query: URLSearchParams): string[] {
  const errors: string[] = [];
  const check = (location: string, name: string, value: string): void => {
    const parameter = operation.parameters.find((p) => p['in'] === location && p['name'] === name);
    if (!parameter) {
      errors.push(`unknown ${location} parameter ${name}`);
      return;
    }
    const schema = parameter['schema'] as JsonObject | undefined;
    if (!schema) return;
    const validate = validatorFor(`${operation.method} ${operation.template} ${location}:${name}`, schema);
    if (!validate(coerceParam(value, schema))) {
      errors.push(...summarise(validate.errors).map((line) => `${location} parameter ${name}: ${line.replace(/^\(body\) /, '')}`));
    }
  };
  for (const [name, value] of Object.entries(params)) check('path', name, value);
  for (const [name, value] of query) check('query', name, value);
  return errors;
}

function jsonSchemaOf(content: Json | undefined): Json | undefined {
  if (!isObject(content)) return undefined;
  const json = content['application/json'];
  return isObject(json) ? (json['schema'] as Json | undefined) : undefined;
}

/**
 * Validates a request the bot sends (method, path with or without `/api/v10` and query, parsed JSON body) against
 * the operation's parameters and request schema in Discord's spec. Returns one line per problem; empty when valid.
 */
export function validateRequest(method: string, path: string, body: unknown): string[] {
  const { route, query } = normalisePath(path);
  const found = matchOperation(method, route);
  if (!found) return [`${method.toUpperCase()} ${route} is not an operation of Discord's API (in the trimmed spec)`];
  const { operation, params } = found;
  const errors = checkParameters(operation, params, query);
  const requestBody = operation.spec['requestBody'];
  if (!isObject(requestBody)) {
    if (body !== undefined && body !== null) errors.push(`${operation.method} ${operation.template} takes no body`);
    return errors;
  }
  if (body === undefined) {
    if (requestBody['required'] === true) errors.push('(body) is required');
    return errors;
  }
  const schema = jsonSchemaOf(requestBody['content'] as Json);
  if (schema === undefined) return [...errors, `${operation.template} has no JSON request schema`];
  const validate = validatorFor(`${operation.method} ${operation.template} request`, schema);
  if (!validate(body)) errors.push(...summarise(validate.errors));
  return errors;
}

/**
 * Validates a response body against the spec for that operation and status; FakeDiscord's own tests use it to
 * make sure the fake answers with payloads shaped like Discord's.
 */
export function validateResponse(method: string, path: string, status: number, body: unknown): string[] {
  const { route } = normalisePath(path);
  const found = matchOperation(method, route);
  if (!found) return [`${method.toUpperCase()} ${route} is not an operation of Discord's API (in the trimmed spec)`];
  const responses = found.operation.spec['responses'];
  if (!isObject(responses)) return [];
  const entry = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
  const response = deref(loadSpec().doc, entry as Json);
  if (!response) return [`status ${status} is not a documented response of ${found.operation.template}`];
  const schema = jsonSchemaOf(response['content'] as Json);
  if (schema === undefined) {
    return body === undefined || body === null || body === '' ? [] : [`status ${status} should have no body`];
  }
  const validate = validatorFor(`${found.operation.method} ${found.operation.template} response ${status}`, schema);
  return validate(body) ? [] : summarise(validate.errors);
}

// ---------------------------------------------------------------------------------------------------------------
// Limits the spec does not enforce
// ---------------------------------------------------------------------------------------------------------------

/** What a body is, which decides the limits that apply. */
export type LimitKind =
  /** POST /interactions/{id}/{token}/callback: limits apply to `data`, per callback type. */
  | 'interaction-callback'
  /** A body that creates a message (channel message, follow-up, the first content of a deferred reply). */
  | 'message-create'
  /** A body that edits an existing message. */
  | 'message-edit'
  /** PUT of the application's (or a guild's) commands. */
  | 'commands';

/** One broken limit; `enforcedByDiscord` is false for the project's own rules (Discord would accept the body). */
export interface LimitIssue {
  message: string;
  enforcedByDiscord: boolean;
}

/** The kind of body a route carries, or undefined for routes whose bodies have no documented limits. */
export function limitKindFor(method: string, path: string): LimitKind | undefined {
  const found = findOperation(method, path);
  if (!found) return undefined;
  const key = `${method.toUpperCase()} ${found.template}`;
  switch (key) {
    case 'POST /interactions/{interaction_id}/{interaction_token}/callback':
      return 'interaction-callback';
    case 'POST /channels/{channel_id}/messages':
    case 'POST /webhooks/{webhook_id}/{webhook_token}':
      return 'message-create';
    case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original':
    case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}':
      return 'message-edit';
    case 'PUT /applications/{application_id}/commands':
    case 'PUT /applications/{application_id}/guilds/{guild_id}/commands':
      return 'commands';
    default:
      return undefined;
  }
}

function guessKind(body: unknown): LimitKind {
  if (Array.isArray(body)) return 'commands';
  if (isObject(body) && typeof body['type'] === 'number' && Object.keys(body).every((k) => k === 'type' || k === 'data')) {
    return 'interaction-callback';
  }
  return 'message-create';
}

class Issues {
  readonly list: LimitIssue[] = [];
  discord(message: string): void {
    this.list.push({ message, enforcedByDiscord: true });
  }
  rule(message: string): void {
    this.list.push({ message, enforcedByDiscord: false });
  }
  length(where: string, value: unknown, max: number, min = 0): void {
    if (value === undefined || value === null) {
      if (min > 0) this.discord(`${where} is required (${min}–${max} characters)`);
      return;
    }
    if (typeof value !== 'string') {
      this.discord(`${where} must be a string`);
      return;
    }
    const n = charCount(value);
    if (n > max) this.discord(`${where} has ${n} characters (max ${max})`);
    if (n < min) this.discord(`${where} has ${n} characters (min ${min})`);
  }
}

function checkAllowedMentions(where: string, body: Record<string, unknown>, required: boolean, issues: Issues): void {
  const mentions = body['allowed_mentions'];
  if (mentions === undefined || mentions === null) {
    if (required) {
      issues.rule(`${where}allowed_mentions is missing: mentions in the text would ping (send allowedMentions: { parse: [] })`);
    }
    return;
  }
  if (!isObject(mentions)) {
    issues.discord(`${where}allowed_mentions must be an object`);
    return;
  }
  const parse = mentions['parse'];
  if (!Array.isArray(parse)) {
    if (required) issues.rule(`${where}allowed_mentions.parse must be an empty list (allowedMentions: { parse: [] })`);
  } else if (parse.length > 0) {
    issues.rule(`${where}allowed_mentions.parse must be empty, got ${JSON.stringify(parse)}`);
  }
}

function checkEmbeds(where: string, embeds: unknown, issues: Issues): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    issues.discord(`${where}embeds must be a list`);
    return;
  }
  if (embeds.length > 10) issues.discord(`${where}embeds has ${embeds.length} embeds (max 10)`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `${where}embeds[${i}]`;
    if (!isObject(embed)) {
      issues.discord(`${at} must be an object`);
      return;
    }
    issues.length(`${at}.title`, embed['title'], 256);
    issues.length(`${at}.description`, embed['description'], 4096);
    total += charCount(embed['title']) + charCount(embed['description']);
    const fields = embed['fields'];
    if (Array.isArray(fields)) {
      if (fields.length > 25) issues.discord(`${at}.fields has ${fields.length} fields (max 25)`);
      fields.forEach((field, j) => {
        if (!isObject(field)) {
          issues.discord(`${at}.fields[${j}] must be an object`);
          return;
        }
        issues.length(`${at}.fields[${j}].name`, field['name'], 256, 1);
        issues.length(`${at}.fields[${j}].value`, field['value'], 1024, 1);
        total += charCount(field['name']) + charCount(field['value']);
      });
    }
    const footer = embed['footer'];
    if (isObject(footer)) {
      issues.length(`${at}.footer.text`, footer['text'], 2048, 1);
      total += charCount(footer['text']);
    }
    const author = embed['author'];
    if (isObject(author)) {
      issues.length(`${at}.author.name`, author['name'], 256, 1);
      total += charCount(author['name']);
    }
  });
  if (total > 6000) issues.discord(`${where}embeds have ${total} characters together (max 6000)`);
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function collectCustomIds(node: unknown, into: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectCustomIds(item, into);
  } else if (isObject(node)) {
    if (typeof node['custom_id'] === 'string') into.push(node['custom_id']);
    for (const key of ['components', 'accessory']) if (key in node) collectCustomIds(node[key], into);
  }
}

function checkComponents(where: string, components: unknown, flags: unknown, issues: Issues): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    issues.discord(`${where}components must be a list`);
    return;
  }
  const v2 = typeof flags === 'number' && (flags & IS_COMPONENTS_V2) !== 0;
  if (!v2) {
    if (components.length > 5) issues.discord(`${where}components has ${components.length} action rows (max 5)`);
    components.forEach((row, i) => {
      const at = `${where}components[${i}]`;
      if (!isObject(row) || row['type'] !== 1) {
        issues.discord(`${at} must be an action row (type 1) unless the message sets IS_COMPONENTS_V2`);
        return;
      }
      const children = Array.isArray(row['components']) ? row['components'] : [];
      if (children.length === 0) issues.discord(`${at} is an empty action row`);
      const buttons = children.filter((c) => isObject(c) && c['type'] === 2).length;
      const selects = children.filter((c) => isObject(c) && typeof c['type'] === 'number' && SELECT_TYPES.has(c['type'])).length;
      if (buttons > 5) issues.discord(`${at} has ${buttons} buttons (max 5)`);
      if (selects > 0 && children.length > 1) issues.discord(`${at}: a select menu must be alone in its action row`);
    });
  }
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${at}[${i}]`));
      return;
    }
    if (!isObject(node)) return;
    if (node['type'] === 2) {
      issues.length(`${at}.label`, node['label'], 80);
      const link = node['style'] === 5;
      const premium = node['style'] === 6;
      if (link && typeof node['url'] !== 'string') issues.discord(`${at} is a link button without url`);
      if (link && node['custom_id'] !== undefined) issues.discord(`${at} is a link button with a custom_id`);
      if (!link && !premium && node['custom_id'] === undefined) issues.discord(`${at} needs a custom_id`);
    }
    if ('custom_id' in node) issues.length(`${at}.custom_id`, node['custom_id'], 100, 1);
    if ('components' in node) visit(node['components'], `${at}.components`);
    if ('accessory' in node) visit(node['accessory'], `${at}.accessory`);
  };
  visit(components, `${where}components`);
  const ids: string[] = [];
  collectCustomIds(components, ids);
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (duplicates.length > 0) issues.discord(`${where}components reuse custom_id ${JSON.stringify(duplicates)} (must be unique)`);
}

function checkMessage(where: string, body: unknown, creates: boolean, issues: Issues): void {
  if (body === undefined || body === null) {
    if (creates) issues.discord(`${where || '(body) '}a message needs a body`.trim());
    return;
  }
  if (!isObject(body)) {
    issues.discord(`${where}(body) must be an object`);
    return;
  }
  issues.length(`${where}content`, body['content'], 2000);
  checkEmbeds(where, body['embeds'], issues);
  checkComponents(where, body['components'], body['flags'], issues);
  checkAllowedMentions(where, body, creates, issues);
}

function checkAutocomplete(where: string, data: unknown, issues: Issues): void {
  if (!isObject(data)) {
    issues.discord(`${where}autocomplete data must be an object with choices`);
    return;
  }
  const choices = data['choices'];
  if (!Array.isArray(choices)) {
    issues.discord(`${where}choices must be a list`);
    return;
  }
  if (choices.length > 25) issues.discord(`${where}choices has ${choices.length} choices (max 25)`);
  choices.forEach((choice, i) => {
    const at = `${where}choices[${i}]`;
    if (!isObject(choice)) {
      issues.discord(`${at} must be an object`);
      return;
    }
    issues.length(`${at}.name`, choice['name'], 100, 1);
    if (typeof choice['value'] === 'string') issues.length(`${at}.value`, choice['value'], 100);
    const localized = choice['name_localizations'];
    if (isObject(localized)) {
      for (const [locale, name] of Object.entries(localized)) issues.length(`${at}.name_localizations.${locale}`, name, 100, 1);
    }
  });
}

function checkModal(where: string, data: unknown, issues: Issues): void {
  if (!isObject(data)) {
    issues.discord(`${where}modal data must be an object`);
    return;
  }
  issues.length(`${where}title`, data['title'], 45, 1);
  issues.length(`${where}custom_id`, data['custom_id'], 100, 1);
  const components = Array.isArray(data['components']) ? data['components'] : [];
  if (components.length < 1 || components.length > 5) issues.discord(`${where}components has ${components.length} rows (1–5)`);
}

/** Command and option names: lower case, 1–32 of letters, digits, `-`, `_`, `'` (Discord's documented rule). */
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function commandChars(node: Record<string, unknown>): number {
  let total = charCount(node['name']) + charCount(node['description']);
  if (typeof node['value'] === 'string') total += charCount(node['value']);
  for (const key of ['options', 'choices']) {
    const list = node[key];
    if (Array.isArray(list)) for (const item of list) if (isObject(item)) total += commandChars(item);
  }
  return total;
}

function checkOptions(at: string, options: unknown, issues: Issues): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    issues.discord(`${at}.options must be a list`);
    return;
  }
  if (options.length > 25) issues.discord(`${at}.options has ${options.length} options (max 25)`);
  const names = new Set<string>();
  let seenOptional = false;
  options.forEach((option, i) => {
    const where = `${at}.options[${i}]`;
    if (!isObject(option)) return;
    const name = option['name'];
    if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      issues.discord(`${where}.name ${JSON.stringify(name)} must be 1–32 lower-case letters, digits, - _ '`);
    } else if (names.has(name)) {
      issues.discord(`${where}.name ${name} is used twice`);
    } else {
      names.add(name);
    }
    issues.length(`${where}.description`, option['description'], 100, 1);
    const isSub = option['type'] === 1 || option['type'] === 2;
    if (!isSub) {
      if (option['required'] === true && seenOptional) issues.discord(`${where} is required but follows an optional option`);
      if (option['required'] !== true) seenOptional = true;
    }
    const choices = option['choices'];
    if (Array.isArray(choices)) {
      if (choices.length > 25) issues.discord(`${where}.choices has ${choices.length} choices (max 25)`);
      if (option['autocomplete'] === true && choices.length > 0) issues.discord(`${where} has both choices and autocomplete`);
      choices.forEach((choice, j) => {
        if (!isObject(choice)) return;
        issues.length(`${where}.choices[${j}].name`, choice['name'], 100, 1);
        if (typeof choice['value'] === 'string') issues.length(`${where}.choices[${j}].value`, choice['value'], 100, 1);
      });
    }
    if (isSub) checkOptions(where, option['options'], issues);
  });
}

function checkCommands(body: unknown, issues: Issues): void {
  if (!Array.isArray(body)) {
    issues.discord('(body) must be a list of commands');
    return;
  }
  const seen = new Set<string>();
  let chatInput = 0;
  body.forEach((command, i) => {
    const at = `[${i}]`;
    if (!isObject(command)) {
      issues.discord(`${at} must be an object`);
      return;
    }
    const type = command['type'] ?? 1;
    const name = command['name'];
    if (type === 1) {
      chatInput += 1;
      if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
        issues.discord(`${at}.name ${JSON.stringify(name)} must be 1–32 lower-case letters, digits, - _ '`);
      }
      issues.length(`${at}.description`, command['description'], 100, 1);
      checkOptions(at, command['options'], issues);
      const chars = commandChars(command);
      if (chars > 8000) issues.discord(`${at} (${String(name)}) has ${chars} characters in names, descriptions and values (max 8000)`);
    } else {
      issues.length(`${at}.name`, name, 32, 1);
    }
    const key = `${String(type)}:${String(name)}`;
    if (seen.has(key)) issues.discord(`${at}.name ${String(name)} is registered twice`);
    seen.add(key);
  });
  if (chatInput > 100) issues.discord(`${chatInput} chat-input commands (max 100)`);
}

/**
 * Every broken limit in a body, marked with whether Discord itself would reject it. `kind` says what the body is
 * (see {@link limitKindFor}); without it the kind is guessed from the body's shape.
 */
export function checkLimitIssues(body: unknown, kind: LimitKind = guessKind(body)): LimitIssue[] {
  const issues = new Issues();
  switch (kind) {
    case 'interaction-callback': {
      if (!isObject(body)) {
        issues.discord('(body) must be an object');
        break;
      }
      const data = body['data'];
      switch (body['type']) {
        case 4:
          checkMessage('data.', data, true, issues);
          break;
        case 5:
        case 6:
          // Deferrals carry at most flags; the content comes with the later edit of @original.
          if (isObject(data)) checkMessage('data.', data, false, issues);
          break;
        case 7:
          checkMessage('data.', data, false, issues);
          break;
        case 8:
          checkAutocomplete('data.', data, issues);
          break;
        case 9:
          checkModal('data.', data, issues);
          break;
        default:
          break; // other types are checked by the spec alone
      }
      break;
    }
    case 'message-create':
      checkMessage('', body, true, issues);
      break;
    case 'message-edit':
      checkMessage('', body, false, issues);
      break;
    case 'commands':
      checkCommands(body, issues);
      break;
  }
  return issues.list;
}

/**
 * The documented limits that Discord's spec does not encode (content 2000, embed totals, action rows, custom_id
 * uniqueness, autocomplete choices, command sizes) plus the project's rule that every new message sets
 * `allowed_mentions: { parse: [] }`. One line per problem; empty when the body is fine.
 */
export function checkLimits(body: unknown, kind?: LimitKind): string[] {
  if (body === undefined && kind === undefined) return [];
  return checkLimitIssues(body, kind ?? guessKind(body)).map((issue) => issue.message);
}
