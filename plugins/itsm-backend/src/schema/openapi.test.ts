import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  composeFragments,
  composeOpenApiSpec,
  listFragmentFiles,
} from '../../scripts/compose-openapi-spec';
import { spec } from './openapi.generated';

describe('openapi spec', () => {
  const yaml = parse(
    fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
  );

  it('is composed from the fragments (run `yarn generate` after editing one)', () => {
    expect(spec).toEqual(composeOpenApiSpec().spec);
  });

  it('matches the composed openapi.yaml', () => {
    expect(spec).toEqual(yaml);
  });

  it('composes the kernel first, then the practices in order', () => {
    expect(listFragmentFiles()).toEqual([
      'src/records/openapi.yaml',
      'src/practices/incidents/openapi.yaml',
      'src/practices/changes/openapi.yaml',
      'src/practices/service-levels/openapi.yaml',
      'src/practices/problems/openapi.yaml',
      'src/practices/satisfaction/openapi.yaml',
      'src/practices/complaints/openapi.yaml',
      'src/practices/reviews/openapi.yaml',
      'src/practices/improvements/openapi.yaml',
    ]);
  });

  it('is OpenAPI 3.1 titled after the plugin id', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.info.title).toBe('itsm');
  });

  it('resolves every $ref', () => {
    const refs = new Set<string>();
    const collect = (node: unknown) => {
      if (Array.isArray(node)) {
        node.forEach(collect);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') refs.add(value as string);
          else collect(value);
        }
      }
    };
    collect(spec);
    const unresolved = [...refs].filter(ref => {
      if (!ref.startsWith('#/')) return true;
      let node: unknown = spec;
      for (const segment of ref.slice(2).split('/')) {
        const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
        if (!node || typeof node !== 'object' || !(key in node)) return true;
        node = (node as Record<string, unknown>)[key];
      }
      return node === undefined;
    });
    expect(refs.size).toBeGreaterThan(50);
    expect(unresolved).toEqual([]);
  });

  it('names every operation once', () => {
    const ids = Object.values(yaml.paths).flatMap(item =>
      Object.values(item as Record<string, { operationId: string }>).map(
        operation => operation.operationId,
      ),
    );
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('declares every query parameter it accepts, reserved characters allowed', () => {
    const operations = Object.values(yaml.paths).flatMap(item =>
      Object.values(item as object),
    );
    const queryParameters = operations
      .flatMap(operation => operation.parameters ?? [])
      .map(parameter =>
        parameter.$ref
          ? yaml.components.parameters[parameter.$ref.split('/').pop()]
          : parameter,
      )
      .filter(parameter => parameter.in === 'query');
    expect(queryParameters.length).toBeGreaterThan(10);
    expect(queryParameters.filter(p => p.allowReserved !== true)).toEqual([]);
  });

  it.each([
    ['incidents', 'incidentId'],
    ['changes', 'changeId'],
    ['slas', 'slaId'],
    ['supporting-agreements', 'supportingAgreementId'],
    ['breaches', 'breachId'],
    ['improvements', 'improvementId'],
  ])('links %s records to other records', (collection, idParameter) => {
    const id = { $ref: `#/components/parameters/${idParameter}` };
    const links = yaml.paths[`/${collection}/{id}/links`];
    expect(Object.keys(links)).toEqual(['get', 'post']);
    expect(links.get.parameters).toEqual([
      id,
      { $ref: '#/components/parameters/limit' },
      { $ref: '#/components/parameters/cursor' },
    ]);
    expect(links.get.responses['200'].content).toEqual({
      'application/json': {
        schema: { $ref: '#/components/schemas/RecordLinkPage' },
      },
    });
    expect(links.post.requestBody.content).toEqual({
      'application/json': {
        schema: { $ref: '#/components/schemas/RecordLinkCreate' },
      },
    });
    expect(links.post.responses['201'].content).toEqual({
      'application/json': {
        schema: { $ref: '#/components/schemas/RecordLink' },
      },
    });
    const link = yaml.paths[`/${collection}/{id}/links/{linkId}`];
    expect(Object.keys(link)).toEqual(['delete']);
    expect(link.delete.parameters).toEqual([
      id,
      { $ref: '#/components/parameters/linkId' },
    ]);
    expect(link.delete.responses['204'].content).toBeUndefined();
    for (const operation of [links.get, links.post, link.delete]) {
      expect(operation.tags).toEqual([collection]);
      expect(operation.responses.default).toEqual({
        $ref: '#/components/responses/ErrorResponse',
      });
    }
  });

  it('does not copy the composer key into the spec', () => {
    expect(Object.keys(spec).filter(key => key.startsWith('x-'))).toEqual([]);
  });

  describe('composition', () => {
    const kernel = {
      file: 'src/records/openapi.yaml',
      text: [
        'openapi: 3.1.0',
        'info: { title: itsm, version: "1" }',
        'components:',
        '  schemas:',
        '    Shared: { type: string }',
        '',
      ].join('\n'),
    };

    it('merges paths and components, kernel first', () => {
      const { spec: composed, yaml: text } = composeFragments([
        kernel,
        {
          file: 'src/practices/a/openapi.yaml',
          text: [
            'paths:',
            '  /a:',
            '    get: { responses: { "200": { description: ok } } }',
            'components:',
            '  schemas:',
            '    # A comment kept with its entry.',
            '    A: { $ref: "#/components/schemas/Shared" }',
            '',
          ].join('\n'),
        },
      ]);
      expect(composed).toEqual({
        openapi: '3.1.0',
        info: { title: 'itsm', version: '1' },
        paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
        components: {
          schemas: {
            Shared: { type: 'string' },
            A: { $ref: '#/components/schemas/Shared' },
          },
        },
      });
      expect(parse(text)).toEqual(composed);
      expect(text).toContain('    # A comment kept with its entry.\n');
    });

    it('rejects a component declared twice, naming both files', () => {
      expect(() =>
        composeFragments([
          kernel,
          {
            file: 'src/practices/a/openapi.yaml',
            text: 'components:\n  schemas:\n    Shared: { type: integer }\n',
          },
        ]),
      ).toThrow(
        'components.schemas.Shared is declared in both src/records/openapi.yaml and src/practices/a/openapi.yaml',
      );
    });

    it('rejects a path declared twice, naming both files', () => {
      const fragment = (name: string) => ({
        file: `src/practices/${name}/openapi.yaml`,
        text: 'paths:\n  /a:\n    get: { responses: {} }\n',
      });
      expect(() =>
        composeFragments([kernel, fragment('a'), fragment('b')]),
      ).toThrow(
        'path /a is declared in both src/practices/a/openapi.yaml and src/practices/b/openapi.yaml',
      );
    });

    it('rejects document fields outside the kernel', () => {
      expect(() =>
        composeFragments([
          kernel,
          {
            file: 'src/practices/a/openapi.yaml',
            text: 'info: { title: a }\n',
          },
        ]),
      ).toThrow('src/practices/a/openapi.yaml: unexpected top-level key info');
    });
  });
});
