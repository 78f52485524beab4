package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Hypercall;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The hypercall dispatcher (Xen: {@code hypercall_table} and the {@code int $0x82} entry): EAX selects the handler,
 * EBX, ECX, EDX, ESI, EDI are its arguments, the result goes back in EAX. Numbers without a handler, and numbers at
 * or above {@link Hypercall#NR_HYPERCALLS}, return -ENOSYS. Handlers are registered by the *Ops classes, one per
 * area, from the numbers in {@link Hypercall#TABLE}.
 *
 * <p>Invariants: a handler never throws out of {@link #invoke} (a {@link HypercallError} becomes -errno; any
 * other exception is a simulator bug and kills the domain with the message rather than the simulator).
 */
public final class Hypercalls {
    /** A hypercall handler: returns the value for EAX. */
    @FunctionalInterface
    public interface Handler {
        int call(Call c);
    }

    private final Hypervisor hv;
    private final Handler[] table = new Handler[Hypercall.NR_HYPERCALLS];

    Hypercalls(Hypervisor hv) {
        this.hv = hv;
        ConsoleOps.register(this);
        SchedOps.register(this);
        TrapOps.register(this);
        VersionOps.register(this);
        EventChannelOps.register(this);
        MemoryOps.register(this);
        DescriptorOps.register(this);
        MiscOps.register(this);
        MmuOps.register(this);
        MemoryReservationOps.register(this);
    }

    /** Installs {@code h} for the hypercall named {@code name} (Xen's name, e.g. "console_io"). */
    void register(String name, Handler h) {
        int nr = Hypercall.number(name);
        if (table[nr] != null) {
            throw new IllegalStateException("hypercall " + name + " registered twice");
        }
        table[nr] = h;
    }

    /** True if hypercall {@code nr} has a handler. */
    public boolean implemented(int nr) {
        return nr >= 0 && nr < table.length && table[nr] != null;
    }

    /** Contract: handles the {@code int $0x82} the current guest just executed; EAX receives the result. */
    void dispatch(Domain d) {
        Cpu c = hv.cpu();
        int nr = c.reg(Cpu.EAX);
        int[] args = {c.reg(Cpu.EBX), c.reg(Cpu.ECX), c.reg(Cpu.EDX), c.reg(Cpu.ESI), c.reg(Cpu.EDI)};
        int eip = c.eip() - 2;
        Call call = new Call(hv, d, nr, args, new GuestMemory(c, d.flavour()));
        int result = invoke(call);
        if (!d.dead()) {
            c.setReg(Cpu.EAX, result);
        }
        String name = Hypercall.byNumber(nr).map(Hypercall.Row::name).orElse("hypercall_" + nr);
        String text = Hypercall.describe(nr, args);
        String resultText = result < 0 && result >= -200 ? Errno.name(result) : Integer.toString(result);
        hv.emit(seq -> new TraceEvent.Hypercall(seq, hv.now(), d.id(), eip, nr, name, args, text, result,
            resultText));
    }

    /** Contract: runs hypercall {@code c.number()} and returns its result; never throws. */
    int invoke(Call c) {
        int nr = c.number();
        if (nr < 0 || nr >= table.length || table[nr] == null) {
            return Errno.ENOSYS.negative();
        }
        try {
            return table[nr].call(c);
        } catch (HypercallError e) {
            return e.result();
        } catch (RuntimeException e) {
            hv.kill(c.domain(), "hypervisor bug in " + Hypercall.describe(nr, c.args()) + ": " + e);
            return Errno.EINVAL.negative();
        }
    }
}
