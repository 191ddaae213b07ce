#!/usr/bin/env node
/*
 * Composes the OpenAPI fragments (src/records/openapi.yaml, then
 * src/practices/<name>/openapi.yaml; see compose-openapi-spec.js) and writes
 *
 * - src/schema/openapi.yaml, the composed document (generated: edit the
 *   fragments), and
 * - src/schema/openapi.generated.ts, the same spec as a const for
 *   createValidatedOpenApiRouter.
 *
 * The repo-tools generator needs a Java binary that our machines cannot
 * download, and we only need the spec as a const. `--check` writes nothing and
 * fails if either file is stale.
 */

// @ts-check

const fs = require('node:fs');
const path = require('node:path');
const {
  composeOpenApiSpec,
  listFragmentFiles,
} = require('./compose-openapi-spec');

const root = path.resolve(__dirname, '..');
const yamlPath = path.join(root, 'src/schema/openapi.yaml');
const outPath = path.join(root, 'src/schema/openapi.generated.ts');

function loadPrettier() {
  try {
    // The repository's own prettier, when there is one; not a dependency (and
    // prettier 2 has no types, hence the name as a plain string).
    // eslint-disable-next-line @backstage/no-undeclared-imports
    return require(/** @type {string} */ ('prettier'));
  } catch {
    // Formatting is cosmetic; the spec is the same without it.
    return undefined;
  }
}

/**
 * @param {string} source
 * @param {string} file
 * @param {string} parser
 */
async function format(source, file, parser) {
  const prettier = loadPrettier();
  if (!prettier) {
    return source;
  }
  const options = (await prettier.resolveConfig(file)) ?? {};
  return await prettier.format(source, { ...options, parser });
}

/** @returns {Promise<Array<{ file: string, source: string }>>} */
async function render() {
  const { spec, yaml: body } = composeOpenApiSpec(root);
  const yaml = [
    '# GENERATED from the fragments, do not edit: edit them, then run `yarn generate`',
    '# (scripts/generate-openapi-spec.js) in plugins/itsm-backend. Composed, in order, from',
    ...listFragmentFiles(root).map(file => `# - ${file}`),
    '',
    body,
  ].join('\n');
  const ts = [
    '// GENERATED FILE: do not edit. Edit the OpenAPI fragments (src/records/openapi.yaml,',
    '// src/practices/*/openapi.yaml), then run `yarn generate` (scripts/generate-openapi-spec.js)',
    '// in plugins/itsm-backend.',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  return [
    { file: yamlPath, source: await format(yaml, yamlPath, 'yaml') },
    { file: outPath, source: await format(ts, outPath, 'typescript') },
  ];
}

async function main() {
  const outputs = await render();
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(
      ({ file, source }) =>
        !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== source,
    );
    for (const { file } of stale) {
      console.error(
        `${path.relative(
          process.cwd(),
          file,
        )} is out of date; run yarn generate`,
      );
    }
    if (stale.length > 0) {
      process.exit(1);
    }
    return;
  }
  for (const { file, source } of outputs) {
    fs.writeFileSync(file, source);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
