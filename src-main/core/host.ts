import fs from 'node:fs';
import path from 'node:path';
import { contract, isMethodName, PRESENCE_HEARTBEAT_MS, QuireError } from '../../src-shared/contract';
import type { CallResult, CoreEvent, InputOf, MethodName, Presentation, QuireClient, ResultOf } from '../../src-shared/contract';
import type { Member, ProjectInfo } from '../../src-shared/model/entities';
import type { z } from 'zod';
import { openProjectFile } from './db/open';
import { assignMissingDocumentKeys } from './services/quote-ids';
import { searchIndexStep } from './db/search-index';
import type { Known } from './db/search-index';
import type { ProjectFile } from './db/open';
import type { MutationContext, QueryContext, SessionMethod } from './context';
import { AppSettingsStore } from './app-settings';
import { handlers } from './handlers';
import { runMutation } from './mutation/run';
import { projectInfo } from './services/project';
import { toMember } from './services/map';
import { isPresenceMethod, MeetingPresence, presentable } from './presence';

type AnyHandler = (ctx: QueryContext | MutationContext, input: unknown) => Promise<unknown>;

export interface CoreOptions {
  /** Hours between the rolling backups taken on open (default 12). */
  readonly backupIntervalHours?: number;
  /** This machine's settings (default: in {@link quireHome}). */
  readonly settings?: AppSettingsStore;
  /**
   * Build a missing full-text index after the project opens, a step at a time between calls,
   * reporting progress (the app's faces); otherwise it is built before the project opens (the
   * command line, which would only wait for it anyway).
   */
  readonly indexInBackground?: boolean;
}

interface OpenInput {
  readonly path: string;
  readonly name?: string;
  readonly description?: string;
  readonly actor: { readonly name: string; readonly initials?: string };
}

const isSessionMethod = (name: MethodName): name is SessionMethod => contract[name].kind === 'session';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function asQuireError(error: unknown): QuireError {
  if (error instanceof QuireError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new QuireError('conflict', 'This change conflicts with the project’s records (something it refers to is missing or already exists).', { sqlite: code });
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return new QuireError('file_error', 'Quire could not write to the project file: check that the disk is not full. Nothing was changed.', { sqlite: code });
  }
  return new QuireError('internal', `Something went wrong inside Quire: ${(error as Error).message ?? String(error)}. Nothing was changed.`);
}

/**
 * The core's host: owns the open project, validates every call against the contract, runs
 * mutations through the one mutation path, serialises calls, and pushes events. Every face —
 * desktop, browser edition, CLI, tests — talks to Quire through `call`.
 */
export class Core {
  private project: { file: ProjectFile; actor: Member } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private readonly presence = new MeetingPresence();
  /** Ends presentations whose presenter went silent; runs only while something is presented. */
  private sweeper: ReturnType<typeof setInterval> | null = null;

  private readonly settings: AppSettingsStore;

  constructor(private readonly options: CoreOptions = {}) {
    this.settings = options.settings ?? new AppSettingsStore();
  }

  /** Subscribes to change and progress events; returns the unsubscribe function. */
  on(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The transport-facing entry point: never throws, always answers with the envelope. */
  async call(method: string, input: unknown): Promise<CallResult<unknown>> {
    try {
      return { ok: true, result: await this.invoke(method, input) };
    } catch (error) {
      return { ok: false, error: asQuireError(error).toPayload() };
    }
  }

  /** A typed client for in-process faces (CLI, tests, bench): errors come back as QuireError. */
  client(): QuireClient {
    return {
      call: async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
        try {
          return (await this.invoke(method, input)) as ResultOf<M>;
        } catch (error) {
          throw asQuireError(error);
        }
      },
    };
  }

  /** Closes the open project, if any (the faces call this on exit). */
  async dispose(): Promise<void> {
    await this.invoke('project.close', {});
  }

