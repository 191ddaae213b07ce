/*
 * Composes the backend's OpenAPI document from its fragments: the record
 * kernel's (src/records/openapi.yaml: openapi, info, servers and the shared
 * components) first, then one per practice (src/practices/<name>/openapi.yaml:
 * tags, paths and the components only that practice uses).
 *
 * - `tags` are concatenated, `paths` and each `components` section merged; a
 *   tag, path or component declared twice is an error naming both files.
 * - Each entry of a fragment's `x-itsm-record-collections`
 *   (`{ collection, idParameter, noun }`) adds the record-link operations
 *   `GET|POST /{collection}/{id}/links` and
 *   `DELETE /{collection}/{id}/links/{linkId}`; the key itself is not copied.
 * - `$ref`s stay `#/components/...`: they resolve in the composed document.
 *
 * Used by generate-openapi-spec.js and by src/schema/openapi.test.ts.
 */

// @ts-check

const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const {
  Document,
  isMap,
  isScalar,
  parse,
  parseDocument,
  visit,
} = require('yaml');

const packageRoot = path.resolve(__dirname, '..');

/** The kernel's fragment, composed first. */
const KERNEL_FRAGMENT = 'src/records/openapi.yaml';

/**
 * Practices composed in this order (it is the order of their tags and paths);
 * a practice not listed follows them, by name.
 */
const PRACTICE_ORDER = [
  'incidents',
  'changes',
  'service-levels',
  'problems',
  'satisfaction',
  'complaints',
  'reviews',
  'improvements',
];

const HEAD_KEYS = ['openapi', 'info', 'servers'];
const FRAGMENT_KEYS = ['tags', 'paths', 'components'];
const COLLECTIONS_KEY = 'x-itsm-record-collections';

/**
 * @typedef {{ file: string, text: string }} FragmentSource
 * @typedef {{ collection: string, idParameter: string, noun: string }} RecordCollection
 */

/**
 * The fragment files relative to the package root: the kernel's first, then
 * the practices' in PRACTICE_ORDER, then any other practice by name.
 *
 * @param {string} [root] the package root
 * @returns {string[]}
 */
function listFragmentFiles(root = packageRoot) {
  const practicesDir = path.join(root, 'src/practices');
  const practices = fs
    .readdirSync(practicesDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .filter(name =>
      fs.existsSync(path.join(practicesDir, name, 'openapi.yaml')),
    )
    .sort((a, b) => {
      const rank = (/** @type {string} */ name) => {
        const index = PRACTICE_ORDER.indexOf(name);
        return index === -1 ? PRACTICE_ORDER.length : index;
      };
      return rank(a) - rank(b) || a.localeCompare(b, 'en');
    });
  return [
    KERNEL_FRAGMENT,
    ...practices.map(name => `src/practices/${name}/openapi.yaml`),
  ];
}

/**
 * @param {string} [root] the package root
 * @returns {FragmentSource[]}
 */
function readFragments(root = packageRoot) {
  return listFragmentFiles(root).map(file => ({
    file,
    text: fs.readFileSync(path.join(root, file), 'utf8'),
  }));
}

/** @param {string} noun e.g. `supporting agreement` → `SupportingAgreement` */
function pascalCase(noun) {
  return noun
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

/** @param {string} noun */
function withArticle(noun) {
  return `${/^([aeiou]|SLA|OLA)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The record-link path items of one collection.
 *
 * @param {RecordCollection} entry
 * @returns {Record<string, object>}
 */
function recordLinkPaths({ collection, idParameter, noun }) {
  const name = pascalCase(noun);
  const ref = (/** @type {string} */ pointer) => ({
    $ref: `#/components/${pointer}`,
  });
  const json = (/** @type {string} */ schema) => ({
    'application/json': { schema: ref(`schemas/${schema}`) },
  });
  const error = ref('responses/ErrorResponse');
  const id = ref(`parameters/${idParameter}`);
  return {
    [`/${collection}/{id}/links`]: {
      get: {
        tags: [collection],
        operationId: `list${name}Links`,
        summary: `Links of ${withArticle(
          noun,
        )} to and from other records (direction outgoing or incoming).`,
        parameters: [id, ref('parameters/limit'), ref('parameters/cursor')],
        responses: {
          200: {
            description: 'A page of record links.',
            content: json('RecordLinkPage'),
          },
          default: error,
        },
      },
      post: {
        tags: [collection],
        operationId: `create${name}Link`,
        summary: `Links ${withArticle(
          noun,
        )} to another record (an outgoing link).`,
        parameters: [id],
        requestBody: { required: true, content: json('RecordLinkCreate') },
        responses: {
          201: {
            description: 'The created link.',
            content: json('RecordLink'),
          },
          default: error,
        },
      },
    },
    [`/${collection}/{id}/links/{linkId}`]: {
      delete: {
        tags: [collection],
        operationId: `delete${name}Link`,
        summary: `Removes a link of ${withArticle(
          noun,
        )}, outgoing or incoming.`,
        parameters: [id, ref('parameters/linkId')],
        responses: {
          204: { description: 'The link was removed.' },
          default: error,
        },
      },
    },
  };
}

