/**
 * Regenerates tests/fixtures/discord-openapi.json: the operations of Discord's OpenAPI spec that the bot and the
 * fake server use, plus every component they reference (transitively). The full spec is 1.2 MB; the tests only
 * need this slice, and a committed slice keeps the tests independent of where the full spec lives.
 *
 * Usage: npx tsx tests/support/trimDiscordSpec.ts <path to discord-api-spec/openapi.json>
 * (copy the spec's LICENSE to tests/fixtures/discord-openapi.LICENSE alongside).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The operations kept, by path template (as spelled in the spec) and lower-case methods. */
export const KEPT_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  '/interactions/{interaction_id}/{interaction_token}/callback': ['post'],
  '/webhooks/{webhook_id}/{webhook_token}': ['post'],
  '/webhooks/{webhook_id}/{webhook_token}/messages/@original': ['get', 'patch', 'delete'],
  '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': ['get', 'patch', 'delete'],
  '/applications/@me': ['get'],
  '/applications/{application_id}/commands': ['get', 'put'],
  '/applications/{application_id}/guilds/{guild_id}/commands': ['get', 'put'],
  '/channels/{channel_id}': ['get'],
  '/channels/{channel_id}/messages': ['post'],
  '/users/@me': ['get'],
  '/gateway': ['get'],
  '/gateway/bot': ['get'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else collectRefs(value, into);
    }
  }
}

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
      throw new Error(`unresolvable $ref ${ref}`);
    }
    node = node[key] as Json;
  }
  return node;
}

/** Builds the trimmed document from the full spec (pure, so it can be tested or reused). */
export function trimSpec(full: { [key: string]: Json }): { [key: string]: Json } {
  const fullPaths = full['paths'] as { [path: string]: { [key: string]: Json } };
  const paths: { [path: string]: Json } = {};
  for (const [path, methods] of Object.entries(KEPT_OPERATIONS)) {
    const item = fullPaths[path];
    if (!item) throw new Error(`the spec has no path ${path}`);
    const kept: { [key: string]: Json } = {};
    if (item['parameters']) kept['parameters'] = item['parameters'];
    for (const method of methods) {
      const operation = item[method];
      if (!operation) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
      kept[method] = operation;
    }
    paths[path] = kept;
  }

  // Transitive closure of the referenced components.
  const seen = new Set<string>();
  const queue: Json[] = [paths];
  while (queue.length > 0) {
    const refs = new Set<string>();
    collectRefs(queue.pop() as Json, refs);
    for (const ref of refs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      queue.push(resolvePointer(full, ref));
    }
  }
  const components: { [kind: string]: { [name: string]: Json } } = {};
  for (const ref of [...seen].sort()) {
    const [, section, kind, name] = ref.split('/');
    if (section !== 'components' || !kind || !name) throw new Error(`unexpected $ref ${ref}`);
    (components[kind] ??= {})[name] = resolvePointer(full, ref);
  }
  const info = { ...(full['info'] as { [key: string]: Json }) };
  info['x-trimmed'] =
    'Subset of discord/discord-api-spec openapi.json (MIT, see discord-openapi.LICENSE): the operations used by ' +
    'the bot and tests/support/FakeDiscord.ts and the components they reference. Regenerate with ' +
    'tests/support/trimDiscordSpec.ts.';
  return {
    openapi: full['openapi'] as Json,
    info,
    servers: full['servers'] as Json,
    paths,
    components,
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: tsx tests/support/trimDiscordSpec.ts <openapi.json>');
    process.exit(2);
  }
  const full = JSON.parse(readFileSync(source, 'utf8')) as { [key: string]: Json };
  const target = new URL('../fixtures/discord-openapi.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(trimSpec(full), null, 1)}\n`);
  console.log(`wrote ${fileURLToPath(target)}`);
}
