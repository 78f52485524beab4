package org.xenoscope.dom0;

import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.xen.Hypervisor;

/**
 * A whole Xen system in one object: the hypervisor on its machine, Domain 0 with its console back-end, and the
 * domain builder. The CLI, the debugger and the tests start guests through it.
 */
public final class XenSystem {
    private final Hypervisor hv;
    private final ConsoleDaemon console;
    private final DomainBuilder builder;

    /** A system with {@code domainMemoryMb} MiB of machine memory for guests (beyond Xen's own). */
    public XenSystem(int domainMemoryMb) {
        try {
            hv = new Hypervisor(domainMemoryMb);
        } catch (OutOfMemoryError e) {
            throw new BadInputException("--memory", domainMemoryMb + " MB do not fit in the Java heap (raise -Xmx)");
        }
        console = new ConsoleDaemon(hv);
        builder = new DomainBuilder(hv, console);
        hv.addEndListener(console::drain); // output written without a notify, drained once the domain has ended
    }

    public Hypervisor hypervisor() {
        return hv;
    }

    /** The console back-end (Domain 0's xenconsoled). */
    public ConsoleDaemon console() {
        return console;
    }

    /**
     * Contract: parses {@code elfBytes} (file {@code name}) as a PV kernel and builds and starts one guest of
     * {@code memoryMb} MiB. May be called again for further guests: the first one started runs first, the others
     * wait for the scheduler (see {@link Hypervisor#run}). Bad input throws BadInputException.
     */
    public DomainBuilder.Built boot(String name, byte[] elfBytes, int memoryMb, String cmdline) {
        ElfImage elf = ElfImage.parse(name, elfBytes);
        GuestImage img = GuestImage.of(elf);
        String dom = name.replaceAll(".*/", "").replaceAll("\\.(elf|asm)$", "");
        return builder.build(dom, img, memoryMb, cmdline);
    }

    /**
     * Runs the guests (see {@link Hypervisor#run}). Once one has ended, its console ring is drained a last time
     * (output it wrote without notifying), at the moment the hypervisor notices the end. Nothing else happens
     * between slices, so a run cut into slices is the same run as one in one piece (the debugger's replay relies
     * on it).
     */
    public Hypervisor.Result run(long maxInstructions) {
        Hypervisor.Result r = hv.run(maxInstructions);
        if (r.domain().dead()) {
            console.drain(r.domain());
        }
        return r;
    }
}
