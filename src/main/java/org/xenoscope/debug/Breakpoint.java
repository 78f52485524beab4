package org.xenoscope.debug;

/**
 * What can stop a run. Instruction-level breakpoints (address, hypercall) stop <em>before</em> the instruction;
 * breakpoints on what the hypervisor did (exception bounced, domain killed, validation refused) stop right after
 * the instruction that caused it; watchpoints stop after the instruction that changed the watched bytes.
 */
public sealed interface Breakpoint {
    /** Before the instruction at linear address {@code address} when {@code condition} holds. */
    record Address(int address, Condition condition) implements Breakpoint {
    }

    /** Before an {@code int $0x82} with EAX = {@code number} and, when {@code subOp} is not null, EBX = it. */
    record Hypercall(int number, Integer subOp) implements Breakpoint {
    }

    /** After the hypervisor receives exception {@code vector} (bounced, emulated or fatal). */
    record Exception(int vector) implements Breakpoint {
    }

    /** After the hypervisor kills a domain or a domain crashes. */
    record DomainKill() implements Breakpoint {
    }

    /** After the hypervisor refuses a page-table or descriptor update (a trace event of type "refused"). */
    record ValidationRefused() implements Breakpoint {
    }

    /** After an instruction changes any of {@code length} bytes at {@code address} in {@code space}. */
    record Watch(Space space, long address, int length) implements Breakpoint {
    }

    /** Address spaces a watchpoint can name. */
    enum Space { VIRTUAL, PSEUDO_PHYSICAL, MACHINE }
}