/**
 * Writes `$ref` maps and lists of scalars in flow style, as the fragments do.
 *
 * @param {import('yaml').Node} node
 */
function flowStyle(node) {
  visit(node, {
    Map(_, map) {
      if (
        map.items.length === 1 &&
        isScalar(map.items[0].key) &&
        map.items[0].key.value === '$ref'
      ) {
        map.flow = true;
      }
    },
    Seq(_, seq) {
      if (seq.items.every(item => isScalar(item))) {
        seq.flow = true;
      }
    },
  });
  return node;
}

/**
 * YAML text for generated values, indented to sit under a parent key.
 *
 * @param {Record<string, unknown>} value
 * @param {number} indent
 */
function renderGenerated(value, indent) {
  const doc = new Document();
  doc.contents = flowStyle(
    doc.createNode(value, { aliasDuplicateObjects: false }),
  );
  return reindent(doc.toString({ lineWidth: 0 }), indent);
}

/**
 * @param {string} text
 * @param {number} delta spaces to add (or, if negative, remove) on every line
 */
function reindent(text, delta) {
  if (delta === 0) {
    return text;
  }
  return text
    .split('\n')
    .map(line => {
      if (line.trim() === '') return line;
      if (delta > 0) return ' '.repeat(delta) + line;
      const leading = line.length - line.trimStart().length;
      return line.slice(Math.min(leading, -delta));
    })
    .join('\n');
}

/**
 * The source text of each entry of a block mapping, with the comment lines
 * just above its key, re-indented so its key starts at column `indent`.
 *
 * @param {string} text the fragment's source
 * @param {import('yaml').YAMLMap<unknown, unknown>} map
 * @param {number} indent
 * @param {string} where the mapping, for errors
 * @returns {Map<string, string>} key → text (ending in a newline)
 */
function entrySources(text, map, indent, where) {
  if (map.items.length === 0) {
    return new Map();
  }
  if (map.flow) {
    throw new Error(`${where} must be a block mapping, not a flow one ({...})`);
  }
  const lineStart = (/** @type {number} */ offset) =>
    text.lastIndexOf('\n', offset - 1) + 1;
  const starts = map.items.map(pair => {
    const key = /** @type {import('yaml').Scalar} */ (pair.key);
    if (!key?.range) throw new Error('a mapping key without a source range');
    let start = lineStart(key.range[0]);
    // Comment lines right above the key belong to the entry.
    while (start > 0) {
      const previous = lineStart(start - 1);
      if (!text.slice(previous, start).trimStart().startsWith('#')) break;
      start = previous;
    }
    return {
      name: String(key.value),
      start,
      column: key.range[0] - lineStart(key.range[0]),
    };
  });
  /** @type {Map<string, string>} */
  const sources = new Map();
  starts.forEach(({ name, start, column }, index) => {
    let end;
    if (index + 1 < starts.length) {
      end = starts[index + 1].start;
    } else {
      const value = /** @type {import('yaml').Node | null} */ (
        map.items[index].value
      );
      const key = /** @type {import('yaml').Scalar} */ (map.items[index].key);
      const valueEnd = value?.range?.[1] ?? key.range?.[2] ?? text.length;
      const newline = text.indexOf('\n', valueEnd - 1);
      end = newline === -1 ? text.length : newline + 1;
    }
    const source = text.slice(start, end).replace(/\s*$/, '\n');
    sources.set(name, reindent(source, indent - column));
  });
  return sources;
}

