package org.xenoscope.xen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.RingZeroMonitor;
import org.xenoscope.xen.abi.Hypercall;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.InvariantChecker;
import org.xenoscope.xen.mm.PageRefs;
import org.xenoscope.xen.mm.PageTableOps;
import org.xenoscope.xen.trace.Trace;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The hypervisor: owns the machine, its frame table, the domains and the trace, and is the machine's ring 0.
 * Every event whose real IDT gate leads to ring 0 arrives in {@link #enter}: {@code int $0x82} hypercalls go to
 * {@link Hypercalls}, exceptions to {@link Traps} (emulate, bounce to the guest, or kill the domain). Afterwards,
 * as Xen does on every return to a guest, a pending event upcall is delivered.
 *
 * <p>Invariants: one simulation thread calls everything here; the guest context in the CPU belongs to
 * {@link #current()}; a misbehaving guest never makes this class throw — it gets a fault, an error code, or its
 * domain killed with a reason. SIMPLIFICATION: one VCPU per domain; several guest domains share the CPU round
 * robin (a later issue brings BVT); Domain 0 runs no guest code (its services are Java code in package dom0).
 */
public final class Hypervisor implements RingZeroMonitor {
    /** Machine frames kept for the hypervisor itself (8 MiB): M2P, Xen's tables, shared_info pages, ... */
    public static final int XEN_HEAP_FRAMES = 2048;
    /** Id of the control domain. */
    public static final int DOM0 = 0;
    /** A domain's time slice in cycles (1 ms of virtual time) before round robin passes the CPU on. */
    public static final long TIME_SLICE = 1_000_000;

    private final PcMachine machine;
    private final Cpu cpu;
    private final FrameTable frames;
    private final XenArea area;
    private final PageRefs refs;
    private final PageTableOps pageTables;
    private final Trace trace = new Trace();
    private final List<Domain> domains = new ArrayList<>();
    private final Hypercalls hypercalls;
    private final Traps traps;
    private final Events events;
    private Domain current;
    private int nextDomid = 1;
    /** Recompute every frame count after each hypercall (tests, debugger); property xenoscope.checkInvariants. */
    private boolean checkInvariants = Boolean.getBoolean("xenoscope.checkInvariants");

    /** A hypervisor on a new PC with {@code domainMemoryMb} MiB of RAM for domains (plus Xen's own 8 MiB). */
    public Hypervisor(int domainMemoryMb) {
        machine = new PcMachine((XEN_HEAP_FRAMES << 12) + (domainMemoryMb << 20));
        cpu = machine.cpu();
        frames = new FrameTable(machine.memory(), XEN_HEAP_FRAMES);
        area = new XenArea(machine.memory(), frames);
        refs = new PageRefs(machine.memory(), frames, (d, desc) -> DescriptorCheck.checkForTable((Domain) d, desc),
            mfn -> cpu.mmu().revokeWrites(mfn));
        pageTables = new PageTableOps(refs);
        hypercalls = new Hypercalls(this);
        traps = new Traps(this);
        events = new Events(this);
        cpu.setRingZeroMonitor(this);
    }

    public PcMachine machine() {
        return machine;
    }

    public Cpu cpu() {
        return cpu;
    }

    public FrameTable frames() {
        return frames;
    }

    /** The page-type rules (references, validation) over this machine's frames. */
    public PageRefs refs() {
        return refs;
    }

    /** Page-table updates, pins and base pointers under the page-type rules. */
    public PageTableOps pageTables() {
        return pageTables;
    }

    /**
     * Contract: makes machine frame {@code mfn} (a validated top-level table of {@code d}) the base pointer of
     * {@code d}'s VCPU, releasing the previous one, and loads CR3 when {@code d} is current. Refused (MmRefused)
     * when the frame cannot be taken as the top-level table.
     */
    public void newBaseptr(Domain d, int mfn) {
        pageTables.newBaseptr(mfn, d.vcpu0.baseMfn, d);
        d.vcpu0.baseMfn = mfn;
        if (current == d) {
            cpu.writeCr(3, mfn << 12);
        }
    }

    /** Turns the frame-table check after every hypercall on or off. */
    public void setCheckInvariants(boolean on) {
        checkInvariants = on;
    }

    /**
     * Contract: recomputes every frame's counts ({@link InvariantChecker}) and returns the violations; with any, a
     * hypervisor bug has been found: domain {@code d} is killed with the first one, so it cannot go unnoticed.
     */
    public List<String> checkFrameTable(Domain d) {
        List<String> bad = InvariantChecker.check(refs, mmRoots());
        if (!bad.isEmpty() && d != null) {
            kill(d, "frame-table invariant broken (a hypervisor bug): " + bad.get(0));
        }
        return bad;
    }

    /** The roots of every domain's references for the invariant checker. */
    public List<InvariantChecker.Roots> mmRoots() {
        List<InvariantChecker.Roots> r = new ArrayList<>();
        for (Domain d : domains) {
            if (d.id() != DOM0) {
                r.add(new InvariantChecker.Roots(d, d.vcpu0.baseMfn, d.vcpu0.gdtFrames, d.vcpu0.ldtFrames));
            }
        }
        return r;
    }

    public XenArea area() {
        return area;
    }

    public Trace trace() {
        return trace;
    }

    public Events events() {
        return events;
    }

    Bounce bounce() {
        return traps.bounce();
    }

    public Hypercalls hypercalls() {
        return hypercalls;
    }

    public List<Domain> domains() {
        return Collections.unmodifiableList(domains);
    }

    /** The domain whose context is in the CPU (null before the first start). */
    public Domain current() {
        return current;
    }

    /** Domain {@code id}, or null. */
    public Domain domain(int id) {
        for (Domain d : domains) {
            if (d.id() == id) {
                return d;
            }
        }
        return null;
    }

    /** Virtual time now, in cycles (= nanoseconds). */
    public long now() {
        return cpu.cycles();
    }

    /**
     * Contract: creates Domain 0, the control domain, as a shell with no memory and no guest code: its event
     * channels and console are served by Java code (package dom0). Only one exists.
     */
    public Domain createControlDomain() {
        if (domain(DOM0) != null) {
            throw new IllegalStateException("Domain 0 exists");
        }
        Domain d = new Domain(DOM0, "Domain-0", GuestFlavour.PAE, true, machine.memory());
        d.sharedInfoMfn = frames.allocXen();
        domains.add(d);
        return d;
    }

    /**
     * Contract: creates a guest domain of {@code flavour} with {@code nrPages} pseudo-physical pages (machine frames
     * from the pool, discontiguous, M2P updated, p2m filled), a Xen-owned shared_info page with every VCPU's events
     * masked, and its per-domain area. Throws IllegalArgumentException when the machine has too little memory.
     */
    public Domain createDomain(String name, GuestFlavour flavour, int nrPages) {
        if (nrPages > frames.freeFrames()) {
            throw new IllegalArgumentException("not enough machine memory for " + nrPages + " pages");
        }
        Domain d = new Domain(nextDomid++, name, flavour, false, machine.memory());
        d.p2m = new int[nrPages];
        d.maxPages = nrPages;
        for (int pfn = 0; pfn < nrPages; pfn++) {
            d.p2m[pfn] = frames.allocDomain(d.id(), pfn);
        }
        d.sharedInfoMfn = frames.allocXen();
        frames.share(d.sharedInfoMfn, d.id());
        d.sharedInfo().setMaxPfn(nrPages);
        for (int v = 0; v < org.xenoscope.xen.abi.Layout.XEN_LEGACY_MAX_VCPUS; v++) {
            d.sharedInfo().vcpu(v).setUpcallMask(true);
        }
        area.setupDomain(d);
        domains.add(d);
        return d;
    }

    /**
     * Contract: loads domain {@code d}'s initial context into the CPU: paging (CR3 = {@code cr3}, PAE per flavour,
     * CR0.WP on), the per-domain GDT/IDT/TSS, then ring 1 at {@code eip} with {@code esp}, ESI = {@code esi},
     * EFLAGS.IF, the flat kernel selectors in every segment register. The first domain started becomes current;
     * a later one leaves the current domain undisturbed: its initial context is saved in its VCPU, to be loaded
     * when the scheduler first switches to it.
     */
    public void start(Domain d, int cr3, int eip, int esp, int esi) {
        Domain running = current;
        if (running != null && running != d) {
            running.vcpu0.context.save(cpu);
        }
        current = d;
        loadInitialContext(d, cr3, eip, esp, esi);
        Time.update(this, d);
        if (running != null && running != d) {
            d.vcpu0.context.save(cpu);
            running.vcpu0.context.restore(cpu);
            current = running;
        } else {
            scheduling.sliceEnd = now() + TIME_SLICE;
        }
    }

    /** The CPU state of a freshly built PV guest (see {@link #start}). */
    private void loadInitialContext(Domain d, int cr3, int eip, int esp, int esi) {
        cpu.writeCr(0, cpu.cr(0) & ~Cpu.CR0_PG); // so a PAE and a 2-level domain can follow each other
        cpu.writeCr(4, d.flavour() == GuestFlavour.PAE ? Cpu.CR4_PAE : 0);
        cpu.writeCr(3, cr3);
        cpu.writeCr(0, Cpu.CR0_PE | Cpu.CR0_PG | Cpu.CR0_WP | Cpu.CR0_ET | Cpu.CR0_NE);
        cpu.setGdtr(GuestFlavour.GDT_VIRT_START, XenArea.GDT_LIMIT);
        cpu.setIdtr(GuestFlavour.IDT_VIRT_START, 256 * 8 - 1);
        cpu.writeCr(2, 0);
        java.util.Arrays.fill(cpu.dr, 0, 6, 0);
        cpu.dr[6] = 0xFFFF0FF0;
        cpu.dr[7] = 0x400;
        cpu.setCpl(0);
        cpu.ldtr.loadNull(0);
        cpu.loadTr(XenArea.TSS_SELECTOR);
        for (int r = 0; r < 8; r++) {
            cpu.setReg(r, 0);
        }
        cpu.setReg(Cpu.ESI, esi);
        int ds = org.xenoscope.xen.abi.Selectors.FLAT_KERNEL_DS;
        cpu.loadSegment(Cpu.DS, ds);
        cpu.loadSegment(Cpu.ES, ds);
        cpu.loadSegment(Cpu.FS, ds);
        cpu.loadSegment(Cpu.GS, ds);
        cpu.enterGuest(eip, org.xenoscope.xen.abi.Selectors.FLAT_KERNEL_CS, 0x202, esp, ds);
    }

    private final Scheduling scheduling = new Scheduling(this);

    /** Runs {@code l} whenever a domain yields the CPU (the console back-end drains rings then). */
    public void addYieldListener(java.util.function.Consumer<Domain> l) {
        scheduling.addYieldListener(l);
    }

    /** Domain {@code d} gave up the CPU (SCHEDOP_yield); see {@link Scheduling}. */
    void yielded(Domain d) {
        scheduling.yielded(d);
    }

    /**
     * Contract: the toolstack's pause ({@code paused = true}) or unpause of guest domain {@code d}: a paused domain
     * is not scheduled (the next runnable one gets the CPU at the next decision point); its state is kept.
     */
    public void setPaused(Domain d, boolean paused) {
        if (d.id() != DOM0 && !d.dead()) {
            d.paused = paused;
        }
    }

    /** Domain {@code d} sleeps until an event arrives for it ({@link Events} wakes it). */
    void block(Domain d) {
        d.state = Domain.State.BLOCKED;
    }

    /** Wakes a blocked domain (an event became pending for it). */
    void wake(Domain d) {
        if (d.state == Domain.State.BLOCKED) {
            d.state = Domain.State.RUNNING;
        }
    }

    /** Why {@link #run} returned. */
    public enum Outcome { SHUTDOWN, CRASHED, LIMIT, BLOCKED, STOPPED }

    /** The result of {@link #run}: the outcome, the domain it concerns and the instructions executed. */
    public record Result(Outcome outcome, Domain domain, long instructions, String detail) {
    }

    /**
     * Contract: runs the guest domains for at most {@code maxInstructions} (0 = no limit), round robin, until every
     * guest domain has ended (SHUTDOWN or CRASHED; the result names the last one to end), every live one is blocked
     * or paused with nothing that could wake it (BLOCKED), or a stop is requested (see {@link Scheduling}). With one
     * guest domain this is simply that domain's run.
     */
    public Result run(long maxInstructions) {
        return scheduling.run(maxInstructions);
    }

    /** Runs {@code l} once for each guest domain that ended, soon after (the console back-end drains it then). */
    public void addEndListener(java.util.function.Consumer<Domain> l) {
        scheduling.addEndListener(l);
    }

    /** Xen's {@code context_switch()} to {@code next}, recorded with {@code why} (see {@link Scheduling}). */
    public void switchTo(Domain next, String why) {
        scheduling.switchTo(next, why);
    }

    /** The live list of domains (for the scheduler). */
    List<Domain> domainList() {
        return domains;
    }

    /** Makes {@code d} the domain whose context is in the CPU (the scheduler's context switch). */
    void setCurrent(Domain d) {
        current = d;
    }

    // ------------------------------------------------------------------ ring 0

    @Override
    public void enter(int vector, Kind kind, boolean hasErrorCode, int errorCode, int returnEip) {
        Domain d = current;
        if (d == null || d.dead()) {
            return;
        }
        try {
            Time.update(this, d);
            if (kind == Kind.EXTERNAL) {
                return; // SIMPLIFICATION: Xen programs no device interrupts yet; nothing raises one
            } else if (vector == Hypercall.XEN_HYPERCALL_VECTOR && kind == Kind.SOFTWARE) {
                cpu.setEip(returnEip);
                hypercalls.dispatch(d);
                if (checkInvariants) {
                    checkFrameTable(d);
                }
            } else {
                traps.handle(d, vector, kind, hasErrorCode, errorCode, returnEip);
            }
            returnToGuest(d);
        } catch (RuntimeException e) {
            // A bug in the hypervisor must not take the simulator (or another domain) down: the domain pays.
            kill(d, "hypervisor bug while handling vector " + vector + ": " + e);
        }
    }

    /** Xen's exit path: stop the machine if the domain ended or blocked, else deliver a pending upcall. */
    void returnToGuest(Domain d) {
        if (d.dead() || d.state == Domain.State.BLOCKED) {
            machine.requestStop();
            return;
        }
        events.deliverUpcall(d);
    }

    /** Emits a trace event built with the next sequence number. */
    public void emit(java.util.function.LongFunction<TraceEvent> make) {
        trace.emit(make.apply(trace.nextSeq()));
    }

    /**
     * Contract: kills domain {@code d} with {@code reason} (Xen's domain_crash): it never runs again, the run stops,
     * the trace records the reason. Killing a dead domain does nothing.
     */
    public void kill(Domain d, String reason) {
        if (d.dead()) {
            return;
        }
        d.state = Domain.State.CRASHED;
        d.endReason = reason;
        int eip = cpu.eip();
        emit(seq -> new TraceEvent.Crash(seq, now(), d.id(), eip, reason));
        machine.requestStop();
    }

    /** Contract: domain {@code d} shut itself down with SHUTDOWN_* {@code code}; crash (3) counts as a crash. */
    public void shutdown(Domain d, int code, String reason) {
        if (d.dead()) {
            return;
        }
        d.state = code == org.xenoscope.xen.abi.ShutdownReason.SHUTDOWN_CRASH ? Domain.State.CRASHED
            : Domain.State.SHUTDOWN;
        d.shutdownCode = code;
        d.endReason = reason;
        emit(seq -> new TraceEvent.Shutdown(seq, now(), d.id(), code, reason));
        machine.requestStop();
    }
}