  private invoke(method: string, input: unknown): Promise<unknown> {
    const run = this.queue.then(() => this.dispatch(method, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private validate(method: string, input: unknown): { name: MethodName; parsed: unknown } {
    if (!isMethodName(method)) throw new QuireError('unknown_method', `Quire has no operation called "${method}".`, { method });
    const result = contract[method].input.safeParse(input ?? {});
    if (!result.success) throw new QuireError('invalid_input', describeIssues(result.error), { method, issues: result.error.issues });
    return { name: method, parsed: result.data };
  }

  private async dispatch(method: string, input: unknown): Promise<unknown> {
    const { name, parsed } = this.validate(method, input);
    if (isSessionMethod(name)) {
      const result = await this.session(name, parsed);
      // Every face learns that the open project or this machine's settings changed (presence has its own event).
      if (name !== 'app.settings' && !isPresenceMethod(name)) this.emit({ type: 'changed', method: name, operationId: null, tables: [] });
      return result;
    }
    const project = this.openFile();
    const ctx = this.context(project.file, project.actor);
    const handler = handlers[name] as AnyHandler;
    if (contract[name].kind !== 'mutation') return handler(ctx, parsed);
    const outcome = await runMutation(ctx, name, parsed, (m) => handler(this.nested(m), parsed), (done, total) =>
      this.emit({ type: 'progress', task: name, done, total }),
    );
    if (outcome.operationId) this.emit({ type: 'changed', method: name, operationId: outcome.operationId, tables: outcome.tables });
    if (this.presence.size > 0 && outcome.tables.includes('meetings')) this.endGonePresentations(project.file);
    return outcome.result;
  }

  /** The host's own methods: opening and closing projects, this machine's settings, who presents a meeting. */
  private async session(name: SessionMethod, input: unknown): Promise<unknown> {
    switch (name) {
      case 'project.create':
      case 'project.open':
        return this.openProject(name, input as OpenInput);
      case 'project.close':
        for (const meetingId of this.presence.meetingIds()) this.endPresentation(meetingId);
        if (this.project) {
          await this.project.file.close();
          this.project = null;
        }
        return null;
      case 'app.settings':
        return this.settings.read();
      case 'app.updateSettings':
        return this.settings.update(input as { language?: 'en' | 'ru'; actorName?: string });
      case 'app.openSample':
        return this.openSample();
      case 'meetings.present':
        return this.present(input as { meetingId: string; itemId: string; allowDecisions: boolean });
      case 'meetings.endPresentation':
        this.openFile();
        this.endPresentation((input as { meetingId: string }).meetingId);
        return null;
      case 'meetings.presenting':
        this.openFile();
        return this.presence.get((input as { meetingId: string }).meetingId);
    }
    throw new QuireError('unknown_method', `Quire has no operation called "${name}".`);
  }

  /** The open project and who works in it, or the error saying none is open. */
  private openFile(): { file: ProjectFile; actor: Member } {
    if (!this.project) throw new QuireError('no_project', 'No project is open: open or create one first.');
    return this.project;
  }

  /** The presenter moved (or started): remembered for latecomers and told to everyone following. */
  private present(input: { meetingId: string; itemId: string; allowDecisions: boolean }): Presentation {
    const { file, actor } = this.openFile();
    const found = presentable(file.raw, input.meetingId, input.itemId);
    if (!found.meeting) throw new QuireError('not_found', 'This meeting was not found in the project (it may have been deleted).', { id: input.meetingId });
    if (!found.item) throw new QuireError('not_found', 'This item is no longer on the meeting’s agenda: go to another item to present it.', { id: input.itemId });
    const presentation = this.presence.set({ ...input, presenterId: actor.id, presenterName: actor.name }, new Date());
    this.emit({ type: 'presenting', meetingId: input.meetingId, presentation });
    // Unref'd: a presentation must not keep a CLI or a test process alive.
    this.sweeper ??= setInterval(() => {
      for (const meetingId of this.presence.silent(Date.now())) this.endPresentation(meetingId);
    }, PRESENCE_HEARTBEAT_MS).unref();
    return presentation;
  }

  private endPresentation(meetingId: string): void {
    if (this.presence.end(meetingId)) this.emit({ type: 'presenting', meetingId, presentation: null });
    if (this.presence.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }

  /** A meeting deleted (or its planning undone) while presented: those following are told it ended. */
  private endGonePresentations(file: ProjectFile): void {
    for (const meetingId of this.presence.meetingIds()) if (!presentable(file.raw, meetingId, null).meeting) this.endPresentation(meetingId);
  }

  /** Opens the built-in sample project, generating it on first use. */
  private async openSample(): Promise<{ path: string }> {
    const { samplePath, actorName } = this.settings.read();
    const actor = { name: actorName ?? 'Researcher' };
    if (fs.existsSync(samplePath)) {
      await this.openProject('project.open', { path: samplePath, actor });
      return { path: samplePath };
    }
    fs.mkdirSync(path.dirname(samplePath), { recursive: true });
    const building = `${samplePath}.building`;
    fs.rmSync(building, { force: true });
    const { generateSample } = await import('../../fixtures/sample');
    const { loadSample } = await import('../../fixtures/sample/load');
    const sample = generateSample();
    await this.openProject('project.create', { path: building, actor, name: sample.name, description: sample.description });
    await loadSample({ call: (m, i) => this.dispatch(m, i) as never }, sample, (step) => this.emit({ type: 'progress', task: `sample: ${step}`, done: 0, total: 0 }));
    // The sample's making stays in its history but is its starting point, not something to undo.
    this.project?.file.raw.prepare('UPDATE operations SET final = 1').run();
    await this.session('project.close', {});
    // Built under another name and renamed when complete, so an interrupted first run never
    // leaves a half-made sample behind.
    fs.renameSync(building, samplePath);
    fs.rmSync(`${building}.backups`, { recursive: true, force: true });
    await this.openProject('project.open', { path: samplePath, actor });
    return { path: samplePath };
  }

  private context(file: ProjectFile, actor: Member): QueryContext {
    const ctx: QueryContext = {
      file,
      db: file.db,
      raw: file.raw,
      actor,
      call: async (method, input) => {
        const { name, parsed } = this.validate(method, input);
        if (contract[name].kind !== 'query') throw new QuireError('internal', `${name} cannot run inside a query.`);
        return (handlers[name as Exclude<MethodName, SessionMethod>] as AnyHandler)(ctx, parsed) as Promise<ResultOf<typeof method>>;
      },
    };
    return ctx;
  }

  /** Inside a mutation, other methods run in the same transaction and operation. */
  private nested(m: MutationContext): MutationContext {
    const nested: MutationContext = {
      ...m,
      call: async (method, input) => {
        const { name, parsed } = this.validate(method, input);
        if (contract[name].kind === 'session') throw new QuireError('internal', `${name} cannot run inside another operation.`);
        return (handlers[name as Exclude<MethodName, SessionMethod>] as AnyHandler)(nested, parsed) as Promise<ResultOf<typeof method>>;
      },
    };
    return nested;
  }

  private async openProject(method: 'project.create' | 'project.open', input: OpenInput): Promise<ProjectInfo> {
    if (this.project) await this.session('project.close', {});
    const file = await openProjectFile(input.path, {
      create: method === 'project.create',
      actorName: input.actor.name,
      ...(this.options.backupIntervalHours !== undefined ? { backupIntervalHours: this.options.backupIntervalHours } : {}),
      searchIndexInBackground: this.options.indexInBackground ?? false,
    });
    try {
      // Documents coded before quote ids existed get their keys (migration 7's backfill).
      if (file.schemaVersion >= 7) assignMissingDocumentKeys(file.raw);
      const actor = await this.resolveActor(file, input.actor);
      this.project = { file, actor };
      if (method === 'project.create') {
        await this.dispatch('project.update', { name: input.name ?? file.path.replace(/^.*[\\/]/, '').replace(/\.quire$/i, ''), description: input.description ?? '' });
        // Creating the project is not something to undo.
        file.raw.prepare('UPDATE operations SET final = 1').run();
      }
      const info = await projectInfo(this.context(file, actor));
      this.settings.remember(file.path, info.name);
      if (file.searchIndex === 'building') this.buildSearchIndex(file);
      return info;
    } catch (error) {
      this.project = null;
      await file.close();
      throw error;
    }
  }

  /**
   * Builds the full-text index of the open project step by step, each step queued like a call so
   * calls made meanwhile are answered between steps, with progress events (task `searchIndex`).
   * Stops when the project is closed; the next open resumes it.
   */
  private buildSearchIndex(file: ProjectFile): void {
    const known: Known = new Set();
    const step = (): void => {
      if (this.project?.file !== file) return;
      const { done, total, finished } = searchIndexStep(file.raw, known);
      if (!finished) {
        this.emit({ type: 'progress', task: 'searchIndex', done, total });
        setTimeout(() => {
          this.queue = this.queue.then(step).catch(() => undefined);
        }, 0);
        return;
      }
      // Progress ends; views re-read what they show (a search that waited can now run).
      this.emit({ type: 'changed', method: 'search.index', operationId: null, tables: ['search_sources'] });
    };
    setTimeout(() => {
      this.queue = this.queue.then(step).catch(() => undefined);
    }, 0);
  }

  /** The person working: an existing team member by name, or a new one added through the mutation path. */
  private async resolveActor(file: ProjectFile, actor: { name: string; initials?: string }): Promise<Member> {
    const found = await file.db.selectFrom('members').selectAll().where('name', '=', actor.name).executeTakeFirst();
    if (found) return toMember(found);
    const bootstrap: Member = { id: '00000000-0000-7000-8000-000000000000', name: actor.name, initials: '', color: '#000000', team: null, region: null, archived: false };
    const ctx = this.context(file, bootstrap);
    const outcome = await runMutation(ctx, 'members.create', actor, async (m) => {
      const member = await handlers['members.create'](m, { name: actor.name, ...(actor.initials ? { initials: actor.initials } : {}) });
      // A member's arrival is attributed to them and is not undoable: undoing it would pull the
      // ground from under everything they do next.
      m.raw.prepare('UPDATE operations SET actor_id = ?, final = 1 WHERE seq = ?').run(member.id, m.operationSeq);
      return member;
    });
    return outcome.result;
  }
}
