package org.xenoscope.machine.cpu.diff;

/**
 * Where things are in a generated test program. The same numbers are used by the generator (to know register
 * values that hold addresses), by the program writer and by both runners.
 *
 * <pre>
 *  0x400000  .data (linked with -Tdata=0x400000)
 *            +0x000  record: id, EAX ECX EDX EBX ESP EBP ESI EDI, EFLAGS, arena copy  (RECORD_SIZE bytes)
 *            +0xD00  dump stack (256 bytes, grows down from +0xE00)
 *            +0xF20  arena: stack area (96 bytes, ESP starts at its top) + data buffer (256 bytes)
 *                    the buffer starts 128 bytes below the page boundary 0x401000, so it straddles it
 *  0x402000  .text (linked with -Ttext=0x402000): _start, the cases, the emit routine, the initial arenas
 * </pre>
 */
public final class Layout {
    private Layout() {
    }

    /** Start of the flat image (the lowest section). */
    public static final int DATA_BASE = 0x400000;
    /** Start of the code; the entry point {@code _start} is its first byte. */
    public static final int TEXT_BASE = 0x402000;

    /** Record: case id, the 8 general registers in encoding order, EFLAGS, then the arena. */
    public static final int REC_ID = 0;
    public static final int REC_REGS = 4;
    public static final int REC_EFLAGS = 36;
    public static final int REC_ARENA = 40;

    public static final int STACK_AREA = 96;
    public static final int BUFFER = 256;
    public static final int ARENA_SIZE = STACK_AREA + BUFFER;
    public static final int RECORD_SIZE = REC_ARENA + ARENA_SIZE;

    public static final int DUMP_STACK_TOP = DATA_BASE + 0xE00;
    public static final int ARENA = DATA_BASE + 0x1000 - BUFFER / 2 - STACK_AREA;
    /** ESP at the start of every case: the top of the stack area, which is also the buffer start. */
    public static final int STACK_TOP = ARENA + STACK_AREA;
}
