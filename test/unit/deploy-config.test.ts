import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

// Docker does not run on our machines: check statically what can be checked.
describe('docker-compose.yml and Dockerfile', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<
      string,
      {
        image?: string;
        build?: unknown;
        environment?: Record<string, string>;
        healthcheck?: { test: unknown };
        depends_on?: Record<string, { condition: string }>;
        volumes?: string[];
      }
    >;
    volumes: Record<string, unknown>;
  };
  const pinned = read('tools/neo4j/VERSION').trim();

  it('runs the same Neo4j patch as the tests', () => {
    expect(compose.services.neo4j.image).toBe(`neo4j:${pinned}-community`);
  });

  it('has a health check, a named volume and auth from the environment', () => {
    expect(compose.services.neo4j.healthcheck?.test).toBeTruthy();
    expect(compose.services.neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(compose.services.neo4j.environment?.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD/);
  });

  it('checks health over Bolt with the configured password', () => {
    const test = JSON.stringify(compose.services.neo4j.healthcheck?.test);
    expect(test).toMatch(/cypher-shell -a bolt:\/\/127\.0\.0\.1:7687/);
    // $$ is compose's escape: the shell, not compose, expands NEO4J_AUTH inside the container.
    expect(test).toContain('$${NEO4J_AUTH#neo4j/}');
  });

  it('documents the password minimum and what changing NEO4J_PASSWORD later does', () => {
    const readme = read('README.md');
    expect(readme).toMatch(/at least 8 characters/);
    expect(readme).toMatch(/ALTER CURRENT USER SET PASSWORD/);
  });

  it('wires the app to Neo4j and waits for it to be healthy', () => {
    const app = compose.services.app;
    expect(app.build).toBeTruthy();
    expect(app.depends_on?.neo4j.condition).toBe('service_healthy');
    expect(app.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app.environment?.NEO4J_PASSWORD).toMatch(/\$\{NEO4J_PASSWORD/);
  });

  it('builds in stages on Node 22 LTS and runs as a non-root user', () => {
    const docker = read('Dockerfile');
    const froms = docker.match(/^FROM .+$/gm) ?? [];
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f).toMatch(/node:22/);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK /m);
  });

  it('installs the report font in the image that runs the app', () => {
    const runtime =
      read('Dockerfile')
        .split(/^FROM /m)
        .pop() ?? '';
    expect(runtime).toMatch(/apt-get install[^\n]*fonts-dejavu-core/);
  });
});
