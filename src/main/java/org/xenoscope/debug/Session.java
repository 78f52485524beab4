package org.xenoscope.debug;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An {@link Engine} on its own simulation thread (style-anchors §4 rule 2): front ends {@link #post} commands and
 * read {@link #latest()}; the thread applies commands in order between run slices and publishes an immutable
 * {@link Snapshot} after every command and at most every {@link #PUBLISH_NANOS} while running. Listeners are called
 * on the simulation thread with each published snapshot; a GUI keeps only the latest (rule 3).
 */
public final class Session implements AutoCloseable {
    /** Cycles per slice at full speed: the longest a command waits while a guest runs. */
    static final long SLICE = 2_000_000;
    /** Minimum time between two snapshots while running. */
    static final long PUBLISH_NANOS = 30_000_000;

    private final Engine engine;
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final TraceBuffer trace = new TraceBuffer();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    private boolean running;
    private long speed;
    private long lastPublish;

    /** Starts a session on a new system built from {@code spec}. Bad input throws BadInputException. */
    public Session(SystemSpec spec) {
        this(new Engine(spec));
    }

    /**
     * Starts a session on {@code e}, an engine nobody else uses from now on (e.g. one {@link SnapshotFile#load}
     * returned); its trace buffer starts empty at the engine's position.
     */
    public Session(Engine e) {
        engine = e;
        trace.reset(engine.generation());
        engine.addTraceListener(trace::add);
        engine.onRebuild(() -> trace.reset(engine.generation()));
        publish(new Stop(Stop.Reason.START, 0, "booted"), false);
        thread = new Thread(this::loop, "xenoscope-simulation");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Contract: runs {@code q} on the simulation thread between two slices (a live read: memory, disassembly,
     * page tables) and completes the future with its result, or exceptionally with what it threw. A query must
     * not change the simulation.
     */
    public <T> java.util.concurrent.CompletableFuture<T> query(java.util.function.Function<Engine, T> q) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        queue.add(new Query(e -> {
            try {
                f.complete(q.apply(e));
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        }));
        return f;
    }

    /** A live read queued like a command (see {@link #query}); not a {@link Command}, it changes nothing. */
    private record Query(Consumer<Engine> body) implements Command.Internal {
    }

    /** Queues {@code c}; a Pause also interrupts a running slice at once. */
    public void post(Command c) {
        if (c instanceof Command.Pause) {
            engine.pause();
        }
        queue.add(c);
    }

    /** The last published snapshot (never null). */
    public Snapshot latest() {
        return latest.get();
    }

    public TraceBuffer trace() {
        return trace;
    }

    /** Calls {@code l} (on the simulation thread) with every snapshot published from now on. */
    public void addListener(Consumer<Snapshot> l) {
        listeners.add(l);
    }

    /** A failure of the simulation thread itself (a simulator bug), or null. */
    public Throwable failure() {
        return failure;
    }

    private void loop() {
        try {
            while (!closed) {
                Command c = running ? queue.poll(waitNanos(), TimeUnit.NANOSECONDS) : queue.take();
                try {
                    if (c != null) {
                        apply(c);
                    } else if (running) {
                        slice();
                    }
                } catch (org.xenoscope.asm.BadInputException e) {
                    running = false; // a command with bad input (an unwritable file): say so, keep the session
                    publish(new Stop(Stop.Reason.PAUSED, engine.cycles(), "error: " + e.getMessage()), false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            publish(new Stop(Stop.Reason.PAUSED, engine.cycles(), "simulator error: " + e), false);
        }
    }


    /** At a limited speed, how long to wait before the next instruction is due; 0 at full speed. */
    private long waitNanos() {
        return speed == 0 ? 0 : 1_000_000_000L / speed;
    }

    private void slice() {
        long n = speed == 0 ? SLICE : 1;
        Stop s = engine.resume(n);
        if (s.reason() == Stop.Reason.LIMIT) {
            long now = System.nanoTime();
            if (now - lastPublish >= PUBLISH_NANOS || speed != 0) {
                publish(s, true);
            }
            return;
        }
        running = false;
        publish(s, false);
    }

    private void apply(Command c) {
        if (c instanceof Query q) {
            q.body().accept(engine);
            return;
        }
        if (c instanceof Command.ConsoleInput || c instanceof Command.AddBreakpoint
            || c instanceof Command.RemoveBreakpoint) { // typing or toggling a breakpoint does not stop a run
            if (c instanceof Command.ConsoleInput in) {
                engine.consoleInput(in.domain(), in.data());
            } else if (c instanceof Command.AddBreakpoint b) {
                engine.addBreakpoint(b.breakpoint());
            } else if (c instanceof Command.RemoveBreakpoint b) {
                engine.removeBreakpoint(b.breakpoint());
            }
            if (!running) {
                publish(new Stop(Stop.Reason.PAUSED, engine.cycles(), ""), false);
            }
            return;
        }
        if (c instanceof Command.Continue) {
            startRun(engine.cont(1));
        } else if (c instanceof Command.RunTo r) {
            startRun(engine.runTo(r.address(), 1));
        } else if (c instanceof Command.RunToNext r) {
            startRun(engine.runToNext(r.what(), 1));
        } else if (c instanceof Command.StepOver) {
            startRun(engine.stepOver(1));
        } else if (c instanceof Command.StepOut) {
            startRun(engine.stepOut(1));
        } else if (c instanceof Command.Pause) {
            running = false;
            publish(new Stop(Stop.Reason.PAUSED, engine.cycles(), ""), false);
        } else if (c instanceof Command.SetSpeed s) {
            speed = Math.max(0, s.instructionsPerSecond());
        } else {
            running = false;
            publish(applyStopped(c), false);
        }
    }

    /** Commands that run to completion at once (steps, travel, edits, save). */
    private Stop applyStopped(Command c) {
        if (c instanceof Command.Step) {
            return engine.step();
        } else if (c instanceof Command.StepBack) {
            return engine.stepBack();
        } else if (c instanceof Command.ReverseContinue) {
            return engine.reverseContinue();
        } else if (c instanceof Command.Travel t) {
            return engine.travel(t.cycles());
        } else if (c instanceof Command.SetRegister r) {
            engine.setRegister(r.reg(), r.value());
        } else if (c instanceof Command.DestroyDomain d) {
            engine.destroyDomain(d.domain());
        } else if (c instanceof Command.PauseDomain p) {
            engine.setDomainPaused(p.domain(), p.paused());
        } else if (c instanceof Command.Save s) {
            SnapshotFile.save(engine, s.file());
        }
        return new Stop(Stop.Reason.PAUSED, engine.cycles(), "");
    }

    /**
     * A long-running command: the engine ran its first (short) piece; if it is not done, the loop goes on in
     * slices with {@link Engine#resume}, so commands (Pause) are seen between slices.
     */
    private void startRun(Stop first) {
        if (first.reason() == Stop.Reason.LIMIT) {
            running = true;
            lastPublish = System.nanoTime();
            publish(first, true);
        } else {
            running = false;
            publish(first, false);
        }
    }

    private void publish(Stop s, boolean isRunning) {
        lastPublish = System.nanoTime();
        Snapshot snap = engine.snapshot(s.toString(), isRunning);
        latest.set(snap);
        for (Consumer<Snapshot> l : listeners) {
            l.accept(snap);
        }
    }

    /** Stops the simulation thread. */
    @Override
    public void close() {
        closed = true;
        engine.pause();
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
