import type { APIContext } from 'astro';
import { presentResultFiles, readResults } from '../../site/readResults.ts';
import { toCsv } from '../../site/toCsv.ts';
import { stableJson } from '../../lib/contracts/stableJson.ts';

/** Every results file, as JSON and, where it is a table, as CSV. */
export function getStaticPaths() {
  return presentResultFiles().flatMap((name) => {
    const data = readResults(`${name}.json`);
    const paths = [
      {
        params: { file: `${name}.json` },
        props: { body: stableJson(data), type: 'application/json' },
      },
    ];
    if (Array.isArray(data))
      paths.push({
        params: { file: `${name}.csv` },
        props: { body: toCsv(data), type: 'text/csv' },
      });
    return paths;
  });
}

export function GET({ props }: APIContext) {
  return new Response(props.body as string, {
    headers: { 'Content-Type': `${props.type as string}; charset=utf-8` },
  });
}
