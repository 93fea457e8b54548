// Run by crash.test.ts in its own process, which is killed in the middle of the auto-coding.
import { Core } from '../../src-main/core/host';

const [file, codeId] = process.argv.slice(2);
const core = new Core();
core.on((event) => {
  if (event.type === 'progress') process.stdout.write(`progress ${event.done}\n`);
});
const client = core.client();
await client.call('project.open', { path: file!, actor: { name: 'Ирина Соколова' } });
process.stdout.write('started\n');
await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: codeId! });
process.stdout.write('finished\n');
await core.dispose();
