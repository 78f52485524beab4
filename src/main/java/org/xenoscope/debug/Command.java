package org.xenoscope.debug;

/** What a front end can ask the {@link Session} to do; applied on the simulation thread in order. */
public sealed interface Command {
    record Step() implements Command { }

    record StepOver() implements Command { }

    record StepOut() implements Command { }

    record Continue() implements Command { }

    /** Stops whatever is running; always works, even in a runaway guest. */
    record Pause() implements Command { }

    record RunTo(int address) implements Command { }

    record RunToNext(Engine.Next what) implements Command { }

    record StepBack() implements Command { }

    record ReverseContinue() implements Command { }

    record Travel(long cycles) implements Command { }

    record AddBreakpoint(Breakpoint breakpoint) implements Command { }

    record RemoveBreakpoint(Breakpoint breakpoint) implements Command { }

    /** Register 0..7 (EAX..EDI) or 8 (EIP). */
    record SetRegister(int reg, int value) implements Command { }

    /** Instructions per second while running; 0 = as fast as possible. */
    record SetSpeed(long instructionsPerSecond) implements Command { }

    record Save(java.nio.file.Path file) implements Command { }

    /** Keyboard input for a domain's console (journaled, so replay repeats it). */
    record ConsoleInput(int domain, byte[] data) implements Command {
        public ConsoleInput {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Kills a domain (the toolstack's destroy; journaled). */
    record DestroyDomain(int domain) implements Command { }

    /** Pauses ({@code paused}) or unpauses one domain (the toolstack's pause/unpause; journaled). */
    record PauseDomain(int domain, boolean paused) implements Command { }

    /** Session-internal requests that travel through the same queue (live reads). */
    non-sealed interface Internal extends Command { }
}
