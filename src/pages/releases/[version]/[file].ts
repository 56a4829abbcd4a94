import type { APIContext } from 'astro';
import { publishedReleases, readReleaseFile } from '../../../site/releases.ts';

/** Every archived file of every release, byte for byte as recorded: the release's permalinks. */
export function getStaticPaths() {
  return publishedReleases().flatMap((r) =>
    [...r.files.map((f) => f.name), 'release.json'].map((file) => ({
      params: { version: r.version, file },
      props: { body: readReleaseFile(r.version, file) },
    })),
  );
}

export function GET({ props }: APIContext) {
  return new Response(props.body as string, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
