import { describe, expect, it } from 'vitest';
import { content, copyOf, twoCopies } from './exchange-support';

describe('merging a colleague’s copy', () => {
  it('brings in their codes and codings, converges both ways, and merging twice changes nothing', async () => {
    const { a, b, seeded } = await twoCopies();
    const code = await b.client.call('codes.create', { name: 'Калым' });
    await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: code.id, start: 60, end: 90 });
    await a.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start: 200, end: 240 });
    const fromA = await copyOf(a.client);
    const fromB = await copyOf(b.client);
    const intoA = await a.client.call('exchange.merge', { path: fromB });
    expect(intoA.added.codes).toBe(1);
    expect(intoA.added.codings).toBe(1);
    await b.client.call('exchange.merge', { path: fromA });
    expect(content(a.file)).toEqual(content(b.file));
    const again = await a.client.call('exchange.merge', { path: fromB });
    expect(again.operations).toBe(0);
    expect(again.alreadyHere).toBeGreaterThan(0);
  });
});
