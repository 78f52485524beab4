package org.xenoscope.dom0;

import java.util.HashMap;
import java.util.Map;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.Hypervisor;

/**
 * The console back-end (xenconsoled's job) in Domain 0: for each guest, reads what the guest wrote into the
 * {@code out} half of its console ring and puts it on that domain's console, then advances {@code out_cons} and
 * notifies the guest. It drains a ring when the guest notifies its console port and whenever the guest yields,
 * so a guest that waits for {@code out_cons == out_prod} always gets there.
 *
 * <pre>
 *  struct xencons_interface (one page)
 *    0     char in[1024]       input to the guest (unused: no keyboard)
 *    1024  char out[2048]      output from the guest
 *    3072  u32 in_cons   3076 u32 in_prod   3080 u32 out_cons   3084 u32 out_prod
 *  indices run freely; the byte of index i is out[i &amp; 2047]
 * </pre>
 */
public final class ConsoleDaemon {
    static final int OUT = 1024;
    static final int OUT_SIZE = 2048;
    static final int OUT_CONS = 3080;
    static final int OUT_PROD = 3084;
    static final int IN_SIZE = 1024;
    static final int IN_CONS = 3072;
    static final int IN_PROD = 3076;

    private final Hypervisor hv;
    private final Domain dom0;
    /** Per guest domain id: its ring's machine address and Domain 0's port for it. */
    private final Map<Integer, long[]> rings = new HashMap<>();
    private final Map<Integer, Integer> byPort = new HashMap<>();

    /** Starts the daemon in Domain 0 (creating Domain 0 if the hypervisor has none yet). */
    public ConsoleDaemon(Hypervisor hv) {
        this.hv = hv;
        Domain d0 = hv.domain(Hypervisor.DOM0);
        this.dom0 = d0 != null ? d0 : hv.createControlDomain();
        dom0.setEventSink(this::notified);
        hv.addYieldListener(this::drain);
    }

    /**
     * Contract: connects to guest {@code d}'s console ring in machine frame {@code ringMfn}: binds a Domain-0 port
     * to the guest's unbound port {@code guestPort} (which now notifies us).
     */
    public void attach(Domain d, int ringMfn, int guestPort) {
        rings.put(d.id(), new long[] {(long) ringMfn << 12, 0});
        int port = hv.events().bindInterdomain(dom0, d.id(), guestPort);
        rings.get(d.id())[1] = port;
        byPort.put(port, d.id());
    }

    /** A Domain-0 port became pending: the guest behind it has output. */
    private void notified(int port) {
        Integer dom = byPort.get(port);
        dom0.sharedInfo().clearPending(port);
        if (dom != null) {
            Domain d = hv.domain(dom);
            if (d != null) {
                drain(d);
            }
        }
    }

    /**
     * Contract: types {@code data} into {@code d}'s console: copies what fits into the ring's {@code in[]} half at
     * in_prod, advances in_prod and notifies the guest. Returns the number of bytes taken (0 without a ring).
     */
    public int input(Domain d, byte[] data) {
        long[] r = rings.get(d.id());
        if (r == null || d.dead()) {
            return 0;
        }
        PhysicalMemory mem = hv.machine().memory();
        long ring = r[0];
        int cons = mem.readDword(ring + IN_CONS);
        int prod = mem.readDword(ring + IN_PROD);
        int room = IN_SIZE - (prod - cons);
        int n = Math.max(0, Math.min(room, data.length));
        for (int i = 0; i < n; i++) {
            mem.writeByte(ring + ((prod + i) & (IN_SIZE - 1)), data[i]);
        }
        mem.writeDword(ring + IN_PROD, prod + n);
        if (n > 0) {
            hv.events().send(dom0, (int) r[1]);
        }
        return n;
    }

    /**
     * Contract: moves everything between out_cons and out_prod of {@code d}'s ring to its console (at most one
     * ring's worth: a producer index further ahead than that is a guest bug and the excess is skipped), advances
     * out_cons, and notifies the guest if anything moved.
     */
    public void drain(Domain d) {
        long[] r = rings.get(d.id());
        if (r == null) {
            return;
        }
        PhysicalMemory mem = hv.machine().memory();
        long ring = r[0];
        int cons = mem.readDword(ring + OUT_CONS);
        int prod = mem.readDword(ring + OUT_PROD);
        int n = prod - cons;
        if (n == 0) {
            return;
        }
        if (Integer.compareUnsigned(n, OUT_SIZE) > 0) {
            cons = prod - OUT_SIZE;
            n = OUT_SIZE;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) mem.readByte(ring + OUT + ((cons + i) & (OUT_SIZE - 1)));
        }
        d.consoleWrite(b, 0, n);
        mem.writeDword(ring + OUT_CONS, prod);
        if (!d.dead()) {
            hv.events().send(dom0, (int) r[1]);
        }
    }
}
