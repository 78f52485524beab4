package org.xenoscope.debug;

/** What a run is waiting for, besides breakpoints: one step, an address, a return, or a kind of event. */
record Mode(Kind kind, int address, int esp, Engine.Next next) {
    enum Kind { PLAIN, STEP, TO, OUT, NEXT }

    static Mode plain() {
        return new Mode(Kind.PLAIN, 0, 0, null);
    }

    static Mode step() {
        return new Mode(Kind.STEP, 0, 0, null);
    }

    /** Until the instruction at {@code address} is next with ESP at or above {@code esp} (unsigned). */
    static Mode to(int address, int esp) {
        return new Mode(Kind.TO, address, esp, null);
    }

    /** Until a return leaves ESP above {@code esp}. */
    static Mode out(int esp) {
        return new Mode(Kind.OUT, 0, esp, null);
    }

    static Mode next(Engine.Next what) {
        return new Mode(Kind.NEXT, 0, 0, what);
    }
}
