import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi spec', () => {
  const yaml = parse(
    fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
  );

  it('matches openapi.yaml (run `yarn generate` after editing the YAML)', () => {
    expect(spec).toEqual(yaml);
  });

  it('is OpenAPI 3.1 titled after the plugin id', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.info.title).toBe('itsm');
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
});
