/**
 * How the JavaScript heap of a process hosting the core is set up (the desktop app's core
 * process, the bench) and that of its export worker thread.
 *
 * The young generation's semi-spaces may grow to 64 MiB instead of V8's 16: a large export makes
 * some 350 MB of short-lived rows and strings in each of its two threads, and with the default
 * each thread stopped for about forty scavenges per export, a fifth of its time, copying the same
 * few megabytes of live rows each time. With room to grow, V8 scavenges a third as often.
 */
export const SEMI_SPACE_MB = 64;

/** The V8 flags a process hosting the core starts with. */
export const CORE_V8_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** A worker thread's young generation, which V8 sizes as three semi-spaces (two, and one for large objects). */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
