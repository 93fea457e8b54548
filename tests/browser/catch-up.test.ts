import { describe, expect, it } from 'vitest';
import { useBridge } from '../../src-renderer/api/client';
import { useData } from '../../src-renderer/stores/data';
import { useNotices } from '../../src-renderer/stores/notices';
import { useSession } from '../../src-renderer/stores/session';
import type { AppSettings, CallResult, QuireBridge } from '../../src-shared/contract';
import type { ProjectInfo } from '../../src-shared/model/entities';

/**
 * After the browser edition's socket comes back, the window catches up on what it may have missed:
 * which project is open and, for the same project, every list and view (the data version moves,
 * so each open view asks its question again); a progress bar of an operation that ended unheard goes.
 */
const SETTINGS: AppSettings = { language: 'ru', actorName: 'Анна', recentProjects: [], samplePath: '/sample.quire' };
const project = (documents: number) => ({ path: '/p.quire', name: 'Завод', counts: { documents } }) as unknown as ProjectInfo;

describe('catching up after a reconnect', () => {
  it('refetches the project’s figures and every cached list, and moves the data version', async () => {
    const asked: string[] = [];
    let documents = 1;
    let reconnected: () => void = () => {};
    const bridge: QuireBridge = {
      call: (method) => {
        asked.push(method);
        const result = method === 'app.settings' ? SETTINGS : method === 'project.info' ? project(documents) : [];
        return Promise.resolve({ ok: true, result } as CallResult<unknown>);
      },
      on: () => () => undefined,
      onReconnected: (listener) => {
        reconnected = listener;
        return () => undefined;
      },
    };
    useBridge(bridge);
    await useSession.getState().boot();
    expect(useSession.getState().project?.counts.documents).toBe(1);
    const version = useData.getState().version;
    useNotices.getState().setProgress({ task: 'import', done: 1, total: 2 });
    asked.length = 0;
    // A document was imported in another tab while this one's socket was down.
    documents = 2;
    reconnected();
    await expect.poll(() => useData.getState().version).toBeGreaterThan(version);
    expect(asked).toEqual(expect.arrayContaining(['project.info', 'documents.list', 'codes.list', 'cases.list', 'members.list']));
    expect(useSession.getState().project?.counts.documents).toBe(2);
    expect(useNotices.getState().progress).toBeNull();
  });
});
