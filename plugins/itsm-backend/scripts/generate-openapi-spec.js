#!/usr/bin/env node
/*
 * Emits src/schema/openapi.generated.ts from src/schema/openapi.yaml.
 *
 * The repo-tools generator needs a Java binary that our machines cannot
 * download, and we only need the spec as a const for
 * createValidatedOpenApiRouter. `--check` fails if the committed file is stale.
 */

// @ts-check

const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const root = path.resolve(__dirname, '..');
const yamlPath = path.join(root, 'src/schema/openapi.yaml');
const outPath = path.join(root, 'src/schema/openapi.generated.ts');

async function render() {
  const spec = parse(fs.readFileSync(yamlPath, 'utf8'));
  let source = [
    '// GENERATED FILE: do not edit. Edit openapi.yaml, then run `yarn generate`',
    '// (scripts/generate-openapi-spec.js) in plugins/itsm-backend.',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  let prettier;
  try {
    // The repository's own prettier, when there is one; not a dependency.
    // eslint-disable-next-line @backstage/no-undeclared-imports
    prettier = require('prettier');
  } catch {
    // Formatting is cosmetic; the spec is the same without it.
  }
  if (prettier) {
    const options = (await prettier.resolveConfig(outPath)) ?? {};
    source = await prettier.format(source, {
      ...options,
      parser: 'typescript',
    });
  }
  return source;
}

async function main() {
  const source = await render();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(outPath)
      ? fs.readFileSync(outPath, 'utf8')
      : '';
    if (current !== source) {
      console.error(
        `${path.relative(
          process.cwd(),
          outPath,
        )} is out of date; run yarn generate`,
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(outPath, source);
  console.log(`Wrote ${path.relative(process.cwd(), outPath)}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
