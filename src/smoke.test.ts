import { test, expect } from 'vitest';
test('node is 22', () => { expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22); });
