#!/usr/bin/env node
/*
 * Lists how the composed OpenAPI spec differs from the one committed at a git
 * revision (default HEAD), as JSON pointers: `+` added, `-` removed, `~`
 * changed. Key order is ignored; list order is not.
 *
 *   node scripts/compare-openapi-spec.js [revision]
 *
 * Exits 0 whatever the differences: read them.
 */

// @ts-check

const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { parse } = require('yaml');
const { composeOpenApiSpec } = require('./compose-openapi-spec');

const root = path.resolve(__dirname, '..');
const revision = process.argv[2] ?? 'HEAD';

/** @param {string} segment */
const escape = segment => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
const isObject = value =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @param {unknown} before
 * @param {unknown} after
 * @param {string} pointer
 * @param {string[]} out
 */
function compare(before, after, pointer, out) {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      const child = `${pointer}/${escape(key)}`;
      if (!(key in after)) out.push(`- ${child}`);
      else compare(before[key], after[key], child, out);
    }
    for (const key of Object.keys(after)) {
      if (!(key in before)) out.push(`+ ${pointer}/${escape(key)}`);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      const child = `${pointer}/${index}`;
      if (index >= before.length) out.push(`+ ${child}`);
      else if (index >= after.length) out.push(`- ${child}`);
      else compare(before[index], after[index], child, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push(
      `~ ${pointer}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    );
  }
}

const old = parse(
  execFileSync(
    'git',
    ['show', `${revision}:plugins/itsm-backend/src/schema/openapi.yaml`],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  ),
);
/** @type {string[]} */
const differences = [];
compare(old, composeOpenApiSpec(root).spec, '', differences);
console.log(
  differences.length > 0
    ? differences.join('\n')
    : `No differences from ${revision}`,
);
