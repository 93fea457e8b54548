// `npm run screenshots`: pictures of the main screens for the README, taken in Debian's Chromium
// from the browser edition on the sample project. Writes docs/*.png.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import { E2E_URL } from './config';

const root = path.resolve(import.meta.dirname, '../..');
const server = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/server.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve) => server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('e2e browser edition') && resolve()));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(root, 'docs', `${name}.png`) });

async function openInterview(p: Page): Promise<void> {
  const tree = p.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem', { name: /^Самарская область/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Кольца/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Interview/ }).first().click();
  await tree.getByRole('treeitem', { name: /Кольца/ }).filter({ hasNot: p.getByRole('group') }).first().click();
  await p.getByRole('list', { name: /^Text of/ }).waitFor();
}

try {
  await page.goto(E2E_URL);
  await page.getByRole('navigation', { name: 'Project navigator' }).waitFor();
  await openInterview(page);
  await shot('document');
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^A\. Formal/ }).click();
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Informal relations type 2/ }).click();
  await page.getByRole('heading', { level: 3 }).waitFor();
  await shot('codebook');
  await page.getByRole('tab', { name: 'Cases' }).click();
  const cases = page.getByRole('tree', { name: 'Cases' });
  await cases.getByRole('treeitem', { name: /^Region/ }).click();
  await cases.getByRole('treeitem', { name: /^Москва/ }).click();
  await cases.getByRole('treeitem', { name: /^ЛенКон/ }).click();
  await page.getByRole('heading', { name: 'ЛенКон', level: 3 }).waitFor();
  await shot('cases');
  await page.getByText('Русский', { exact: true }).click();
  await page.getByRole('heading', { level: 3 }).click(); // leave the language switch, as a person would
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog').waitFor();
  await shot('palette-ru');
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
