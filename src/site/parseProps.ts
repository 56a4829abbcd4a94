/**
 * Parses the props a page or component passes to a component with that component's zod schema,
 * so its types and its check are one fact: the parsed props, or an error naming the component,
 * each wrong prop, what was expected and what was found.
 */
import type { z } from 'zod';

export function parseProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  throw new Error(
    result.error.issues
      .map((i) => `<${component}>: ${i.path.length > 0 ? `prop "${i.path.join('.')}": ` : ''}${i.message}`)
      .join('\n'),
  );
}
