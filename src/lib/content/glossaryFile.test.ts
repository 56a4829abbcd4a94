import { expect, test } from 'vitest';
import { parseGlossary } from './glossaryFile.ts';

const good = `# A comment
- id: dsl
  term: DSL (designated safeguarding lead)
  short: designated safeguarding lead
  text: "The member of a school's staff responsible for child protection."
- id: contact
  term: Contact
  short: contact
  text: A call or form from a school to children's social care about a child.
`;

test('a list of entries parses, in file order', () => {
  const r = parseGlossary('content/glossary.yaml', good);
  expect(r.ok && r.terms.map((t) => t.id)).toEqual(['dsl', 'contact']);
  expect(r.ok && r.terms[0]!.text).toBe("The member of a school's staff responsible for child protection.");
});

test('each problem names the file, the line of the entry or field, what was expected and what was found', () => {
  const bad = good
    .replace('  short: contact\n', '')
    .replace('id: dsl', 'id: DSL Lead')
    .replace('  term: Contact\n', '  term: Contact\n  txet: typo\n');
  const r = parseGlossary('content/glossary.yaml', bad);
  const messages = r.ok ? [] : r.problems.map((p) => p.message);
  expect(messages).toContainEqual(
    expect.stringMatching(
      /^content\/glossary\.yaml:2:1: entry 1, field "id": expected .*lower-case letters, digits and hyphens.*found "DSL Lead"/,
    ),
  );
  expect(messages).toContainEqual(
    expect.stringMatching(
      /^content\/glossary\.yaml:6:1: entry 2, field "short": expected a string, found nothing/,
    ),
  );
  expect(messages).toContainEqual(
    expect.stringMatching(/^content\/glossary\.yaml:8:1: entry 2, field "txet".*unknown field/),
  );
});

test('an id used twice is reported at the second entry, naming the first', () => {
  const r = parseGlossary('content/glossary.yaml', good.replace('id: contact', 'id: dsl'));
  expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
    'content/glossary.yaml:6:1: entry 2, field "id": expected an id no other entry has, found "dsl", already on line 2. Give each entry its own id.',
  ]);
});

test('a file that is not a list, or not YAML, says so', () => {
  const notList = parseGlossary('g.yaml', 'id: dsl\nterm: DSL\n');
  expect(notList.ok ? '' : notList.problems[0]!.message).toMatch(
    /^g\.yaml:1:1: glossary: expected a list of entries/,
  );
  const notYaml = parseGlossary('g.yaml', '- id: dsl\n  text: a: b: c\n');
  expect(notYaml.ok ? '' : notYaml.problems[0]!.message).toMatch(
    /^g\.yaml:2:\d+: glossary: expected valid YAML/,
  );
});