/**
 * @param {unknown} value a fragment's x-itsm-record-collections
 * @param {string} file
 * @returns {RecordCollection[]}
 */
function parseCollections(value, file) {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error(`${file}: ${COLLECTIONS_KEY} must be a list`);
  }
  const keys = ['collection', 'idParameter', 'noun'];
  return value.map((entry, index) => {
    const where = `${file}: ${COLLECTIONS_KEY}[${index}]`;
    for (const key of keys) {
      if (typeof entry?.[key] !== 'string' || !entry[key]) {
        throw new Error(`${where}.${key} must be a non-empty string`);
      }
    }
    const unknown = Object.keys(entry).filter(key => !keys.includes(key));
    if (unknown.length > 0) {
      throw new Error(`${where} has unknown keys: ${unknown.join(', ')}`);
    }
    return entry;
  });
}

/**
 * @param {unknown} node
 * @returns {string}
 */
function keyOf(node) {
  return isScalar(node) ? String(node.value) : String(node);
}

/**
 * Composes fragments, the kernel's first, into one OpenAPI document.
 *
 * @param {FragmentSource[]} fragments
 * @returns {{ spec: Record<string, any>, yaml: string }} the composed spec and
 *   its YAML text (fragment entries copied with their comments and layout)
 */
function composeFragments(fragments) {
  if (fragments.length === 0) {
    throw new Error('No OpenAPI fragments to compose');
  }
  /** @type {Record<string, any>} */
  const head = {};
  /** @type {string[]} */
  const headText = [];
  /** @type {unknown[]} */
  const tags = [];
  /** @type {Record<string, unknown>} */
  const paths = {};
  /** @type {string[]} */
  const pathsText = [];
  /** @type {Record<string, Record<string, unknown>>} */
  const components = {};
  /** @type {Record<string, string[]>} */
  const componentsText = {};
  /** Where each tag, path and component came from, for duplicate errors. */
  /** @type {Map<string, string>} */
  const origins = new Map();
  const claim = (/** @type {string} */ what, /** @type {string} */ file) => {
    const earlier = origins.get(what);
    if (earlier !== undefined) {
      throw new Error(`${what} is declared in both ${earlier} and ${file}`);
    }
    origins.set(what, file);
  };

  fragments.forEach(({ file, text }, index) => {
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors.map(e => e.message).join('\n')}`);
    }
    if (!isMap(doc.contents) || doc.contents.flow) {
      throw new Error(`${file}: a fragment is a YAML block mapping`);
    }
    /** @type {Record<string, any>} */
    const fragment = doc.toJS() ?? {};
    const allowed = [
      ...(index === 0 ? HEAD_KEYS : []),
      ...FRAGMENT_KEYS,
      COLLECTIONS_KEY,
    ];
    for (const key of Object.keys(fragment)) {
      if (!allowed.includes(key)) {
        throw new Error(
          `${file}: unexpected top-level key ${key}${
            HEAD_KEYS.includes(key)
              ? ` (only ${fragments[0].file} sets it)`
              : ''
          }`,
        );
      }
    }
    const contents = doc.contents;
    // openapi, info, servers: the kernel's, as written.
    const topLevel = entrySources(text, contents, 0, file);
    for (const key of HEAD_KEYS) {
      if (key in fragment) {
        head[key] = fragment[key];
        headText.push(/** @type {string} */ (topLevel.get(key)));
      }
    }

    // tags
    if (fragment.tags !== undefined) {
      if (!Array.isArray(fragment.tags)) {
        throw new Error(`${file}: tags must be a list`);
      }
      for (const tag of fragment.tags) {
        if (typeof tag?.name !== 'string') {
          throw new Error(`${file}: a tag needs a name`);
        }
        claim(`tag ${tag.name}`, file);
        tags.push(tag);
      }
    }

    // paths, each record collection's link paths after its last own path
    const pathsNode = contents.get('paths', true);
    if (pathsNode && !isMap(pathsNode)) {
      throw new Error(`${file}: paths must be a mapping`);
    }
    const ownPaths = pathsNode
      ? entrySources(text, pathsNode, 2, `${file}: paths`)
      : new Map();
    for (const key of ownPaths.keys()) {
      claim(`path ${key}`, file);
    }
    /** @type {Map<number, Record<string, unknown>>} */
    const linkPathsAfter = new Map();
    const ownKeys = [...ownPaths.keys()];
    for (const entry of parseCollections(fragment[COLLECTIONS_KEY], file)) {
      const generated = recordLinkPaths(entry);
      for (const key of Object.keys(generated)) {
        claim(
          `path ${key}`,
          `${file} (${COLLECTIONS_KEY}: ${entry.collection})`,
        );
      }
      const own = `/${entry.collection}`;
      const last = ownKeys.findLastIndex(
        key => key === own || key.startsWith(`${own}/`),
      );
      const after = last === -1 ? ownKeys.length - 1 : last;
      linkPathsAfter.set(after, {
        ...linkPathsAfter.get(after),
        ...generated,
      });
    }
    const pushGenerated = (/** @type {number} */ position) => {
      const generated = linkPathsAfter.get(position);
      if (generated) {
        Object.assign(paths, generated);
        pathsText.push(renderGenerated(generated, 2));
      }
    };
    pushGenerated(-1);
    ownKeys.forEach((key, position) => {
      paths[key] = fragment.paths[key];
      pathsText.push(/** @type {string} */ (ownPaths.get(key)));
      pushGenerated(position);
    });

    // components, section by section
    const componentsNode = contents.get('components', true);
    if (componentsNode) {
      if (
        !isMap(componentsNode) ||
        (componentsNode.flow && componentsNode.items.length > 0)
      ) {
        throw new Error(`${file}: components must be a block mapping`);
      }
      for (const sectionPair of componentsNode.items) {
        const section = keyOf(sectionPair.key);
        if (!isMap(sectionPair.value)) {
          throw new Error(`${file}: components.${section} must be a mapping`);
        }
        const sources = entrySources(
          text,
          sectionPair.value,
          4,
          `${file}: components.${section}`,
        );
        components[section] ??= {};
        componentsText[section] ??= [];
        for (const [name, source] of sources) {
          claim(`components.${section}.${name}`, file);
          components[section][name] = fragment.components[section][name];
          componentsText[section].push(source);
        }
      }
    }
  });

  for (const key of ['openapi', 'info']) {
    if (!(key in head)) {
      throw new Error(`${fragments[0].file} must set ${key}`);
    }
  }
  /** @type {Record<string, any>} */
  const spec = { ...head };
  const text = [...headText];
  if (tags.length > 0) {
    spec.tags = tags;
    text.push(renderGenerated({ tags }, 0));
  }
  spec.paths = paths;
  text.push(pathsText.length > 0 ? 'paths:\n' : 'paths: {}\n', ...pathsText);
  spec.components = components;
  const sections = Object.entries(componentsText);
  text.push(sections.length > 0 ? 'components:\n' : 'components: {}\n');
  for (const [section, sources] of sections) {
    text.push(
      sources.length > 0 ? `  ${section}:\n` : `  ${section}: {}\n`,
      ...sources,
    );
  }
  const yaml = text.join('');

  // The text is cut from the fragments' sources: it must say the same.
  if (!isDeepStrictEqual(parse(yaml), spec)) {
    throw new Error(
      'The composed YAML text does not match the composed spec; is a fragment entry followed by something that is not an entry?',
    );
  }
  return { spec, yaml };
}

/**
 * Reads and composes the package's fragments.
 *
 * @param {string} [root] the package root
 */
function composeOpenApiSpec(root = packageRoot) {
  return composeFragments(readFragments(root));
}

module.exports = {
  KERNEL_FRAGMENT,
  PRACTICE_ORDER,
  composeFragments,
  composeOpenApiSpec,
  listFragmentFiles,
  readFragments,
  recordLinkPaths,
};
