import type { APIContext } from 'astro';
import { availableResultFiles, readResults } from '../../site/readResults.ts';
import { toCsv } from '../../site/toCsv.ts';

/** Every results file, as JSON and, where it is a table, as CSV. */
export function getStaticPaths() {
  return availableResultFiles().flatMap((name) => {
    const data = readResults<unknown>(`${name}.json`);
    const paths = [
      {
        params: { file: `${name}.json` },
        props: { body: JSON.stringify(data, null, 2) + '\n', type: 'application/json' },
      },
    ];
    if (Array.isArray(data))
      paths.push({
        params: { file: `${name}.csv` },
        props: { body: toCsv(data as Record<string, unknown>[]), type: 'text/csv' },
      });
    return paths;
  });
}

export function GET({ props }: APIContext) {
  return new Response(props.body as string, {
    headers: { 'Content-Type': `${props.type as string}; charset=utf-8` },
  });
}
