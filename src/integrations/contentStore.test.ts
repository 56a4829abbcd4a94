import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimContentStore, contentStore } from './contentStore.ts';

let scratch: string;
let nodeModules: string;
let project: string;
let content: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'swis-content-store-'));
  nodeModules = join(scratch, 'node_modules');
  project = join(scratch, 'project');
  content = join(project, 'content');
  mkdirSync(content, { recursive: true });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A store folder named `name` as a build leaves it: Astro's data store and, when given, its owner's note. */
function store(name: string, owner?: { projectRoot: string; contentFolder: string }): string {
  const folder = join(nodeModules, '.astro-content', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'data-store.json'), '{}');
  if (owner) writeFileSync(join(folder, 'owner.json'), JSON.stringify(owner));
  return folder;
}

describe('claimContentStore', () => {
  it('makes the store of this project and content folder with a note of its owner', () => {
    const claimed = claimContentStore(nodeModules, project, content);
    expect(claimed).toBe(contentStore(project, content));
    expect(JSON.parse(readFileSync(join(nodeModules, claimed, 'owner.json'), 'utf8'))).toEqual({
      projectRoot: project,
      contentFolder: content,
    });
  });

  it("keeps its own store's contents from one build to the next", () => {
    const claimed = claimContentStore(nodeModules, project, content);
    writeFileSync(join(nodeModules, claimed, 'data-store.json'), '{"kept":true}');
    claimContentStore(nodeModules, project, content);
    expect(readFileSync(join(nodeModules, claimed, 'data-store.json'), 'utf8')).toBe('{"kept":true}');
  });

  it('removes a store with no owner note, as made before stores were keyed by project root', () => {
    const old = store('04e325cf3975787f');
    claimContentStore(nodeModules, project, content);
    expect(existsSync(old)).toBe(false);
  });

  it('removes a store whose project root or content folder is gone (a killed scratch build)', () => {
    const goneRoot = store('a', { projectRoot: join(scratch, 'gone'), contentFolder: content });
    const goneContent = store('b', { projectRoot: project, contentFolder: join(scratch, 'gone') });
    claimContentStore(nodeModules, project, content);
    expect(existsSync(goneRoot)).toBe(false);
    expect(existsSync(goneContent)).toBe(false);
  });

  it("leaves another build's store while its owner exists, and a store being made", () => {
    const other = join(scratch, 'other');
    mkdirSync(join(other, 'content'), { recursive: true });
    const live = store(contentStore(other, join(other, 'content')).split('/')[1]!, {
      projectRoot: other,
      contentFolder: join(other, 'content'),
    });
    const making = join(nodeModules, '.astro-content', '.new-x');
    mkdirSync(making, { recursive: true });
    claimContentStore(nodeModules, project, content);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(making)).toBe(true);
    expect(readdirSync(join(nodeModules, '.astro-content'))).toHaveLength(3);
  });
});
