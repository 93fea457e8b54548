/**
 * Child process of the bench: generates the sample project at a scale and loads it through the
 * contract exactly as `quire demo` does (fixtures/sample/load.ts).
 */
import { generateSample } from '../../fixtures/sample';
import { loadSample } from '../../fixtures/sample/load';
import { buildProject, prepareArgs } from './prepare-common';
import { timeOnce } from './timing';

const { out, key, values } = prepareArgs({ scale: { type: 'string' } });
const scale = values.scale === 'sample' ? 'sample' : values.scale === '1' ? 'programme' : Number(values.scale);
const label = `sample project (${String(scale)})`;
console.log(`  ${label}: generating…`);
const { value: sample, ms } = await timeOnce(() => generateSample({ scale }));
console.log(`  ${label}: generated in ${(ms / 1000).toFixed(1)} s; loading through the contract…`);
const actor = sample.members[0]?.name;
if (!actor) throw new Error('The sample has no team members.');
await buildProject(
  out,
  key,
  label,
  ms,
  sample.documents.reduce((n, d) => n + d.text.length, 0),
  { actor, name: sample.name, description: sample.description },
  (client, step) => loadSample(client, sample, step),
);
