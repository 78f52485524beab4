package org.xenoscope.xen;

import java.util.function.IntConsumer;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.SharedInfo;
import org.xenoscope.xen.abi.VcpuInfo;
import org.xenoscope.xen.mm.MmDomain;
import org.xenoscope.xen.mm.PagingMode;

/**
 * A domain: a running virtual machine (the paper's term), with its memory reservation, its VCPU, its shared_info
 * page, its event-channel ports and its console. Created by the hypervisor, filled in by the domain builder.
 *
 * <p>Invariants: {@code p2m[pfn]} is a machine frame this domain owns, for every pfn below {@link #nrPages()},
 * or {@link #INVALID_P2M} for one it gave back with the balloon (memory_op decrease_reservation);
 * the shared_info frame is Xen's, shared with the domain; once {@link #state()} is SHUTDOWN or CRASHED the domain
 * never runs again.
 */
public final class Domain implements MmDomain {
    /** Lifecycle. */
    public enum State { RUNNING, BLOCKED, SHUTDOWN, CRASHED }

    /** Ports per domain in the 2-level event-channel ABI on 32-bit (32 words x 32 bits). */
    public static final int NR_EVENT_CHANNELS = 1024;

    /** A p2m entry whose frame was given back (Xen's INVALID_P2M_ENTRY). */
    public static final int INVALID_P2M = 0xFFFFFFFF;

    private final int id;
    private final String name;
    private final GuestFlavour flavour;
    private final boolean privileged;
    private final PhysicalMemory mem;
    final Vcpu vcpu0 = new Vcpu(0);
    final EventChannel[] ports = new EventChannel[NR_EVENT_CHANNELS];
    State state = State.RUNNING;
    /** Paused by the toolstack (xl pause): not scheduled until unpaused, whatever its state. */
    boolean paused;
    int shutdownCode = -1;
    String endReason = "";
    int[] p2m = new int[0];
    /** The most frames the domain may own (Xen: max_pages); the initial reservation unless raised. */
    int maxPages;
    int sharedInfoMfn;
    /** Per-domain L1 table mapping the GDT, IDT and TSS into Xen's area, and those frames. */
    int perDomainL1Mfn;
    int xenGdtMfn;
    int idtMfn;
    int tssMfn;
    /** The entries Xen puts in its L2 slots of this domain's page directories (index -> entry, 0 = none). */
    long[] xenL2Entries = new long[0];
    /** Grant-table frames (setup_table) and the version in use. */
    int[] grantFrames = new int[0];
    int grantVersion = 1;
    /** VMASST_TYPE_* bits enabled with vm_assist. */
    int vmAssist;
    private final StringBuilder console = new StringBuilder();
    private IntConsumer consoleOut = c -> { };
    /** Java code standing in for the domain's event upcall (the Domain-0 daemons); null for real guests. */
    IntConsumer eventSink;

    Domain(int id, String name, GuestFlavour flavour, boolean privileged, PhysicalMemory mem) {
        this.id = id;
        this.name = name;
        this.flavour = flavour;
        this.privileged = privileged;
        this.mem = mem;
        for (int p = 0; p < NR_EVENT_CHANNELS; p++) {
            ports[p] = new EventChannel();
        }
        ports[0].state = EventChannel.State.RESERVED;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public GuestFlavour flavour() {
        return flavour;
    }

    @Override
    public PagingMode pagingMode() {
        return flavour.pagingMode();
    }

    @Override
    public long xenL2Entry(int index) {
        return index < xenL2Entries.length ? xenL2Entries[index] : 0;
    }

    /** True for a control domain (Domain 0): may use domctl/sysctl and act on other domains. */
    public boolean privileged() {
        return privileged;
    }

    public State state() {
        return state;
    }

    /** True when the scheduler may give this domain the CPU: a guest domain, neither blocked, paused nor ended. */
    public boolean runnable() {
        return id != Hypervisor.DOM0 && state == State.RUNNING && !paused;
    }

    /** True while the toolstack keeps the domain paused. */
    public boolean paused() {
        return paused;
    }

    /** True once the domain has shut down or been killed. */
    public boolean dead() {
        return state == State.SHUTDOWN || state == State.CRASHED;
    }

    /** The SHUTDOWN_* code it shut down with, or -1. */
    public int shutdownCode() {
        return shutdownCode;
    }

    /** Why it ended (shutdown reason or the hypervisor's kill reason), empty while alive. */
    public String endReason() {
        return endReason;
    }

    public Vcpu vcpu(int n) {
        if (n != 0) {
            throw new IllegalArgumentException("one VCPU per domain");
        }
        return vcpu0;
    }

    /** Size of the pseudo-physical map the domain was built with (its initial reservation). */
    public int nrPages() {
        return p2m.length;
    }

    /** The most frames the domain may own (the maximum reservation the balloon grows to). */
    public int maxPages() {
        return maxPages;
    }

    /**
     * Contract: records that pseudo-physical frame {@code pfn} is now backed by {@code mfn} (or
     * {@link #INVALID_P2M}); pfns outside the built map are not recorded (the guest keeps its own P2M).
     */
    void setP2m(int pfn, int mfn) {
        if (pfn >= 0 && pfn < p2m.length) {
            p2m[pfn] = mfn;
        }
    }

    /** Machine frame of pseudo-physical frame {@code pfn} ({@link #INVALID_P2M} if given back). */
    public int mfn(int pfn) {
        return p2m[pfn];
    }

    public int[] p2m() {
        return p2m.clone();
    }

    public int sharedInfoMfn() {
        return sharedInfoMfn;
    }

    public SharedInfo sharedInfo() {
        return SharedInfo.at(mem, (long) sharedInfoMfn << 12);
    }

    public VcpuInfo vcpuInfo(int n) {
        return sharedInfo().vcpu(n);
    }

    public EventChannel port(int p) {
        return ports[p];
    }

    public int[] grantFrames() {
        return grantFrames.clone();
    }

    public int vmAssist() {
        return vmAssist;
    }

    /** Characters the domain has written to its console so far. */
    public int consoleLength() {
        return console.length();
    }

    /** The console text as a sequence, without a copy (the debugger takes its tail). */
    public CharSequence consoleText() {
        return console;
    }

    /** Everything the domain has written to its console so far. */
    public String console() {
        return console.toString();
    }

    /** Where console bytes go as they arrive (besides {@link #console()}). */
    public void setConsoleOutput(IntConsumer out) {
        this.consoleOut = out;
    }

    /** Appends bytes to the domain's console (from console_io or the console ring). */
    public void consoleWrite(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            int c = b[off + i] & 0xFF;
            console.append((char) c);
            consoleOut.accept(c);
        }
    }

    /** Lets Java code (a Domain-0 daemon) receive this domain's events: called with the port after it is set. */
    public void setEventSink(IntConsumer sink) {
        this.eventSink = sink;
    }

    @Override
    public String toString() {
        return "d" + id + " (" + name + ")";
    }
}
