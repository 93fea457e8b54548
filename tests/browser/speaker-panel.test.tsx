import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { useBridge } from '../../src-renderer/api/client';
import { useData } from '../../src-renderer/stores/data';
import { useNotices } from '../../src-renderer/stores/notices';
import { initI18n, setLanguage } from '../../src-renderer/i18n';
import { SpeakerPanel } from '../../src-renderer/views/documents/SpeakerPanel';
import type { DocumentSpeaker } from '../../src-shared/contract/documents';
import type { Case, CaseType } from '../../src-shared/model/entities';

/**
 * The speakers of an opened document in Chromium with a fake core: labels with their turns in
 * the language's plural, the case each speaks for chosen by keyboard, one `documents.linkSpeaker`
 * call per change, and the list as the core answers it after the change (and after an undo).
 */
const DOCUMENT = '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f70';
const INFORMANT: CaseType = { id: '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f71', name: 'Информант', parentId: null };
const informant = (id: string, name: string): Case => ({ id, typeId: INFORMANT.id, parentId: null, name, aliases: [], description: '', attributes: {} });
const LITVINOVA = informant('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f72', 'Тамара Егоровна Литвинова');
const PETROV = informant('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f73', 'Мастер Петров');

/** The labels and their links as the fake core keeps them; the side follows the core's rule for these labels. */
let links: Record<string, string | null> = {};
let calls: unknown[] = [];
const TURNS: Readonly<Record<string, number>> = { И: 12, Р1: 1, Р2: 3 };
const answer = (): DocumentSpeaker[] =>
  Object.entries(TURNS).map(([label, turns]) => {
    const caseId = links[label] ?? null;
    return { label, turns, caseId, side: caseId === null && label === 'И' ? 'interviewer' : 'informant' };
  });

// React's act() warns unless it is told this is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = null;
  useNotices.setState({ notices: [] });
});

/** The project changed (the core's change event): views ask again. */
const changed = () => act(async () => useData.setState((s) => ({ version: s.version + 1 })));

async function mount(): Promise<void> {
  links = { Р2: PETROV.id };
  calls = [];
  useBridge({
    call: (method, input) => {
      if (method === 'documents.speakers') return Promise.resolve({ ok: true, result: answer() });
      if (method !== 'documents.linkSpeaker') return Promise.resolve({ ok: true, result: [] });
      calls.push(input);
      const { speaker, caseId } = input as { speaker: string; caseId: string | null };
      links = { ...links, [speaker]: caseId };
      return Promise.resolve({ ok: true, result: null });
    },
    on: () => () => {},
  });
  useData.setState((s) => ({ cases: [LITVINOVA, PETROV], caseTypes: [INFORMANT], version: s.version + 1 }));
  host = document.createElement('div');
  host.style.width = '320px';
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<MantineProvider><SpeakerPanel documentId={DOCUMENT} /></MantineProvider>));
}

const caseOf = (name: string) => page.getByRole('combobox', { name, exact: true });

describe('the speakers panel', () => {
  it('links a label to a case and unlinks another by keyboard, and shows what the core answers after each change', async () => {
    await initI18n('ru');
    await setLanguage('ru');
    await mount();
    await expect.element(page.getByRole('heading', { name: 'Говорящие' })).toBeInTheDocument();
    // Turns in Russian's plural forms, and whose turns they count as.
    await expect.element(page.getByText('12 реплик · считаются репликами интервьюера')).toBeInTheDocument();
    await expect.element(page.getByText('1 реплика · считаются репликами информанта без кейса')).toBeInTheDocument();
    await expect.element(page.getByText('3 реплики · считаются репликами информанта', { exact: true })).toBeInTheDocument();
    await expect.element(caseOf('«Р2» — это')).toHaveValue('Мастер Петров');
    await expect.element(caseOf('«Р1» — это')).toHaveValue('');

    // Р1: found by typing part of the name, picked with the arrow key and Enter.
    await userEvent.click(caseOf('«Р1» — это'));
    await userEvent.keyboard('Литв');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(calls).toEqual([{ documentId: DOCUMENT, speaker: 'Р1', caseId: LITVINOVA.id }]);
    await expect.element(caseOf('«Р1» — это')).toHaveValue('Тамара Егоровна Литвинова');
    expect(useNotices.getState().notices.at(-1)?.message).toBe('Метка «Р1» связана с кейсом «Тамара Егоровна Литвинова». Ctrl+Z отменит это.');
    await changed();
    await expect.element(page.getByText('1 реплика · считаются репликами информанта', { exact: true })).toBeInTheDocument();

    // Р2: unlinked through the "no case" option, also by keyboard.
    await userEvent.click(caseOf('«Р2» — это'));
    await userEvent.keyboard('{Control>}a{/Control}Без');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(calls.at(-1)).toEqual({ documentId: DOCUMENT, speaker: 'Р2', caseId: null });
    await changed();
    await expect.element(caseOf('«Р2» — это')).toHaveValue('');
    await expect.element(page.getByText('3 реплики · считаются репликами информанта без кейса')).toBeInTheDocument();
    expect(calls).toHaveLength(2);

    // An undo elsewhere (Ctrl+Z) changes the project: the list shows the link back.
    links = { ...links, Р2: PETROV.id };
    await changed();
    await expect.element(caseOf('«Р2» — это')).toHaveValue('Мастер Петров');
  });

  it('speaks English too, with its plurals', async () => {
    await initI18n('en');
    await setLanguage('en');
    await mount();
    await expect.element(page.getByRole('heading', { name: 'Speakers' })).toBeInTheDocument();
    await expect.element(page.getByText('12 turns · counted as the interviewer’s')).toBeInTheDocument();
    await expect.element(page.getByText('1 turn · counted as an informant’s, of no case')).toBeInTheDocument();
    await expect.element(caseOf('“Р2” speaks for')).toHaveValue('Мастер Петров');
    await expect.element(page.getByRole('list', { name: 'Speaker labels' }).getByRole('listitem')).toHaveLength(3);
    await setLanguage('ru');
  });
});
