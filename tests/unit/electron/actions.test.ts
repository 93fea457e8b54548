import { describe, it, expect, vi } from 'vitest';
import type { AppSettings, CallResult, MethodName } from '../../../src-shared/contract';
import { EDITABLE_FOCUS_PROBE, menuActions, openInitialProject } from '../../../src-main/electron/actions';
import type { ActionContext } from '../../../src-main/electron/actions';
import type { CoreCaller } from '../../../src-main/electron/core-caller';
import type { ProjectDialogs } from '../../../src-main/electron/dialogs';
import { FakeContents } from './fakes';

const settings = (overrides: Partial<AppSettings> = {}): AppSettings => ({
  language: 'en',
  actorName: 'Irina',
  recentProjects: [],
  samplePath: '/home/researcher/.config/quire/sample.quire',
  ...overrides,
});

/** A core that records calls and answers from a table (app.settings from `appSettings`). */
class RecordingCore implements CoreCaller {
  readonly calls: [string, unknown][] = [];
  constructor(
    private readonly appSettings: AppSettings = settings(),
    private readonly answers: Partial<Record<string, CallResult<unknown>>> = {},
  ) {}
  call(method: string, input: unknown): Promise<CallResult<unknown>> {
    this.calls.push([method, input]);
    if (method === 'app.settings') return Promise.resolve({ ok: true, result: this.appSettings });
    return Promise.resolve(this.answers[method] ?? { ok: true, result: null });
  }
  methods(): string[] {
    return this.calls.map(([method]) => method).filter((method) => method !== 'app.settings');
  }
}

function setUp(core: RecordingCore, dialogs: Partial<ProjectDialogs> = {}, contents: FakeContents | null = null) {
  const changed: MethodName[] = [];
  const errors: string[] = [];
  const ctx: ActionContext = {
    core,
    dialogs: { openProject: () => Promise.resolve(null), saveProject: () => Promise.resolve(null), ...dialogs },
    contents: () => contents,
    sessionChanged: (method) => changed.push(method),
    showError: (message) => errors.push(message),
    about: () => undefined,
    untitledName: () => 'New project',
  };
  return { actions: menuActions(ctx), changed, errors };
}

describe('menu actions', () => {
  it('opens the project picked in the dialog, as this machine’s user, and says the session changed', async () => {
    const core = new RecordingCore();
    const { actions, changed } = setUp(core, { openProject: () => Promise.resolve('/data/Perm.quire') });
    actions.openProject();
    await vi.waitFor(() => expect(changed).toEqual(['project.open']));
    expect(core.calls).toContainEqual(['project.open', { path: '/data/Perm.quire', actor: { name: 'Irina' } }]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const core = new RecordingCore();
    const { actions, changed } = setUp(core);
    actions.openProject();
    actions.newProject();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(core.methods()).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('creates a new project where the save dialog says', async () => {
    const core = new RecordingCore(settings({ actorName: null }));
    const suggested: string[] = [];
    const { actions, changed } = setUp(core, {
      saveProject: (name) => {
        suggested.push(name);
        return Promise.resolve('/data/Samara.quire');
      },
    });
    actions.newProject();
    await vi.waitFor(() => expect(changed).toEqual(['project.create']));
    expect(suggested).toEqual(['New project']);
    expect(core.calls).toContainEqual(['project.create', { path: '/data/Samara.quire', actor: { name: 'Researcher' } }]);
  });

  it('shows the core’s message when a project cannot be opened', async () => {
    const locked: CallResult<unknown> = { ok: false, error: { code: 'project_locked', message: 'Olga has this project open on her computer.' } };
    const { actions, errors, changed } = setUp(new RecordingCore(settings(), { 'project.open': locked }));
    actions.openRecent('/data/Perm.quire');
    await vi.waitFor(() => expect(errors).toEqual(['Olga has this project open on her computer.']));
    expect(changed).toEqual([]);
  });

  it('opens the sample, closes the project and switches language through the core', async () => {
    const core = new RecordingCore();
    const { actions, changed } = setUp(core);
    actions.openSample();
    actions.closeProject();
    actions.setLanguage('ru');
    await vi.waitFor(() => expect(changed).toHaveLength(3));
    expect(core.calls).toEqual(expect.arrayContaining([['app.openSample', {}], ['project.close', {}], ['app.updateSettings', { language: 'ru' }]]));
    expect(changed.sort()).toEqual(['app.openSample', 'app.updateSettings', 'project.close']);
  });

  it('undoes and redoes through the project history', async () => {
    const core = new RecordingCore();
    const contents = new FakeContents();
    const { actions } = setUp(core, {}, contents);
    actions.undo();
    actions.redo();
    await vi.waitFor(() => expect(core.methods()).toEqual(['history.undo', 'history.redo']));
    expect(contents.undone + contents.redone).toBe(0);
  });

  it('leaves undo to the text field while the user is typing in one', async () => {
    const core = new RecordingCore();
    const contents = new FakeContents();
    contents.editableFocused = true;
    const probe = vi.spyOn(contents, 'executeJavaScript');
    const { actions } = setUp(core, {}, contents);
    actions.undo();
    actions.redo();
    await vi.waitFor(() => expect(contents.redone).toBe(1));
    expect(contents.undone).toBe(1);
    expect(probe).toHaveBeenCalledWith(EDITABLE_FOCUS_PROBE);
    expect(core.methods()).toEqual([]);
  });

  it('stays quiet when there is nothing to undo, but reports real failures', async () => {
    const quiet = setUp(new RecordingCore(settings(), { 'history.undo': { ok: false, error: { code: 'nothing_to_undo', message: 'Nothing to undo.' } } }));
    quiet.actions.undo();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(quiet.errors).toEqual([]);
    const loud = setUp(new RecordingCore(settings(), { 'history.redo': { ok: false, error: { code: 'file_error', message: 'The disk is full.' } } }));
    loud.actions.redo();
    await vi.waitFor(() => expect(loud.errors).toEqual(['The disk is full.']));
  });
});

describe('the project opened at launch', () => {
  it('is the sample project on first run', async () => {
    const core = new RecordingCore(settings({ recentProjects: [] }));
    expect(await openInitialProject(core)).toBe('app.openSample');
    expect(core.methods()).toEqual(['app.openSample']);
  });

  it('is the most recent project otherwise', async () => {
    const recent = [
      { path: '/data/Perm.quire', name: 'Perm', openedAt: '2026-11-20T10:00:00Z' },
      { path: '/data/Samara.quire', name: 'Samara', openedAt: '2026-11-01T10:00:00Z' },
    ];
    const core = new RecordingCore(settings({ recentProjects: recent }));
    expect(await openInitialProject(core)).toBe('project.open');
    expect(core.calls).toContainEqual(['project.open', { path: '/data/Perm.quire', actor: { name: 'Irina' } }]);
    expect(core.methods()).toEqual(['project.open']);
  });

  it('leaves a recent project that cannot be opened to the welcome screen', async () => {
    const core = new RecordingCore(settings({ recentProjects: [{ path: '/gone.quire', name: 'Gone', openedAt: '2026-01-01T00:00:00Z' }] }), {
      'project.open': { ok: false, error: { code: 'file_error', message: 'The file is gone.' } },
    });
    expect(await openInitialProject(core)).toBeNull();
    expect(core.methods()).toEqual(['project.open']);
  });
});
